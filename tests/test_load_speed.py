"""The loader reports every offending field of a store in file order, and its marks read as a mapping."""


import pytest

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
