"""Bad input never crashes, never runs code, never loses a file: one located line on stderr and exit 2."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT, SEED_STORE, run_subprocess

DATA = ROOT / "tests" / "data"
MINI_STORE = DATA / "mini_facts.yaml"
MINI_ARTICLE = DATA / "mini_article.ru.txt"


BILLION_LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""

PWNED = "__import__('os').system('touch PWNED')"


def assert_refused(result, *expected: str, pattern: str | None = None) -> str:
    """Exit 2, stdout empty, exactly one line on stderr, no traceback, containing every expected part."""
    code = getattr(result, "code", getattr(result, "returncode", None))
    out = getattr(result, "out", getattr(result, "stdout", None))
    err = getattr(result, "err", getattr(result, "stderr", None))
    assert code == 2, (code, err)
    assert out == "", out
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for part in expected:
        assert part in lines[0], lines[0]
    if pattern is not None:
        assert re.search(pattern, lines[0]), lines[0]
    return lines[0]


def with_fact_fields(extra: str) -> str:
    """MINIMAL with more fields on its fact (after `period`, line 9 onwards)."""
    return MINIMAL.replace("    period: 2024\n", "    period: 2024\n" + extra)


# --- the store: YAML, schema, expressions ------------------------------------------------------------

STORE_CASES = {
    "yaml_syntax_error": (MINIMAL.replace("quote: составил", "quote: [составил"), ("YAML syntax error",),
                          r"^facts\.yaml:10:\d+: error:"),
    "tab_indentation": (MINIMAL.replace("    topic: trade", "\ttopic: trade"), ("YAML syntax error",),
                        r"^facts\.yaml:5:\d+: error:"),
    "duplicate_key_names_both_lines": (with_fact_fields("    label: again\n"),
                                       ('duplicate key "label" (first on line 6, again on line 9)',),
                                       r"^facts\.yaml:9:5: error:"),
    "anchor": (MINIMAL.replace("schema: bakuastana", "schema: &s bakuastana"), ("anchors",),
               r"^facts\.yaml:1:\d+: error:"),
    "alias": ("schema: bakuastana.facts/1\nsource: *nothing\nfacts: []\n", ("alias",), r"^facts\.yaml:2:\d+: error:"),
    "merge_key": (MINIMAL + "relations:\n  - <<: {id: r}\n", ("merge keys",), r"^facts\.yaml:11:\d+: error:"),
    "python_tag_is_not_constructed": (with_fact_fields("    note: !!python/object/apply:os.system ['touch PWNED']\n"),
                                      (), r"^facts\.yaml:9:\d+: error:"),
    "python_name_tag": (MINIMAL.replace("value: 470 million USD", "value: !!python/name:os.system"),
                        ("bad value",), r"^facts\.yaml:7:12: error:"),
    "several_documents": (MINIMAL + "---\nfacts: []\n", ("single document",), r"^facts\.yaml:10:\d+: error:"),
    "nested_too_deeply": ("facts: " + "[" * 500 + "]" * 500 + "\n", ("nested too deeply",),
                          r"^facts\.yaml:1:\d+: error:"),
    "control_character": ("facts:\n  - a\x1fb\n", ("does not allow the character U+001F",),
                          r"^facts\.yaml:2:6: error:"),
    "line_break_quoted_in_message": (with_fact_fields('    hedge: "x\\ny"\n'), ('unknown hedge "x y"',),
                                     r"^facts\.yaml:9:\d+: error:"),
    "root_is_a_list": ("- 1\n- 2\n", ("the file must be a mapping",), r"^facts\.yaml:1:1: error:"),
    "root_is_a_scalar": ("just text\n", ("must be a mapping",), r"^facts\.yaml:1:1: error:"),
    "facts_not_a_list": ("facts: 3\n", ('"facts" must be a list, got a number',), r"^facts\.yaml:1:8: error:"),
    "fact_not_a_mapping": ("facts:\n  - 3\n", ("a fact must be a mapping",), r"^facts\.yaml:2:5: error:"),
    "value_wrong_type": (MINIMAL.replace("value: 470 million USD", "value: [1, 2]"), ("must be text",),
                         r"^facts\.yaml:7:12: error:"),
    "exact_wrong_type": (with_fact_fields("    exact: maybe\n"), ("exact must be true or false",),
                         r"^facts\.yaml:9:\d+: error:"),
    "published_not_a_date": (MINIMAL.replace("published: 2025-10-21", "published: yesterday"),
                             ("source.published must be a date",), r"^facts\.yaml:2:\d+: error:"),
    "id_not_snake_case": (MINIMAL.replace("id: trade_2024", "id: Trade 2024"), ("lower_snake_case",),
                          r"^facts\.yaml:4:\d+: error:"),
    "missing_required_label": (MINIMAL.replace("    label: Trade 2024\n", ""), ('lacks required field "label"',),
                               r"^facts\.yaml:4:5: error:"),
    "missing_required_quote": (MINIMAL.replace("    quote: составил 470 млн. долларов\n", ""),
                               ('lacks required field "quote"',), r"^facts\.yaml:4:5: error:"),
    "missing_facts_section": ("schema: bakuastana.facts/1\n", ('lacks required field "facts"',),
                              r"^facts\.yaml:1:1: error:"),
    "unknown_field_with_hint": (with_fact_fields("    valeu: 3\n"), ('unknown field "valeu"', 'did you mean "value"'),
                                r"^facts\.yaml:9:5: error:"),
    "unknown_unit": (MINIMAL.replace("470 million USD", "470 million bananas"),
                     ('facts.yaml:7:12: error: unknown unit "bananas" in trade_2024.value',), None),
    "huge_value": (MINIMAL.replace("470 million USD", "470" + " trillion" * 30 + " USD"), ("too many scale words",),
                   r"^facts\.yaml:7:12: error:"),
    "hedge_with_no_number": (MINIMAL.replace("    value: 470 million USD\n", "    kind: claim\n    hedge: about\n"),
                             ("a hedge needs a value",), r"^facts\.yaml:8:\d+: error:"),
    "duplicate_fact_id": (MINIMAL + MINIMAL.split("facts:\n")[1], ('duplicate id "trade_2024"',),
                          r"^facts\.yaml:10:\d+: error:"),
    "unknown_id_in_derived": (MINIMAL + "derived:\n  - {id: a, topic: t, label: l, expr: 'trade_2024 / nope'}\n",
                              ('unknown name "nope" in derived a.expr',), r"^facts\.yaml:11:\d+: error:"),
    "unknown_id_in_relation": (MINIMAL + "relations:\n  - {id: r, label: l, check: 'trade_2024 < nope'}\n",
                               ('unknown name "nope" in relation r.check',), r"^facts\.yaml:11:\d+: error:"),
    "cycle_in_derived": (MINIMAL + "derived:\n  - {id: a, topic: t, label: l, expr: b}\n"
                         "  - {id: b, topic: t, label: l, expr: a}\n", ("cycle", "a -> b -> a"),
                         r"^facts\.yaml:1[12]:\d+: error:"),
    "self_reference": (MINIMAL + "derived:\n  - {id: a, topic: t, label: l, expr: 'a + 1'}\n", ("cycle",),
                       r"^facts\.yaml:11:\d+: error:"),
    "dimension_mismatch_in_derived": (MINIMAL + "derived:\n  - {id: a, topic: t, label: l, "
                                      "expr: 'trade_2024 + 1 Mt'}\n", ("cannot add USD and mass",),
                                      r"^facts\.yaml:11:\d+: error:"),
    "dimension_mismatch_in_relation": (MINIMAL + "relations:\n  - {id: r, label: l, check: 'trade_2024 < 3 t'}\n",
                                       ("cannot compare USD with mass",), r"^facts\.yaml:11:\d+: error:"),
    "derived_unit_of_other_dimension": (MINIMAL + "derived:\n  - {id: a, topic: t, label: l, expr: trade_2024, "
                                        "unit: t}\n", ("cannot convert USD to mass",), r"^facts\.yaml:11:\d+: error:"),
    "precision_of_other_dimension": (with_fact_fields("    precision: 1 t\n"), ("precision",),
                                     r"^facts\.yaml:7:\d+: error:"),
    "division_by_interval_containing_zero": (
        MINIMAL + "derived:\n  - {id: a, topic: t, label: l, expr: 'trade_2024 / (trade_2024 - 470 million USD)'}\n",
        ("which contains zero",), r"^facts\.yaml:11:\d+: error:"),
    "attribute_access_in_store": (MINIMAL + "derived:\n  - {id: a, topic: t, label: l, expr: 'trade_2024.__class__'}\n",
                                  ("not allowed",), r"^facts\.yaml:11:\d+: error:"),
    "call_in_store": (MINIMAL + f'derived:\n  - {{id: a, topic: t, label: l, expr: "{PWNED}"}}\n', (),
                      r"^facts\.yaml:11:\d+: error:"),
    "eval_in_store": (MINIMAL + "relations:\n  - {id: r, label: l, check: 'eval(1) < 2'}\n",
                      ('unknown function "eval"',),
                      r"^facts\.yaml:11:\d+: error:"),
    "huge_exponent_in_store": (MINIMAL + "derived:\n  - {id: a, topic: t, label: l, expr: '10**10**10'}\n",
                               ("too large",), r"^facts\.yaml:11:\d+: error:"),
    "deep_nesting_in_store": (MINIMAL + "derived:\n  - {id: a, topic: t, label: l, expr: '"
                              + "(" * 100 + "1" + ")" * 100 + "'}\n", ("nested too deeply",),
                              r"^facts\.yaml:11:\d+: error:"),
    "long_expression_in_store": (MINIMAL + "derived:\n  - {id: a, topic: t, label: l, expr: '" + "1+" * 1500 + "1'}\n",
                                 ("too long",), r"^facts\.yaml:11:\d+: error:"),
    "derived_chain_too_deep": (MINIMAL + "derived:\n" + "".join(
        f"  - {{id: d{i}, topic: t, label: l, expr: 'd{i - 1} + 1 million USD'}}\n" for i in range(150, 0, -1)
    ).replace("d0 +", "trade_2024 +"), ("levels deep",), r"^facts\.yaml:11:\d+: error:"),
}


@pytest.mark.parametrize("case", list(STORE_CASES))
def test_bad_store_is_refused_with_one_located_line(case, cli, write_store, tmp_path, monkeypatch):
    text, expected, pattern = STORE_CASES[case]
    monkeypatch.chdir(tmp_path)
    write_store(text)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert_refused(cli("check", "--facts", "facts.yaml"), *expected, pattern=pattern)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written, nothing run (no PWNED)


@pytest.mark.parametrize("command", [("check",), ("calc", "1"), ("show",), ("show", "trade")])
def test_every_command_that_reads_a_store_refuses_it_the_same_way(command, cli, write_store):
    path = write_store(MINIMAL.replace("470 million USD", "470 million bananas"))
    assert_refused(cli(*command, "--facts", str(path)), 'unknown unit "bananas"', pattern=r":7:12: error:")


def test_billion_laughs_fails_fast_and_small(cli, write_store):
    path = write_store(BILLION_LAUGHS)
    started = time.perf_counter()
    line = assert_refused(cli("check", "--facts", str(path)), "anchors", pattern=r"facts\.yaml:1:4: error:")
    assert time.perf_counter() - started < 5
    assert len(line) < 300


def test_billion_laughs_through_a_real_process(tmp_path):
    (tmp_path / "facts.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    assert_refused(run_subprocess("check", "--facts", "facts.yaml", cwd=tmp_path), "facts.yaml:1:4: error:")


def test_yaml_syntax_error_through_a_real_process(tmp_path):
    (tmp_path / "facts.yaml").write_text(STORE_CASES["yaml_syntax_error"][0], encoding="utf-8")
    assert_refused(run_subprocess("check", "--json", "--facts", "facts.yaml", cwd=tmp_path),
                   pattern=r"^facts\.yaml:10:\d+: error: YAML syntax error")


def test_store_with_several_problems_reports_each_located_in_file_order(cli, write_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_store(MINIMAL.replace("470 million USD", "470 million bananas")
                + "  - {id: B, topic: t, label: l, quote: q}\n"
                "relations:\n  - {id: r, label: l, check: 'a < b', severity: high, colour: red}\n")
    result = cli("check", "--facts", "facts.yaml")
    assert result.code == 2 and result.out == "" and "Traceback" not in result.err
    assert result.err.splitlines() == [
        'facts.yaml:7:12: error: unknown unit "bananas" in trade_2024.value',
        "facts.yaml:10:10: error: fact.id must be lower_snake_case text starting with a letter, got 'B'",
        'facts.yaml:10:10: error: fact B lacks required field "value" (only kind: claim may have none)',
        'facts.yaml:12:49: error: relation r: unknown severity "high" (expected one of error, warning, info)',
        'facts.yaml:12:55: error: unknown field "colour" in a relation',
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.yaml"]


def test_many_problems_are_capped_with_a_count(cli, write_store):
    from bakuastana.errors import MAX_SHOWN

    facts = "".join(f"  - {{id: f{i}, topic: t, label: l, quote: q, value: {i} bananas}}\n"
                    for i in range(MAX_SHOWN + 7))
    result = cli("check", "--facts", str(write_store("facts:\n" + facts)))
    lines = result.err.splitlines()
    assert result.code == 2 and result.out == ""
    assert len(lines) == MAX_SHOWN + 1 and lines[-1] == "... and 7 more problems"
    assert all(re.search(rf"facts\.yaml:{i + 2}:\d+: error: unknown unit", line) for i, line in enumerate(lines[:-1]))


def test_json_store_is_checked_and_refused_like_yaml(cli, write_store):
    import yaml

    as_json = json.dumps(yaml.safe_load(MINI_STORE.read_text(encoding="utf-8")), ensure_ascii=False, indent=1,
                         default=str)
    from_yaml = json.loads(cli("check", "--json", "--facts", str(MINI_STORE)).out)
    from_json = json.loads(cli("check", "--json", "--facts", str(write_store(as_json, "mini.json"))).out)
    assert [(f["code"], f["message"]) for f in from_json["findings"]] == [(f["code"], f["message"])
                                                                          for f in from_yaml["findings"]]
    assert from_json["summary"] == from_yaml["summary"] and from_json["findings"]
    bad = as_json.replace(": 2024", ': "2024-13"', 1)
    assert_refused(cli("check", "--facts", str(write_store(bad, "bad.json"))), "bad period",
                   pattern=r"bad\.json:\d+:\d+: error:")
    assert_refused(cli("check", "--facts", str(write_store(as_json[:-3], "cut.json"))), "JSON syntax error",
                   pattern=r"cut\.json:\d+:\d+: error:")


# --- files: empty, binary, huge, missing, unreadable, folders ----------------------------------------

def _make(kind: str, folder: Path) -> Path:
    path = folder / f"input-{kind}"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "blank":
        path.write_bytes(b"  \n\n \n")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    elif kind == "huge":  # over the 1 MB article limit and the 20 MB store limit, sparse
        with path.open("wb") as out:
            out.truncate(50 * 1024 * 1024 + 1)
    elif kind == "folder":
        path.mkdir()
    elif kind == "unreadable":
        path.write_text("facts: []\n", encoding="utf-8")
        path.chmod(0)
    return path  # "missing": never created


FILE_MESSAGES = {
    "store": {"empty": "file is empty", "blank": "file is empty", "binary": "binary data",
              "huge": "larger than 20 MB", "missing": "no such fact store", "folder": "is a folder",
              "unreadable": "permission denied"},
    "article": {"empty": "article is empty", "blank": "article is empty", "binary": "binary data",
                "huge": "larger than 1 MB", "missing": "no such article file", "folder": "is a folder",
                "unreadable": "permission denied"},
}


def _skip_unreadable_as_root(kind: str) -> None:
    if kind == "unreadable" and hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("running as root (as in CI): chmod 000 does not stop root from reading the file")


@pytest.mark.parametrize("kind", list(FILE_MESSAGES["store"]))
@pytest.mark.parametrize("where", ["check --facts", "calc --facts", "extract --facts"])
def test_bad_store_file(kind, where, cli, tmp_path):
    _skip_unreadable_as_root(kind)
    path = _make(kind, tmp_path)
    command, option = where.split()
    args = {"check": ("check",), "calc": ("calc", "1"), "extract": ("extract", str(MINI_ARTICLE))}[command]
    line = assert_refused(cli(*args, option, str(path)), FILE_MESSAGES["store"][kind])
    assert line.startswith(str(path))


@pytest.mark.parametrize("kind", list(FILE_MESSAGES["article"]))
@pytest.mark.parametrize("command", ["check --article", "extract"])
def test_bad_article_file(kind, command, cli, tmp_path):
    _skip_unreadable_as_root(kind)
    path = _make(kind, tmp_path)
    args = ("check", "--facts", str(MINI_STORE), "--article", str(path)) if command != "extract" else ("extract",
                                                                                                      str(path))
    line = assert_refused(cli(*args), FILE_MESSAGES["article"][kind])
    assert line.startswith(str(path))


@pytest.mark.parametrize("args", [("check", "--facts", "{path}"), ("extract", "{path}")])
def test_permission_denied_even_as_root(args, cli, tmp_path, monkeypatch):
    """The unreadable-file case for CI, where chmod 000 does not stop root: the open itself is refused."""
    path = tmp_path / "locked.txt"
    path.write_text("facts: []\n", encoding="utf-8")
    real_open = Path.open

    def locked_open(self, *a, **k):
        if self == path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(self, *a, **k)

    monkeypatch.setattr(Path, "open", locked_open)
    assert_refused(cli(*(arg.format(path=path) for arg in args)), str(path), "permission denied")


def test_endless_device_is_refused_without_filling_memory(cli):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    assert_refused(cli("check", "--facts", "/dev/zero"), "/dev/zero", "larger than")
    assert_refused(cli("extract", "/dev/zero"), "/dev/zero", "larger than")


def test_missing_file_through_a_real_process(tmp_path):
    assert_refused(run_subprocess("extract", "no-such-article.txt", cwd=tmp_path),
                   "no-such-article.txt: error: no such article file")


# --- article encodings -------------------------------------------------------------------------------

def test_windows_1251_article_is_read_with_a_note(cli, tmp_path):
    path = tmp_path / "article.cp1251.txt"
    path.write_bytes(MINI_ARTICLE.read_text(encoding="utf-8").encode("cp1251"))
    result = cli("extract", str(path), "--json")
    assert result.code == 0, result.err
    assert "Windows-1251" in result.err and "Traceback" not in result.err
    assert json.loads(result.out)["figures"]
    checked = cli("check", "--facts", str(MINI_STORE), "--article", str(path))
    assert checked.code in (0, 1), checked.err
    assert "Windows-1251" in checked.err and "Traceback" not in checked.err


def test_windows_1251_note_goes_to_stderr_not_into_json(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(MINI_ARTICLE.read_text(encoding="utf-8").encode("cp1251"))
    result = run_subprocess("check", "--json", "--facts", str(MINI_STORE), "--article", str(path))
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)["schema"] == "bakuastana.check/1"
    assert "Windows-1251" in result.stderr


@pytest.mark.parametrize("data", [
    b"Die Gr\xf6\xdfe des Caf\xe9s betr\xe4gt 470 Millionen Euro.\n",  # Latin-1: not clearly Windows-1251
    "Товарооборот составил 470 млн.".encode("cp1251") + b"\x98\x98 end\n",  # 0x98 is no cp1251 character
    "Товарооборот".encode("utf-16-le") + b"\n",  # NUL bytes: binary
    "Товарооборот составил 470 млн.".encode("koi8-r") + b"\n",  # KOI8-R looks like no cp1251 Russian
])
def test_undecodable_article_is_refused(data, cli, tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    assert_refused(cli("extract", str(path)), str(path), pattern=r"error: (article is neither|binary data)")


def test_store_that_is_not_utf8_is_refused_with_its_place(cli, tmp_path):
    path = tmp_path / "facts.yaml"
    path.write_bytes(MINIMAL.encode("utf-8").replace("составил".encode(), "составил".encode("cp1251")))
    assert_refused(cli("check", "--facts", str(path)), "not UTF-8", pattern=r"facts\.yaml:9:\d+: error:")


# --- expressions in calc --------------------------------------------------------------------------------

CALC_ATTACKS = {
    "attribute_access": ("trade_2024.__class__", "not allowed"),
    "dunder_name": ("__builtins__", "not allowed"),
    "import_call": (PWNED, "expression:1:"),
    "eval_call": ("eval('1')", "expression:1:"),
    "unknown_function": ("open(1)", 'unknown function "open"'),
    "huge_power_tower": ("10**10**10", "too large"),
    "huge_exponent": ("2 ** 1000", "too large"),
    "repeated_powers": ("((((2^64)^64)^64)^64)^64", "too large"),
    "huge_product": ("10^64*10^64*10^64*10^64*10^64", "too large"),
    "deep_nesting": ("(" * 100 + "1" + ")" * 100, "nested too deeply"),
    "deep_unary": ("1" + "-" * 100 + "1", "nested too deeply"),
    "very_long": ("1+" * 5000 + "1", "too long"),
    "many_tokens": ("1+" * 500 + "1", "too long"),
    "lambda": ("lambda: 1", "expression:1:"),
    "statement": ("a; b", "expression:1:"),
    "list": ("[1, 2]", "expression:1:"),
    "empty": ("   ", "empty expression"),
    "dimension_mismatch": ("1 million USD + 1 t", "expression:1:15: error: cannot add USD and mass"),
    "comparison_dimension_mismatch": ("trade_2024 < 3 t", "cannot compare"),
    "conversion_dimension_mismatch": ("400 Tbit/s to t", "cannot convert"),
    "unknown_unit": ("3 bananas", "expression:1:"),
    "unknown_conversion_unit": ("1 t to bananas", 'unknown unit "bananas"'),
    "division_by_zero_interval": ("trade_2024 / (trade_2024 - 470 million USD)", "contains zero"),
    "division_by_zero": ("1 / (1 - 1)", "contains zero"),
    "zero_to_negative_power": ("0 ^ -1", "contains zero"),
    "root_of_negative": ("(0 - 2) ^ 0.5", "negative"),
    "cagr_of_mass_years": ("cagr(2, 1, 1 t)", "cagr() needs its years"),
    "cagr_zero_years": ("cagr(2, 1, 0)", "expression:1:"),
    "wrong_arity": ("growth(1)", "takes 2 arguments"),
    "rate_of_literal": ("rate(1)", "takes the id of a fact"),
    "unknown_id": ("trade_2042", 'unknown name "trade_2042"'),
    "comparison_as_number": ("(1 < 2) + 1", "expression:1:"),
    "control_character": ("1 \x07 2", "unexpected character"),
}


@pytest.mark.parametrize("case", list(CALC_ATTACKS))
def test_calc_refuses_attacks_and_garbage(case, cli, tmp_path, monkeypatch):
    expression, expected = CALC_ATTACKS[case]
    monkeypatch.chdir(tmp_path)
    started = time.perf_counter()
    assert_refused(cli("calc", expression), expected, pattern=r"^expression:1:\d+: error: ")
    assert time.perf_counter() - started < 10
    assert list(tmp_path.iterdir()) == []  # no PWNED, nothing written


def test_calc_attack_through_a_real_process(tmp_path):
    assert_refused(run_subprocess("calc", PWNED, cwd=tmp_path), pattern=r"^expression:1:\d+: error: ")
    assert not (tmp_path / "PWNED").exists()


# --- usage --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ("frobnicate",), ("chek",), ("check", "--no-such-option"), ("check", "--format", "xml"), ("calc",),
    ("check", "--facts"), ("--no-such-global",), ("extract",), ("explain",),
])
def test_bad_usage_is_one_line_and_exit_2(args, cli):
    line = assert_refused(cli(*args))
    assert line.startswith("error: ")


def test_bad_usage_through_a_real_process():
    line = assert_refused(run_subprocess("check", "--no-such-option"))
    assert "--no-such-option" in line


# --- internal errors, Ctrl-C, pipes ---------------------------------------------------------------------

def _explode(*args, **kwargs):
    raise RuntimeError("boom")


def test_internal_error_is_one_line_asking_for_a_report(cli, monkeypatch):
    monkeypatch.setattr("bakuastana.analysis.engine.check", _explode)
    line = assert_refused(cli("check"), "internal error", "RuntimeError: boom", "report")
    assert "--debug" in line


def test_internal_error_with_debug_shows_the_traceback(cli, monkeypatch):
    monkeypatch.setattr("bakuastana.analysis.engine.check", _explode)
    with pytest.raises(RuntimeError, match="boom"):
        cli("--debug", "check")


_RUN_PATCHED = """\
import sys, time
import bakuastana.analysis.engine as engine
def patched(*args, **kwargs):
    if sys.argv[1] == "interrupt":
        sys.stderr.write("ready\\n")
        sys.stderr.flush()
        time.sleep(60)
    raise RuntimeError("boom")
