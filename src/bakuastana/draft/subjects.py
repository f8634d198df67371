"""The subjects of a figure: the entities (countries, companies, routes, ports, pipelines) its quote names, by id."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import NamedTuple

_WORD_RE = re.compile(r"\w+")
_CYRILLIC_RE = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
_ACRONYM_RE = re.compile(r"[A-ZА-ЯЁ0-9]{2,6}")
_ENDINGS = "аяоеёиыуюйьъ"  # dropped from a Russian name word before the stem rule compares it
_STEM_SLACK = 3  # letters an inflected form may add to the stem ("Курык" -> "Курыком")


class Entity(NamedTuple):
    """One entity of the shared vocabulary: its id, kind and every name it is written with (a tuple, as the
    draft's other records: cheaper to make at import than a dataclass)."""

    id: str
    kind: str
    names: tuple[str, ...]


class Vocabulary:
    """Entities and an index of their names by first word, as keys (lowercase forms and lemmas); a plain class
    (compared by identity, never printed; a frozen dataclass cost ~0.3 ms to make at import)."""

    __slots__ = ("entities", "index")

    def __init__(self, entities: dict[str, Entity],
                 index: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]) -> None:
        self.entities = entities
        self.index = index  # a name's first word's keys -> (id, the name's words)

    def extended(self, extra: Iterable[tuple[str, str]]) -> Vocabulary:
        """This vocabulary with more (entity id, name) pairs, say a store's names with an `entity`."""
        pairs = [(entity.id, name) for entity in self.entities.values() for name in entity.names]
        entities = dict(self.entities)
        for entity_id, name in extra:
            pairs.append((entity_id, name))
            entities.setdefault(entity_id, Entity(entity_id, "other", (name,)))
        return Vocabulary(entities, _index(pairs))


@cache
def shared_vocabulary() -> Vocabulary:
    """The entities that ship with the package (data/entities.json: JSON, as a check with no store reads nothing
    else that needs PyYAML, whose import is a tenth of that check's start-up)."""
    import json

    from bakuastana import data_text

    data = json.loads(data_text("entities.json"))
    entities = {}
    for item in data["entities"]:
        names = tuple(name for spellings in item["names"].values() for name in spellings)
        entities[item["id"]] = Entity(item["id"], item["kind"], names)
    return Vocabulary(entities, _index((entity.id, name) for entity in entities.values() for name in entity.names))


def store_vocabulary(names: Iterable) -> Vocabulary:
    """The shared vocabulary extended by a store's names that carry an `entity` (Name objects or dicts)."""
    extra = []
    for name in names:
        get = name.get if isinstance(name, dict) else lambda key, name=name: getattr(name, key, None)
        entity = get("entity")
        if entity:
            extra.extend((entity, spelling) for spelling in
                         [get("canonical"), *(get("abbreviations") or ()), *(get("aliases") or ())] if spelling)
    return shared_vocabulary().extended(extra) if extra else shared_vocabulary()


def subjects_of(quote: str, vocabulary: Vocabulary | None = None) -> list[str]:
    """The ids of the entities the quote names, in the order it names them, each once; a longer name wins over
    a shorter one inside it ("Бакинский порт" over a bare city)."""
    vocabulary = vocabulary or shared_vocabulary()
    words = [match.group() for match in _WORD_RE.finditer(quote)]
    found: list[str] = []
    at = 0
    while at < len(words):
        best = None
        for key in _keys(words[at]):
            for entity_id, name_words in vocabulary.index.get(key, ()):
                if len(name_words) > len(words) - at:
                    continue
                if (all(_matches(words[at + k], name_word) for k, name_word in enumerate(name_words))
                        and (best is None or len(name_words) > best[1])):
                    best = (entity_id, len(name_words))
        if best is None:
            at += 1
            continue
        if best[0] not in found:
            found.append(best[0])
        at += best[1]
    return found


def _index(pairs: Iterable[tuple[str, str]]) -> dict:
    index: dict[str, list] = {}
    for entity_id, name in pairs:
        name_words = tuple(_WORD_RE.findall(name))
        if not name_words:
            continue
        for key in _keys(name_words[0]):  # the other words' keys only where a quote holds the first (_matches)
            index.setdefault(key, []).append((entity_id, name_words))
    return {key: tuple(items) for key, items in index.items()}


def _matches(word: str, written: str) -> bool:
    """A text word is a name's word: the acronym as written; else a shared lowercase form or lemma; else (a
    Russian word the dictionary may not know) the name word's stem plus a short ending."""
    if _ACRONYM_RE.fullmatch(written):
        return word == written
    if _keys(written) & _keys(word):
        return True
    stem = written.lower().rstrip(_ENDINGS)
    lower = word.lower()
    return (bool(_CYRILLIC_RE.search(written)) and len(stem) >= 4 and lower.startswith(stem)
            and len(lower) - len(stem) <= _STEM_SLACK)


@lru_cache(maxsize=65536)  # bounded: a batch drafts many articles' words
def _keys(word: str) -> frozenset[str]:
    """A word's lowercase form, with its lemmas when it is Russian (so "Казахстана" meets "Казахстан")."""
    lower = word.lower()
    if not _CYRILLIC_RE.search(lower) or _ACRONYM_RE.fullmatch(word):
        return frozenset({lower})
    from bakuastana.lang.ru.morphology import word_info

    return frozenset({lower, *word_info(lower).lemmas()})
