"""The loader's quick paths: the first offending field is still the one reported; marks read as a mapping."""


import pytest

from bakuastana.errors import BadInput
from bakuastana.store.load import parse_store
from bakuastana.store.yamlsafe import load_yaml

HEAD = "schema: bakuastana.facts/1\nsource: {published: 2025-10-21}\nfacts:\n"
GOOD = "  - {id: a, topic: t, label: L, value: 5 mn USD, period: 2024, quote: q}\n"


@pytest.mark.parametrize(("items", "expected"), [
    ("  - {id: a, topic: '', label: L, value: 5 mn USD, period: 2024-13, quote: q}\n",
     ('fact a.period: bad period "2024-13": bad month number 13; must be 1-12', 4, 59)),
    ("  - {id: a, topic: t, label: L, value: 5 mn USD, quote: q, valeu: 3, note: [x]}\n",
     ('unknown field "valeu" in a fact (did you mean "value"?)', 4, 60)),
    ("  - {id: a, topic: t, label: L, value: 5 mn USD, kind: 3, hedge: roughly, quote: q}\n",
     ("fact a.kind must be text, got a number", 4, 56)),
    ("  - {id: a, topic: t, label: 7, value: 5 mn USD, quote: '  ', names: x, note: [x]}\n",
     ("fact a.label must be text, got a number", 4, 30)),
    ("  - {id: a, topic: t, label: L, value: 5 mn USD, quote: q, names: [x], event: 1, trend: up}\n",
     ("fact a.event must be text, got a number", 4, 79)),
    ("  - {id: a, topic: t, label: L, value: 5 mn USD, quote: q, trend: up, share_of: [1]}\n",
     ('fact a: unknown trend "up" (expected one of rising, falling)', 4, 67)),
    ("  - {id: a, topic: t, label: L, quote: q, hedge: about}\n",
     ('fact a lacks required field "value" (only kind: claim may have none)', 4, 10)),
    ("  - {id: a, topic: t, label: L, kind: claim, hedge: about, quote: q}\n",
     ("fact a: a hedge needs a value to qualify", 4, 53)),
    ("  - {id: a, topic: t, label: L, value: 5 mn USD, quote: q, precision: 1, exact: yes please}\n",
     ("fact a.exact must be true or false", 4, 81)),
    (GOOD + "  - {id: b, topic: t, label: L, value: 5 mn USD, period: 2024-13, quote: q}\n",
     ('fact b.period: bad period "2024-13": bad month number 13; must be 1-12', 5, 58)),
    (GOOD.replace("2024", "2024-13") * 2,
     ('fact a.period: bad period "2024-13": bad month number 13; must be 1-12', 4, 58)),
    (GOOD + "relations:\n  - {id: r, label: '', check: 1, severity: high}\n",
     ('relation r: unknown severity "high" (expected one of error, warning, info)', 6, 44)),
    (GOOD + "derived:\n  - {id: d, topic: t, label: L, expr: '', unit: 3, nonnegative: 1}\n",
     ("derived d.expr must not be empty", 6, 40)),
])
def test_the_first_offending_field_is_reported(items, expected):
    with pytest.raises(BadInput) as info:
        parse_store(HEAD + items, "f.yaml")
    assert (info.value.message, info.value.line, info.value.column) == expected


READS = [lambda m: m, lambda m: dict(m), lambda m: {**m}, lambda m: dict(m.items()), lambda m: {k: m[k] for k in m},
         lambda m: {k: m.get(k) for k in list(m)}, lambda m: eval(repr(m))]


TWO_FACTS = [HEAD + GOOD + GOOD.replace("id: a", "id: b"),  # one-line mappings, which find their marks when asked
             HEAD + GOOD + "  - id: b\n    topic: t\n    label: L\n    kind: claim\n    quote: q\n    names: []\n"]


@pytest.mark.parametrize("text", TWO_FACTS)
@pytest.mark.parametrize("read", READS)
def test_marks_read_as_the_mappings_value_marks(read, text):
    expected = [{key: list(mark) for key, mark in item.value_marks.items()} for item in load_yaml(text, "f")["facts"]]
    for fact, marks in zip(parse_store(text, "f").facts, expected, strict=True):
        assert {key: list(mark) for key, mark in read(fact.marks).items()} == marks
        assert len(fact.marks) == len(marks) and "label" in fact.marks and fact.marks != {}


@pytest.mark.parametrize("text", TWO_FACTS)
def test_stores_with_marks_read_and_unread_are_equal(text):
    read = parse_store(text, "f")
    assert [dict(fact.marks) for fact in read.facts] and parse_store(text, "f") == read
    assert parse_store(text, "f") == parse_store(text, "f")