engine.check = patched
from bakuastana.cli.app import main
main(sys.argv[2:])
"""


def _patched_process(mode: str, *args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _RUN_PATCHED, mode, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def test_internal_error_traceback_only_with_debug_in_a_real_process():
    quiet = _patched_process("raise", "check")
    out, err = quiet.communicate(timeout=60)
    assert quiet.returncode == 2 and out == "" and "Traceback" not in err and "internal error" in err
    loud = _patched_process("raise", "--debug", "check")
    out, err = loud.communicate(timeout=60)
    assert loud.returncode != 0 and "Traceback" in err and "RuntimeError: boom" in err


def test_ctrl_c_in_process_exits_130_without_traceback(cli, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("bakuastana.analysis.engine.check", interrupted)
    result = cli("check")
    assert result.code == 130 and result.out == "" and "Traceback" not in result.err


def test_sigint_to_a_running_check_exits_130_without_traceback():
    process = _patched_process("interrupt", "check")
    try:
        assert process.stderr.readline() == "ready\n"  # the command is running, inside the engine
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130, err
    assert out == "" and "Traceback" not in err and "KeyboardInterrupt" not in err


@pytest.fixture(scope="module")
def big_store(tmp_path_factory) -> Path:
    """A store whose jsonl output (one S102 warning per fact) is far larger than a pipe's buffer."""
    path = tmp_path_factory.mktemp("big") / "facts.yaml"
    rows = "".join(f"  - {{id: f{i}, topic: t, label: l, value: {i} t, quote: q, todo: check}}\n" for i in range(3000))
    path.write_text("facts:\n" + rows, encoding="utf-8")
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX shell")
@pytest.mark.parametrize("fmt", ["--format jsonl", "--json", "--format table"])
def test_output_into_a_closed_pipe_ends_quietly(fmt, big_store, tmp_path):
    command = f"'{sys.executable}' -m bakuastana check --facts '{big_store}' {fmt} | head -1"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.stderr == ""  # no BrokenPipeError, no traceback, no "Exception ignored"
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    if fmt == "--format jsonl":
        assert json.loads(lines[0])["code"] == "S102"


