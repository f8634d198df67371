"""The loader reports every offending field of a store in file order, and its marks read as a mapping."""


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bakuastana.errors import BadInput
from bakuastana.store.load import parse_store
from bakuastana.store.yamlsafe import load_yaml

HEAD = "schema: bakuastana.facts/1\nsource: {published: 2025-10-21}\nfacts:\n"
GOOD = "  - {id: a, topic: t, label: L, value: 5 mn USD, period: 2024, quote: q}\n"


BAD_PERIOD = 'bad period "2024-13": bad month number 13; must be 1-12'


@pytest.mark.parametrize(("items", "expected"), [
    ("  - {id: a, topic: '', label: L, value: 5 mn USD, period: 2024-13, quote: q}\n",
     [("fact a.topic must not be empty", 4, 21), (f"fact a.period: {BAD_PERIOD}", 4, 59)]),
    ("  - {id: a, topic: t, label: L, value: 5 mn USD, quote: q, valeu: 3, note: [x]}\n",
     [('unknown field "valeu" in a fact (did you mean "value"?)', 4, 60),
      ("fact a.note must be text, got a list", 4, 76)]),
    ("  - {id: a, topic: t, label: L, value: 5 mn USD, kind: 3, hedge: roughly, quote: q}\n",
     [("fact a.kind must be text, got a number", 4, 56),
      ('fact a: unknown hedge "roughly" (expected one of more_than, at_least, less_than, at_most, up_to, about, '
       'almost, only)', 4, 66)]),
    ("  - {id: a, topic: t, label: 7, value: 5 mn USD, quote: '  ', names: x, note: [x]}\n",
     [("fact a.label must be text, got a number", 4, 30), ("fact a.quote must not be empty", 4, 58),
      ("fact a.names must be a list of text", 4, 70), ("fact a.note must be text, got a list", 4, 79)]),
    ("  - {id: a, topic: t, label: L, value: 5 mn USD, quote: q, names: [x], event: 1, trend: up}\n",
     [("fact a.event must be text, got a number", 4, 79),
      ('fact a: unknown trend "up" (expected one of rising, falling)', 4, 89)]),
    ("  - {id: a, topic: t, label: L, quote: q, hedge: about}\n",
     [('fact a lacks required field "value" (only kind: claim may have none)', 4, 10)]),
    ("  - {id: a, topic: t, label: L, kind: claim, hedge: about, quote: q}\n",
     [("fact a: a hedge needs a value to qualify", 4, 53)]),
    ("  - {id: a, topic: t, label: L, value: 5 mn USD, quote: q, precision: 1, exact: yes please}\n",
     [("fact a.precision must be text, got a number", 4, 71), ("fact a.exact must be true or false", 4, 81)]),
    (GOOD + "  - {id: b, topic: t, label: L, value: 5 mn USD, period: 2024-13, quote: q}\n",
     [(f"fact b.period: {BAD_PERIOD}", 5, 58)]),
    (GOOD.replace("2024", "2024-13") * 2,  # the second fact's id is a duplicate even though neither could be built
     [(f"fact a.period: {BAD_PERIOD}", 4, 58), ('duplicate id "a" (first on line 4, again on line 5)', 5, 5),
      (f"fact a.period: {BAD_PERIOD}", 5, 58)]),
    (GOOD + "relations:\n  - {id: r, label: '', check: 1, severity: high}\n",
     [("relation r.label must not be empty", 6, 21), ("relation r.check must be text, got a number", 6, 31),
      ('relation r: unknown severity "high" (expected one of error, warning, info)', 6, 44)]),
    (GOOD + "derived:\n  - {id: d, topic: t, label: L, expr: '', unit: 3, nonnegative: 1}\n",
     [("derived d.expr must not be empty", 6, 40), ("derived d.unit must be text, got a number", 6, 49),
      ("derived d.nonnegative must be true or false", 6, 65)]),
    (GOOD.replace("quote: q", "quote: q, names: [nope]") + "  - {id: A, topic: t, label: L, quote: q}\n",
     [('fact a names unknown entity "nope"', 4, 81),
      ("fact.id must be lower_snake_case text starting with a letter, got 'A'", 5, 10),
      ('fact A lacks required field "value" (only kind: claim may have none)', 5, 10)]),
])
def test_every_offending_field_is_reported_in_file_order(items, expected):
    with pytest.raises(BadInput) as info:
        parse_store(HEAD + items, "f.yaml")
    assert [(problem.message, problem.line, problem.column) for problem in info.value.problems] == expected
    assert (info.value.message, info.value.line, info.value.column) == expected[0]  # what one-problem callers see
    assert str(info.value).splitlines() == [f"f.yaml:{line}:{column}: error: {message}"
                                            for message, line, column in expected]


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


