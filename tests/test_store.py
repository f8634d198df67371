"""Loading the fact store (YAML or JSON): the seed store, the schema its fields give, located messages for bad input."""

import re

import pytest

from bakuastana.analysis.values import validate_expressions
from bakuastana.errors import BadInput
from bakuastana.store.load import load_store, parse_store
from conftest import MINIMAL, SEED_STORE, seed_article_path


def test_seed_store_loads_with_dozens_of_facts():
    store = load_store(SEED_STORE)
    assert len(store.facts) >= 50
    kinds = {fact.kind for fact in store.facts}
    assert {"amount", "percent", "multiple", "count", "ordinal", "date", "year", "duration", "claim"} <= kinds
    assert store.fact_by_id["trade_2024"].quantity.interval.nominal == 470_000_000
    assert store.fact_by_id["supreme_council_first_ordinal"].period.label() == "2024"  # "в прошлом году"
    validate_expressions(store)


def test_seed_quotes_are_verbatim_in_the_article():
    path = seed_article_path()
    if path is None:
        pytest.skip("seed article not found: set BAKUASTANA_ARTICLE or put ../shared/corpus/ beside the repo")
    from bakuastana.text.article import read_article

    article = read_article(path)
    missing = [fact.id for fact in load_store(SEED_STORE).facts if article.find(fact.quote) is None]
    assert missing == []


def test_relative_periods_resolve_against_publication():
    store = parse_store(MINIMAL.replace("period: 2024", "period: last_year"))
    assert store.facts[0].period.label() == "2024"


@pytest.mark.parametrize(("change", "message", "line"), [
    (("value: 470 million USD", "value: 470 million bananas"), 'unknown unit "bananas" in trade_2024.value', 7),
    (("    period: 2024\n", "    period: 2024\n    label: again\n"), 'duplicate key "label"', 9),
    (("  - id: trade_2024", "  - id: Trade"), "lower_snake_case", 4),
    (("    label: Trade 2024\n", ""), 'lacks required field "label"', 4),
    (("value: 470 million USD", "value: [1, 2]"), "must be text", 7),
    (("period: 2024", "period: 2024-13"), "bad period", 8),
    (("    period: 2024\n", "    period: 2024\n    hedge: roughly\n"), 'unknown hedge "roughly"', 9),
    (("    period: 2024\n", "    period: 2024\n    valeu: 3\n"), 'unknown field "valeu"', 9),
    (("schema: bakuastana.facts/1\n", "schema: &a bakuastana.facts/1\n"), "anchors", 1),
    (("quote: составил", "quote: [составил"), "YAML syntax error", 10),
])
def test_bad_store_gets_one_located_message(change, message, line):
    old, new = change
    with pytest.raises(BadInput) as info:
        parse_store(MINIMAL.replace(old, new), "facts.yaml")
    assert message in info.value.message
    assert info.value.path == "facts.yaml"
    assert info.value.line == line


def test_duplicate_key_names_both_lines():
    with pytest.raises(BadInput, match=r"first on line 6, again on line 9"):
        parse_store(MINIMAL.replace("    period: 2024\n", "    period: 2024\n    label: again\n"))


def test_hedge_without_number_is_refused():
    text = MINIMAL.replace("    value: 470 million USD\n", "    kind: claim\n    hedge: about\n")
    with pytest.raises(BadInput, match="hedge needs a value"):
        parse_store(text)


@pytest.mark.parametrize(("section", "message"), [
    ("derived:\n  - {id: a, topic: t, label: l, expr: 'trade_2024 / nope'}\n", 'unknown name "nope"'),
    ("derived:\n  - {id: a, topic: t, label: l, expr: b}\n  - {id: b, topic: t, label: l, expr: a}\n", "cycle"),
    ("derived:\n  - {id: a, topic: t, label: l, expr: 'trade_2024 + 1 Mt'}\n", "cannot add"),
    ("relations:\n  - {id: r, label: l, check: 'trade_2024'}\n", "must compare"),
    ("derived:\n  - {id: a, topic: t, label: l, expr: 'trade_2024 / (1 - 1)'}\n", "contains zero"),
])
def test_bad_expressions_are_reported_with_place(section, message):
    store = parse_store(MINIMAL + section, "facts.yaml")
    with pytest.raises(BadInput, match=message) as info:
        validate_expressions(store)
    assert info.value.line and info.value.line > 9


