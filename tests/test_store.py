"""Loading the fact store: the seed store, and one located message for each kind of bad input."""

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
