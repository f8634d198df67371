"""Fast paths kept identical to the slow ones they stand in for (equivalence, never timing)."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bakuastana.numbers import units
from bakuastana.numbers.units import UNIT_PHRASES, UNIT_WORDS, _pint_units, _table, _table_units, normalize_unit_text


def _same(expression: str) -> None:
    fast = _table_units(expression)
    if fast is None:  # outside the table's grammar: pint decides, nothing to compare
        return
    assert fast == _pint_units(expression), expression


def _words() -> list[str]:
    table = _table()
    stems = [*table.names, "dimensionless", "kilo", "k", "M", "bits", "tons", "x", "s", "bananas", "тонн"]
    words = set(stems)
    for prefix, stem in itertools.product(table.prefixes, stems):
        words.update({prefix + stem, prefix + stem + "s", prefix + "s" + stem})
    return sorted(words)


def test_table_resolves_every_name_as_pint_does():
    words = _words()
    assert len(words) > 1000
    for word in words:
        assert "%" in word or _table_units(word) is not None, word  # pint reads "%" as " percent "
        _same(word)


def test_table_agrees_on_every_unit_the_tool_writes():
    for text in [*UNIT_WORDS, *UNIT_WORDS.values(), *UNIT_PHRASES, *UNIT_PHRASES.values()]:
        _same(normalize_unit_text(text))
    for expression in ("t / year", "1/(t)", "(t/year)**2", "(USD*month)**-1", "t**(-2)", "t ** 2 year", "t/t",
                       "foo/foo", "foo*foo/foo", "2/2*t", "2*t", "0", "1", "(TB) / (day)", "Tbit / s / s",
                       "USD / (t / year)", "(km)**3 / h", "t (year)", "t(year)", "t - s", "t**2**2", "nan",
                       "t per year", "t squared", "sq m", "t^2", "%", "USD,t", "1.5 t"):
        _same(expression)


_ATOMS = st.sampled_from(["t", "USD", "year", "month", "km", "Mt", "kt", "TB", "Tbit", "s", "percent", "pp",
                          "day", "GW", "Wh", "x", "trains", "ms", "foo", "1", "2", "dimensionless"])


@st.composite
def _expressions(draw, depth: int = 0) -> str:
    left = draw(_ATOMS) if depth > 2 or draw(st.booleans()) else f"({draw(_expressions(depth + 1))})"
    if draw(st.booleans()):
        left += draw(st.sampled_from(["**2", "**-1", "^3", " ** (2)", "**(-2)", "**0"]))
    if depth > 2 or draw(st.booleans()):
        return left
    op = draw(st.sampled_from([" * ", " / ", "*", "/", " "]))
    return f"{left}{op}{draw(_expressions(depth + 1))}"


@settings(max_examples=400, deadline=None)
@given(_expressions())
def test_table_agrees_with_pint_on_compound_expressions(expression):
    _same(expression)


def test_parse_unit_never_needs_pint_for_the_seed_units(monkeypatch):
    def refuse():
        raise AssertionError("pint was consulted")

    monkeypatch.setattr(units, "registry", refuse)
    units.parse_unit.cache_clear()
    try:
        for text in ("тонн в год", "Tbit/s", "million USD", "TB/day", "п.п.", "процентов", "1/(t)", "USD/(t/year)"):
            units.parse_unit(text)
    finally:
        units.parse_unit.cache_clear()


# YAML: the libyaml path builds the same tree, marks included, and leaves every refusal to the Python path ---

def _python_tree(text: str):
    from bakuastana.store import yamlsafe

    original = yamlsafe._load_with_libyaml
    yamlsafe._load_with_libyaml = lambda text, yaml: yamlsafe._FALLBACK
    try:
        return yamlsafe.load_yaml(text, "f.yaml")
    finally:
        yamlsafe._load_with_libyaml = original


def _marked(value):
    from bakuastana.store.yamlsafe import MarkedDict, MarkedList

    if isinstance(value, MarkedDict):
        return ("map", value.mark, dict(value.key_marks), dict(value.value_marks),
                [(key, type(key).__name__, _marked(item)) for key, item in value.items()])
    if isinstance(value, MarkedList):
        return ("seq", value.mark, list(value.item_marks), [_marked(item) for item in value])
    return (type(value).__name__, value)


_YAML_SAMPLES = [
    "a: 1\nb: [x, 2.5, true, null, 2025-03-04, '07', \"q\"]\nc: {d: e}\n",
    "schema: x\nfacts:\n  - id: a\n    value: 470 million USD\n    quote: >-\n      длинная\n      цитата\n",
    "- 1\n- - 2\n  - 3\n- k: v\n  л: ж\n",
    "a: |\n  text\n  more\nb: !!str 12\nc: ~\nd: 0x1F\ne: 1e3\nf: .inf\n",
    "x",
    "",
    "# only a comment\n",
    "a: &anchor 1\nb: *anchor\n",
    "a: &anchor 1\n",
    "base: {x: 1}\nother:\n  <<: {y: 2}\n",
    "a: 1\na: 2\n",
    "? [a, b]\n: c\n",
    "a: [1, 2\n",
    "a: b: c\n",
    "--- a\n--- b\n",
    "a: 2025-13-45\n",
    "a: !custom 1\n",
    "a: \x07\n",
    "key:\tvalue\n",
    "a: [x ?, y]\n",
    "a: [x, ? y, {? z: w}]\n",
    "a: [b:c, 'd', \"e\"]\n",
    "a: [ОТГ, OTS:]\nb: [ЦА: ]\nc: {d: , e:}\n",
    "a:\nb: \nc:\n  -\n  - \n  - x\n? d\n: \n",
]


def test_libyaml_path_builds_the_python_tree():
    from pathlib import Path

    from bakuastana.errors import BadInput
    from bakuastana.store.yamlsafe import load_yaml

    seed = Path(__file__).resolve().parent.parent / "src" / "bakuastana" / "data" / "facts.yaml"
    for text in [*_YAML_SAMPLES, seed.read_text(encoding="utf-8")]:
        try:
            expected = ("ok", _marked(_python_tree(text)))
        except BadInput as exc:
            expected = ("bad", str(exc))
        except Exception as exc:  # the Python path's own failure must be the fast path's too
            expected = ("raised", type(exc).__name__)
        try:
            got = ("ok", _marked(load_yaml(text, "f.yaml")))
        except BadInput as exc:
            got = ("bad", str(exc))
        except Exception as exc:
            got = ("raised", type(exc).__name__)
        assert got == expected, text


# YAML: sections of one-line flow mappings read by the libyaml path as the Python loader reads them -------

_FLOW_SAMPLES = [
    "facts:\n- {id: a, value: 470 mn USD, period: 2024, figure: \"470 млн\", quote: 'x, y'}\n",
    "schema: s\nfacts:\n  - {id: a}\n\n  # a comment\n  - {id: b, names: [ots, 'b c', \"d\"], n: []}\nrelations:\n"
    "- {id: r, check: \"a <= b\"}\n",
    "facts:\n- {}\n- { id: a ,  x: -5 percent , y: .5, z: 2025-04-04, t: yes, n: null, w: ~, v: 0x1F }\n",
    "facts:\n- {id: a}\n- {id: a, id: b}\n",  # a duplicate key: the Python loader names it
    "facts:\n- {id: a,}\n",  # a trailing comma
    "facts:\n- {id: a, note: a: b}\n- {id: b, note: x # y}\n- {id: c, q: a?b}\n",
    "facts:\n- {id: a, v: 2025-13-45}\n",  # a date that is no date
    "facts:\n- {id: a, v: =}\n- {id: b, v: !x}\n- {id: c, v: &x y}\n- {id: d, v: *x}\n",
    "facts:\n- {id: a, v: \"esc\\\"aped\"}\n- {id: b, v: 'it''s'}\n",
    "facts:\n- {id: a, n: [x, [y]]}\n- {id: b, m: {c: d}}\n- {id: c, n: [x, ]}\n",
    "facts:\n- {id: a}\n- id: b\n  v: 1\n",  # the section goes on in block style
    "facts:\n  - {id: a}\n - {id: b}\n",  # two indentations
    "facts:\n- {id: a}\nfacts:\n- {id: b}\n",  # the top-level key twice
    "note: \"a\nfacts:\n- {id: a}\n\"\n",  # looks like a section, is inside a quoted scalar
    "note: |\n  text\nfacts:\n- {id: a, v: 1}\nother: {x: 1}\n",
    "facts: \n- {id: a}\n---\n- {id: b}\n",
    "facts:\r\n- {id: a}\r\n",
    "facts:\n- {id: a, v: x\u2028y}\n",
    "- {id: a}\n- {id: b}\n",
    "facts:\n- {yes: 1, null: 2, 3: x}\n",
    "facts:\n- {id: a, v: 1 ,w: 2,x: 3}\n- {id: b, v: \"\"}\n- {id: c, v: ''}\n",
]


def test_flow_line_sections_read_as_the_python_loader_reads_them():
    for text in _FLOW_SAMPLES:
        _assert_both_paths_agree(text)


def _assert_both_paths_agree(text: str) -> None:
    from bakuastana.errors import BadInput
    from bakuastana.store.yamlsafe import load_yaml

    outcomes = []
    for load in (lambda: _python_tree(text), lambda: load_yaml(text, "f.yaml")):
        try:
            outcomes.append(("ok", _marked(load())))
        except BadInput as exc:
            outcomes.append(("bad", str(exc)))
        except Exception as exc:  # the Python path's own failure must be the fast path's too
            outcomes.append(("raised", type(exc).__name__))
    assert outcomes[0] == outcomes[1], text


_flow_scalar = st.one_of(
    st.text(st.sampled_from("az09 -._млн"), min_size=1, max_size=8),
    st.text(st.sampled_from("az09 -.:,#?'\"[]{}!&*%@`|>=~_млн"), min_size=1, max_size=8),
    st.sampled_from(["470 mn USD", "2024", "2025-04-04", "-5", "1e3", "true", "null", "~", "0x1F", ".inf"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(["id", "value", "n", "yes", "Q_1"]), _flow_scalar,
                                    st.sampled_from(["plain", "double", "single", "list"])), max_size=4),
                min_size=1, max_size=4),
       st.sampled_from(["", "  "]), st.sampled_from([", ", ",", " , "]))
def test_random_flow_lines_read_as_the_python_loader_reads_them(items, indent, separator):
    lines = []
    for entries in items:
        parts = []
        for key, value, style in entries:
            written = {"plain": value, "double": f'"{value}"', "single": f"'{value}'", "list": f"[{value}, b]"}
            parts.append(f"{key}: {written[style]}")
        lines.append(f"{indent}- {{{separator.join(parts)}}}")
    _assert_both_paths_agree("schema: s\nfacts:\n" + "\n".join(lines) + "\nrelations:\n- {id: r}\n")


# CLI: the plain coercion gives what typer's own coercion gives -------------------------------------------

TESTED_TYPER = ((0, 29), (0, 30))  # pyproject.toml: typer>=0.29,<0.30


def test_typer_is_the_tested_range_and_keeps_the_names_clifast_uses():
    """clifast.py rests on typer's public parameter API; a typer outside the tested range, or one that renames
    what clifast uses, fails here rather than in a user's hands."""
    import typer

    from bakuastana.cli.app import app

    version = tuple(int(part) for part in typer.__version__.split(".")[:2])
    assert TESTED_TYPER[0] <= version < TESTED_TYPER[1], typer.__version__
    command = typer.main.get_command(app)
    params = [param for item in _all_commands(command) for param in item.params]
    assert params and all(hasattr(param, "type_descriptor") and callable(param.get_runtime_param)
                          for param in params)
    assert all(hasattr(param.type_descriptor, name) for param in params
               for name in ("annotation", "parameter_info"))