def test_seed_store_matches_the_shipped_json_schema():
    import json

    import jsonschema
    import yaml

    from bakuastana.store.load import SCHEMA_ID

    schema = json.loads((SEED_STORE.parent / "src/bakuastana/data/facts.schema.json").read_text())
    assert schema["$id"] == SCHEMA_ID
    # as JSON sees the store: YAML dates become ISO strings
    data = json.loads(json.dumps(yaml.safe_load(SEED_STORE.read_text(encoding="utf-8")), default=str))
    jsonschema.validate(data, schema)
    data["facts"][0]["valeu"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_nonnegative_derived_values_are_cut_at_zero_but_not_hidden():
    def rest(big: str):
        text = MINIMAL + (f"  - {{id: big, topic: t, label: l, value: {big}, hedge: more_than, quote: q}}\n"
                          "derived:\n  - {id: rest, topic: t, label: l, expr: trade_2024 - big, nonnegative: true}\n")
        env, _ = validate_expressions(parse_store(text))
        return env.value("rest").interval

    straddling = rest("400 million USD")  # 470 - (400, inf): (-inf, 70.5) cut to [0, 70.5)
    assert (straddling.lo, straddling.lo_open, straddling.hi) == (0, False, 70_500_000)
    below = rest("900 million USD")  # wholly negative: left as it is, so relations see the impossibility
    assert below.hi < 0


def test_errors_point_at_the_field_and_inside_quotes():
    text = MINIMAL + "derived:\n  - {id: a, topic: t, label: l, expr: \"trade_2024 / nope\"}\n"
    with pytest.raises(BadInput) as info:
        validate_expressions(parse_store(text))
    line = text.splitlines()[info.value.line - 1]
    assert line[info.value.column - 1:].startswith("nope")
    text = MINIMAL + "derived:\n  - {id: a, topic: t, label: l, expr: trade_2024,\n     unit: million t}\n"
    with pytest.raises(BadInput, match="cannot convert") as info:
        validate_expressions(parse_store(text))
    assert text.splitlines()[info.value.line - 1][info.value.column - 1:].startswith("million t")
    text = MINIMAL.replace("    period: 2024\n", "    period: 2024\n    hedge: about\n    tolerance: 5 tonnes\n")
    with pytest.raises(BadInput, match="tolerance") as info:
        parse_store(text)
    assert text.splitlines()[info.value.line - 1].strip().startswith("tolerance:")


# --- the fields defined once: the shipped JSON Schema is the one the model gives ------------------------------

def test_shipped_schema_is_the_one_generated_from_the_model():
    from bakuastana.store.schema import SHIPPED, schema_text

    assert SHIPPED.read_text(encoding="utf-8") == schema_text(), "run: python -m bakuastana.store.schema --write"


def test_schema_and_loader_agree_on_every_field():
    import json

    from bakuastana.store.fields import store_fields
    from bakuastana.store.model import Derived, Fact, Name, Relation, Source
    from bakuastana.store.schema import store_schema

    schema = store_schema()
    sections = {Source: schema["properties"]["source"], Name: schema["$defs"]["name"], Fact: schema["$defs"]["fact"],
                Derived: schema["$defs"]["derived"], Relation: schema["$defs"]["relation"]}
    for model, section in sections.items():
        fields = store_fields(model)
        assert list(section["properties"]) == [field.key for field in fields]
        assert section.get("required", []) == [field.key for field in fields if field.required]
        for field in fields:
            if field.choices:
                assert json.dumps(field.choices[0]) in json.dumps(section["properties"][field.key])
    # a field unknown to the model is refused by both
    text = MINIMAL.replace("    period: 2024\n", "    period: 2024\n    colour: red\n")
    with pytest.raises(BadInput, match='unknown field "colour"'):
        parse_store(text)


def test_schema_module_prints_the_schema(capsys):
    import json

    from bakuastana.store.schema import main

    assert main([]) == 0
    assert json.loads(capsys.readouterr().out)["$id"] == "bakuastana.facts/1"
    assert main(["--nonsense"]) == 2


# --- JSON stores -----------------------------------------------------------------------------------------------

def _as_json(yaml_text: str, indent: int | None = 2) -> str:
    import json

    import yaml

    return json.dumps(yaml.safe_load(yaml_text), ensure_ascii=False, indent=indent, default=str)


def _content(store):
    """What a store says, without where it says it."""
    def fields(item):
        return {key: value for key, value in vars(item).items() if key not in ("line", "column", "marks")}

    return (fields(store.source), store.topics, [fields(item) for item in store.names],
            [fields(item) for item in store.facts], [fields(item) for item in store.derived],
            [fields(item) for item in store.relations])


@pytest.mark.parametrize("indent", [None, 2])
def test_json_store_loads_as_the_same_store(indent, tmp_path):
    path = tmp_path / "seed.json"
    path.write_text(_as_json(SEED_STORE.read_text(encoding="utf-8"), indent), encoding="utf-8")
    from_json, from_yaml = load_store(path), load_store(SEED_STORE)
    assert _content(from_json) == _content(from_yaml)
    assert len(from_json.facts) >= 50
    validate_expressions(from_json)
    if indent:  # one field a line: each fact is placed at its "{", each value inside its quotes
        lines = path.read_text(encoding="utf-8").splitlines()
        fact = from_json.facts[0]
        assert lines[fact.line - 1][fact.column - 1] == "{"
        line, column = fact.marks["quote"]
        assert lines[line - 1][column - 1:].startswith(fact.quote[:10])


def test_generated_json_and_yaml_stores_are_the_same_store(tmp_path):
    import json
    import sys

    import jsonschema

    sys.path.insert(0, str(SEED_STORE.parent / "benchmarks"))
    from generate_store import write_store

    write_store(100, tmp_path / "g.yaml")
    write_store(100, tmp_path / "g.json")
    assert _content(load_store(tmp_path / "g.json")) == _content(load_store(tmp_path / "g.yaml"))
    schema = json.loads((SEED_STORE.parent / "src/bakuastana/data/facts.schema.json").read_text())
    jsonschema.validate(json.loads((tmp_path / "g.json").read_text(encoding="utf-8")), schema)


JSON_MINIMAL = _as_json(MINIMAL)  # one field a line: line 11 is the fact's "value", 12 its "period", 13 its "quote"


@pytest.mark.parametrize(("change", "message", "place"), [
    (('"quote": "составил', '"quote": ["составил'), "JSON syntax error: expected ',' or ']' after a value", (14, 5)),
    (('"period": 2024,', '"period": 2024'), "JSON syntax error: expected ',' or '}' after a value", (13, 7)),
    (('"period": 2024,', '"period": 2024,\n      "label": "again",'), 'duplicate key "label" (first on line 10, '
                                                                     'again on line 13)', (13, 8)),
    (('"470 million USD"', '"470 million bananas"'), 'unknown unit "bananas" in trade_2024.value', (11, 17)),
    (('"period": 2024', '"period": "2024-13"'), 'fact trade_2024.period: bad period "2024-13"', (12, 18)),
    (('"period": 2024', '"period": true'), "fact trade_2024.period must be text, got true/false", (12, 17)),
    (('"published": "2025-10-21"', '"published": "yesterday"'), "source.published must be a date", (4, 19)),
    (('"schema"', '"schema" "x"'), "JSON syntax error: expected ':' after a key", (2, 12)),
    (('"schema"', "'schema'"), "JSON syntax error: expected a key in double quotes", (2, 3)),
    (('"составил', '"\\x'), "JSON syntax error: Invalid \\escape", (13, 17)),
    (('"составил', '"\\ud800'), "lone surrogate", (13, 17)),
    (('"period": 2024', '"period": NaN'), "JSON syntax error: expected a value, got 'N'", (12, 17)),
    (("  ]\n}", "  ]\n} {}"), "JSON syntax error: more after the end of the document", (16, 3)),
])
def test_bad_json_store_is_refused_with_its_place(change, message, place):
    old, new, *count = change
    text = JSON_MINIMAL.replace(old, new, *count)
    assert text != JSON_MINIMAL
    with pytest.raises(BadInput) as info:
        parse_store(text, "facts.json")
    assert message in info.value.message, str(info.value)
    assert info.value.path == "facts.json"
    if place is not None:
        assert (info.value.line, info.value.column) == place, str(info.value)


@pytest.mark.parametrize(("text", "message"), [
    ("", "file is empty"), (" \n ", "file is empty"), ("[" * 100 + "]" * 100, "nested too deeply"),
    ('{"facts": [], "facts": []}', 'duplicate key "facts"'), ('{"facts": [1,]}', "expected a value, got ']'"),
    ('{"facts": [', "end of the document where a value was expected"), ('{"a": "x\ty"}', "Invalid control character"),
    ('{"facts": tru}', "expected a value, got 't'"), ("[]", "the file must be a mapping"),
])
def test_bad_json_documents(text, message):
    with pytest.raises(BadInput, match=re.escape(message)) as info:
        parse_store(text, "f.json")
    assert info.value.line is not None and info.value.column is not None


def test_json_reads_numbers_literals_and_escapes_as_json_does():
    import json

    from bakuastana.store.jsontree import load_json

    text = ('{"a": [0, -1, 2.5, 1e3, -0.5E-2, true, false, null, "\\u00e9\\n\\ud83d\\ude00", "", {}, []], '
            '"b": {"c": {}}}')
    tree = load_json(text, "f.json")
    assert tree == json.loads(text)
    assert [type(value) for value in tree["a"][:5]] == [int, int, float, float, float]
    assert tree["a"].item_marks[1] == (1, 11)  # at the "-" of -1
    assert tree.value_marks["b"] == (1, text.index('{"c"') + 1)
    assert tree["b"].key_marks["c"] == (1, text.index('c"') + 1)
    assert tree["a"].item_marks[8] == (1, text.index("\\u00e9") + 1)  # a string's place is past its opening quote


def test_json_store_may_be_larger_than_a_yaml_one_but_not_unbounded(tmp_path):
    from bakuastana.store.jsontree import MAX_JSON_BYTES
    from bakuastana.store.yamlsafe import MAX_BYTES

    assert MAX_JSON_BYTES > MAX_BYTES  # JSON spells the same store in more bytes
    path = tmp_path / "huge.json"
    with path.open("wb") as out:  # sparse: no disk used
        out.truncate(MAX_JSON_BYTES + 1)
    with pytest.raises(BadInput, match=f"larger than {MAX_JSON_BYTES // (1024 * 1024)} MB"):
        load_store(path)


# --- stores read from no file ------------------------------------------------------------------------------------

def test_a_store_of_plain_data_is_the_store_its_file_holds_with_no_places():
    import copy

    import yaml

    from bakuastana.store.load import store_of

    data = yaml.safe_load(SEED_STORE.read_text(encoding="utf-8"))
    data["source"]["published"] = data["source"]["published"].isoformat()  # as a draft holds it: text
    before = copy.deepcopy(data)
    store = store_of(data, "seed (draft)")
    assert data == before  # the reader frees the entries of its own tree, not the caller's
    assert _content(store) == _content(load_store(SEED_STORE))
    assert {(item.line, item.column) for item in [*store.facts, *store.derived, *store.relations]} == {(None, None)}
    assert store.path == "seed (draft)"


def test_a_store_of_plain_data_is_refused_with_every_problem_and_no_place():
    from bakuastana.store.load import store_of

    data = {"facts": [{"id": "a", "topic": "t", "label": "A", "quote": "q", "value": "5 bananas", "colour": "red"},
                      {"id": "a", "topic": "t", "label": "A", "quote": "q", "value": "5"}]}
    with pytest.raises(BadInput) as refused:
        store_of(data, "draft")
    text = str(refused.value)
    for problem in ('unknown field "colour"', 'unknown unit "bananas"', 'duplicate id "a"'):
        assert problem in text
    assert "line" not in text and not re.search(r"draft:\d", text)  # no place: no file was read