# --- JSON: entries read whole by the C decoder give the tree and the marks that the plain reader gives -----------

def _marked(value):
    from bakuastana.store.yamlsafe import MarkedDict, MarkedList

    if isinstance(value, MarkedDict):
        return ("map", value.mark, dict(value.key_marks), dict(value.value_marks), dict(value.value_places()),
                [(key, _marked(item)) for key, item in value.items()])
    if isinstance(value, MarkedList):
        return ("seq", value.mark, list(value.item_marks), [_marked(item) for item in value])
    return (type(value).__name__, value)


def _json_outcome(text: str, whole_entries: bool):
    from bakuastana.store.jsontree import load_json

    try:
        return ("ok", _marked(load_json(text, "f.json", whole_entries)))
    except BadInput as exc:
        return ("bad", str(exc))


_JSON_SAMPLES = [
    '{"facts": [{"id": "a", "names": ["x", "y"], "n": {"m": [1, {"k": null}]}}, {}, 3, "s", [{"a": 1}]]}',
    '{"facts": [\n  {"id": "a",\n   "value": "5 t"},\n  {"id": "b"}\n],\n "relations": [{"id": "r"}]}',
    '{"facts": [{"id": "a", "id": "b"}]}',  # a duplicate key inside an entry
    '{"facts": [{"id": "a", "v": NaN}]}',
    '{"facts": [{"id": "a", "v": Infinity}]}',
    '{"facts": [{"id": "a", "v": "\\x"}]}',
    '{"facts": [{"id": "a", "v": "tab\there"}]}',
    '{"facts": [{"id": "a", "v": 1,}]}',
    '{"facts": [{"id": "a" "v": 1}]}',
    '{"facts": [{"id": "a", "v": "\\ud800"}]}',
    '{"facts": [{"id": "a", "v": "\\ud83d\\ude00\\u00e9"}]}',
    '{"facts": [{"v": ' + "[" * 70 + "]" * 70 + "}]}",  # deeper than MAX_NESTING inside an entry
    '{"facts": [{"v": ' + "[" * 55 + "]" * 55 + "}]}",
    '{"facts": [{"v": 1' + "0" * 5000 + "}]}",  # more digits than int() reads
    '{"facts": [{"v": -0.5e-3, "w": 1E400, "x": true, "y": false}]}',
    '{"facts": [{"v": 1}]} x',
    '{"facts": [{"v": 1}',
    '{"names": [{"id": "n"}], "facts": [{"id": "a"}], "facts2": {"inner": [{"id": "deep"}]}}',
    '[{"id": "a"}, {"id": "b"}]',
]


@pytest.mark.parametrize("text", _JSON_SAMPLES)
def test_entries_read_whole_give_the_plain_readers_tree(text):
    assert _json_outcome(text, True) == _json_outcome(text, False)


@pytest.mark.parametrize("indent", [None, 1, 4])
def test_the_seed_as_json_reads_alike_both_ways(indent):
    import json

    import yaml

    from conftest import SEED_STORE

    text = json.dumps(yaml.safe_load(SEED_STORE.read_text(encoding="utf-8")), ensure_ascii=False, indent=indent,
                      default=str)
    whole = _json_outcome(text, True)
    assert whole[0] == "ok" and whole == _json_outcome(text, False)


def test_marks_of_an_entry_read_whole_are_found_only_when_asked_for():
    from bakuastana.store.jsontree import load_json

    line = ' {"id": "a", "names": ["x"]}'
    tree = load_json('{"facts": [\n' + line + "]}", "f.json")
    entry = tree["facts"][0]
    assert entry.mark == (2, 2) and entry.values_at is None  # not found yet
    names = (2, line.index("[") + 1)
    assert entry["names"].mark == names and entry.values_at is None  # each container finds its own
    places = entry.value_places()
    assert entry.values_at is None and dict(places) == {"id": (2, line.index("a") + 1), "names": names}
    assert entry.value_marks == dict(places) and entry.values_at is not None


_JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20),
                          st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=8))
_JSON_VALUES = st.recursive(_JSON_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                                   st.dictionaries(st.text(max_size=4), inner,
                                                                                   max_size=3)), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["facts", "names", "x"]), st.lists(_JSON_VALUES, max_size=4), max_size=3),
       st.sampled_from([None, 1]), st.integers(0, 200), st.sampled_from(["", ",", "}", '"', "NaN", ":", "\\", "]"]))
def test_random_json_reads_alike_both_ways(document, indent, position, piece):
    import json

    text = json.dumps(document, ensure_ascii=False, indent=indent)
    assert _json_outcome(text, True) == _json_outcome(text, False)
    position = min(position, len(text))
    broken = text[:position] + piece + text[position:]
    assert _json_outcome(broken, True) == _json_outcome(broken, False)