def _all_commands(command):
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _all_commands(sub)


def test_plain_cli_coercion_matches_typers():
    import typer

    from bakuastana.cli import clifast
    from bakuastana.cli.app import app

    command = typer.main.get_command(app)
    clifast.install(command)
    samples = {str: ["abc", "", "N,C101", "трлн"], bool: [True, False],
               "path": ["facts.yaml", "no/such/file.yaml", "", "~", ".", "a//b/", "README.md"],
               list[str]: [("T",), ("N,C101", "t103"), (), None], int: [4, "4", "04", "0", "-1", 0, "x", "", "٣"]}
    checked, checked_help = 0, False
    for item in clifast.commands(command):
        ctx = typer.Context(item)
        help_option = item.get_help_option(ctx)
        for param in [*item.params, *([help_option] if help_option is not None else [])]:
            if not isinstance(param.get_runtime_param(), clifast.PlainCoercion):
                continue
            annotation = param.type_descriptor.annotation
            if isinstance(annotation, type) and issubclass(annotation, clifast.Enum):
                values = [*annotation, *(member.value for member in annotation), "nope", "JSON", None]
            elif isinstance(annotation, type) and issubclass(annotation, clifast.Path):
                values = [*samples["path"], None]
            else:
                values = samples[annotation]
            checked_help = checked_help or param is help_option
            reference = type(param).get_runtime_param(param)  # typer's own, as the class defines it
            assert not isinstance(reference, clifast.PlainCoercion)
            for value in values:
                outcomes = []
                for runtime in (param.get_runtime_param(), reference):
                    try:
                        result = runtime.coerce(value, param=param, ctx=ctx)
                        outcomes.append(("ok", type(result), result))
                    except Exception as exc:  # both paths must fail alike
                        outcomes.append(("error", type(exc), str(exc)))
                assert outcomes[0] == outcomes[1], (item.name, param.name, value)
                checked += 1
    assert checked > 40 and checked_help


def test_check_of_the_seed_store_leaves_pydantic_unimported(tmp_path):
    """The point of clifast: `check` with the CLI's plain options never builds a pydantic adapter."""
    import subprocess
    import sys

    code = ("import sys\nfrom bakuastana.cli.app import main\n"
            "try:\n    main(['check', '--json', '--select', 'N', '--format', 'json', '--facts', sys.argv[1]])\n"
            "except SystemExit:\n    pass\n"
            "sys.stderr.write(str('pydantic' in sys.modules))\n")
    store = Path(__file__).resolve().parent / "data" / "mini_facts.yaml"
    result = subprocess.run([sys.executable, "-c", code, str(store)], capture_output=True, text=True, timeout=120)
    assert result.stderr.endswith("False"), result.stderr