# --- writing files: atomic, never over an existing file unasked ---------------------------------------

def _has_init() -> bool:
    import typer

    from bakuastana.cli.app import app

    return "init" in typer.main.get_command(app).commands


def test_init_writes_atomically_and_never_over_a_file_without_force(cli, tmp_path):
    if not _has_init():
        pytest.skip("`bakuastana init ARTICLE -o FILE [--force]` is not a command yet")
    target = tmp_path / "draft.yaml"
    first = cli("init", str(MINI_ARTICLE), "-o", str(target))
    assert first.code == 0, first.err
    assert "Traceback" not in first.err
    written = target.read_bytes()
    assert written
    target.write_text("# edited by hand\n", encoding="utf-8")
    assert_refused(cli("init", str(MINI_ARTICLE), "-o", str(target)), str(target), "--force")
    assert target.read_text(encoding="utf-8") == "# edited by hand\n"  # untouched
    forced = cli("init", str(MINI_ARTICLE), "-o", str(target), "--force")
    assert forced.code == 0, forced.err
    assert target.read_bytes() == written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.yaml"]  # no temporary file left behind
    assert_refused(cli("init", str(MINI_ARTICLE), "-o", str(tmp_path / "missing" / "draft.yaml")))
    assert_refused(cli("init", str(MINI_ARTICLE), "-o", str(tmp_path)), "is a folder")
    assert_refused(cli("init", str(tmp_path / "no-article.txt"), "-o", str(tmp_path / "other.yaml")),
                   "no such article file")
    assert not (tmp_path / "other.yaml").exists()


def test_a_closed_pipe_keeps_the_exit_code_of_the_findings(tmp_path):
    """`check | head -1` exits as `check` would (1 on the seed store's error), quietly, not 1 for the pipe."""

    script = (f"'{sys.executable}' -m bakuastana check --facts '{SEED_STORE}' --format jsonl 2>'{tmp_path}/err'"
              " | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}")
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "1"
    assert (tmp_path / "err").read_text() == ""
    clean = tmp_path / "clean.yaml"
    clean.write_text("facts:\n" + "".join(f"  - {{id: f{i}, topic: t, label: l, value: {i} t, quote: q}}\n"
                                           for i in range(1, 400)), encoding="utf-8")
    script = script.replace(str(SEED_STORE), str(clean))
    assert subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60).stdout.strip() == "0"
