"""The one definition of a fact store's fields: kinds of field, and `stored`, with which the model declares them."""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any, NamedTuple

SCHEMA_ID = "bakuastana.facts/1"
ID_PATTERN = r"^[a-z][a-z0-9_]*$"
# what parse_period reads: YYYY, YYYY-MM, YYYY-MM-DD, a range A..B (B may be MM), A.., ..B; YYYY may be relative
PERIOD_PATTERN = (r"^(((\d{4}|this_year|last_year|next_year)(-\d{2}){0,2})?"
                  r"(\.\.((\d{4}|this_year|last_year|next_year)(-\d{2}){0,2}|\d{2})?)?)$")

# Kinds of field: how the loader reads a value (store/load.py) and what the JSON Schema says of it (store/schema.py)
ID = "id"  # lower_snake_case text starting with a letter
TEXT = "text"  # text; a required one must not be blank
FIGURE = "figure"  # text, or a number or date written bare (`value: 4`, `period: 2024`), read as its text
PERIOD = "period"  # a figure that parse_period reads
DATE = "date"  # a date YYYY-MM-DD
FLAG = "flag"  # true or false
CHOICE = "choice"  # one of the field's choices
TEXT_LIST = "text_list"  # a list of text
TEXT_MAP = "text_map"  # a mapping of text to text
COMPARISON = "comparison"  # an expression comparing two sides; its parser checks it (analysis/values.py)
CONST = "const"  # exactly the field's one choice
SECTION = "section"  # a mapping of the fields of the model class `item`
SECTION_LIST = "section_list"  # a list of such mappings

_SPEC = "bakuastana.store"


class StoreField(NamedTuple):
    """One field as the store writes it: its key, the model attribute it fills, its kind and what it allows."""

    key: str
    attribute: str
    kind: str
    required: bool = False
    choices: tuple[str, ...] = ()
    absent: Any = None  # the value when the store leaves the field out
    item: type | None = None  # the model class of a SECTION or SECTION_LIST
    description: str | None = None


def stored(kind: str, *, required: bool = False, key: str | None = None, choices: tuple[str, ...] = (),
           absent: Any = None, item: type | None = None, description: str | None = None) -> dict[str, Any]:
    """The metadata of a model attribute read from the store: `field(default=..., metadata=stored(TEXT))`."""
    return {_SPEC: {"kind": kind, "required": required, "key": key, "choices": choices, "absent": absent,
                    "item": item, "description": description}}


@cache
def store_fields(model: type) -> tuple[StoreField, ...]:
    """The stored fields of a model class, in the order it declares them."""
    fields = []
    for field in dataclasses.fields(model):
        spec = field.metadata.get(_SPEC)
        if spec is not None:
            fields.append(StoreField(key=spec["key"] or field.name, attribute=field.name, kind=spec["kind"],
                                     required=spec["required"], choices=spec["choices"], absent=spec["absent"],
                                     item=spec["item"], description=spec["description"]))
    return tuple(fields)
