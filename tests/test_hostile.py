"""Hostile stores and expressions (issue 15 items 2-4, 6): each crash class a regression test, the YAML loader fuzzed
against PyYAML's safe loader, and the expression parser fuzzed against exact arithmetic.

The fuzzers run with a fixed seed and a small budget; BAKUASTANA_FUZZ_EXAMPLES=100000 runs them longer (as the
text fuzzers of tests/test_fuzz_text.py). Budgets and findings: docs/robustness.md.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bakuastana.analysis.values import MAX_CHAIN, validate_expressions
from bakuastana.errors import BadInput
from bakuastana.numbers.expr import MAX_BITS, Env, ExprError, evaluate, parse
from bakuastana.store.load import parse_store
from bakuastana.store.tree import MarkedDict, MarkedList
from bakuastana.store.yamlsafe import MAX_SCALAR, MAX_SLOW, load_yaml
from conftest import MINIMAL, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from hostile import powers, reverse_chain, store_text

EXAMPLES = int(os.environ.get("BAKUASTANA_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _refused(text: str, *expected: str, line: int | None = None) -> BadInput:
    """The store is refused with one located problem whose message holds each expected part."""
    with pytest.raises(BadInput) as caught:
        parse_store(text, "facts.yaml")
    problem = caught.value
    assert problem.path == "facts.yaml" and problem.line and problem.column, str(problem)
    assert str(problem).startswith(f"facts.yaml:{problem.line}:{problem.column}: error: ")
    assert line is None or problem.line == line, str(problem)
    for part in expected:
        assert part in problem.message, problem.message
    return problem


# Item 3: values that cannot be built are located errors -----------------------------------------------------

@pytest.mark.parametrize(("published", "expected"), [("2025-02-30", "day is out of range"),
                                                      ("2025-13-01", "month must be in 1..12")])
def test_impossible_dates_are_located_errors(published, expected):
    _refused(store_text(published), "not a valid date", expected, line=2)


@pytest.mark.parametrize(("extra", "expected"), [
    (", note: " + "9" * 5000, "more than 100 digits"),
    (", note: !!float abc", "not a valid number"),
    (", note: !!timestamp abc", "not a valid date"),
    (", note: !!int 12abc", "not a valid"),
    (", note: !!bool maybe", "not a valid"),
])
def test_scalars_that_cannot_be_built_are_located_errors(extra, expected):
    _refused(store_text(extra=extra), expected, line=5)


def test_a_long_integer_in_a_json_store_is_a_located_error():
    text = ('{"schema": "bakuastana.facts/1", "source": {"published": "2025-01-01"}, "facts": [{"id": "a", '
            '"topic": "t", "label": "A", "value": ' + "9" * 5000 + ', "quote": "q"}]}')
    with pytest.raises(BadInput) as caught:
        parse_store(text, "facts.json")
    assert caught.value.line == 1 and caught.value.column


# Item 2: work bounded before it starts ------------------------------------------------------------------------

def test_base_60_numbers_are_refused_before_they_are_built():
    start = time.process_time()
    _refused(store_text(extra=", note: " + "1:" * 30000 + "1"), "base 60", line=5)
    assert time.process_time() - start < 5  # was minutes: quadratic in PyYAML's int constructor


def test_a_quoted_base_60_figure_stays_text():
    store = parse_store(store_text(extra=', note: "1:30"'), "facts.yaml")
    assert store.facts[1].note == "1:30"


def test_a_scalar_longer_than_the_limit_is_refused_on_both_readers():
    _refused(store_text(extra=', note: "' + "x" * (MAX_SCALAR + 1) + '"'), "characters", line=5)
    _refused(store_text(extra=', note: "' + "x" * (MAX_SCALAR + 1) + '\t"'), "characters", line=5)


def test_a_large_store_that_only_the_slow_reader_could_read_is_refused_at_its_tab():
    facts = "".join(f'  - {{id: f{i}, topic: t, label: F, value: {i} t, quote: "{i} t"}}\n'
                    for i in range(MAX_SLOW // 60))
    text = "schema: bakuastana.facts/1\nsource: {published: 2025-01-01}\nfacts:\n" + facts
    assert len(text) > MAX_SLOW
    tabbed = text.replace('quote: "7 t"', 'quote: "7\tt"')
    _refused(tabbed, "U+0009", line=11)
    _refused(text + "  - &x {id: z}\n", "anchors", line=text.count("\n") + 1)
    _refused(text + "  - !!set {id: z}\n", "!!set", line=text.count("\n") + 1)
    _refused(text + "  - {id: z, id: y}\n", "duplicate key", line=text.count("\n") + 1)
    _refused(text + "  - {id: z, <<: y}\n", "merge keys", line=text.count("\n") + 1)
    _refused(text + "  - {id: z, note: !!float abc}\n", "not a valid number", line=text.count("\n") + 1)
    _refused(text + "  - {id: [\n", "YAML syntax error")
    assert len(parse_store(text, "facts.yaml").facts) == MAX_SLOW // 60  # the same text without them loads


def test_exact_fractions_are_bounded_and_the_derived_value_that_grew_is_named():
    store = parse_store(store_text(tail=powers(6)), "facts.yaml")
    with pytest.raises(BadInput) as caught:
        validate_expressions(store)
    assert f"more than {MAX_BITS} bits" in caught.value.message and caught.value.line == 8  # d2
    reverse = store_text(tail="derived:\n" + "\n".join(reversed(powers(6).splitlines()[1:])) + "\n")
    with pytest.raises(BadInput) as caught:
        validate_expressions(parse_store(reverse, "facts.yaml"))
    assert 'in derived value "d2"' in caught.value.message  # d6 asked for it: the message names d2


def test_a_chain_of_nested_expressions_in_reverse_order_does_not_reach_the_recursion_limit():
    env, _ = validate_expressions(parse_store(store_text(tail=reverse_chain(MAX_CHAIN, 19)), "facts.yaml"))
    assert env.cache[f"c{MAX_CHAIN}"].interval.nominal == env.store.fact_by_id["a"].quantity.interval.nominal * (
        1 if MAX_CHAIN * 19 % 2 == 0 else -1)


def test_a_chain_deeper_than_the_limit_is_refused_at_the_value_that_asks():
    with pytest.raises(BadInput) as caught:
        validate_expressions(parse_store(store_text(tail=reverse_chain(MAX_CHAIN + 50, 0)), "facts.yaml"))
    assert "levels deep" in caught.value.message and caught.value.line == 7


def test_a_cycle_is_still_named():
    text = store_text(tail="derived:\n  - {id: x, topic: t, label: X, expr: y + a}\n"
                       "  - {id: y, topic: t, label: Y, expr: x + a}\n")
    with pytest.raises(BadInput) as caught:
        validate_expressions(parse_store(text, "facts.yaml"))
    assert "cycle" in caught.value.message


# Item 4: nothing read wrong in silence ---------------------------------------------------------------------

@pytest.mark.parametrize("tag", ["!!set", "!!omap", "!custom", "!!python/object"])
def test_tags_the_store_does_not_define_are_refused(tag):
    body = "{a: 1}" if tag != "!!omap" else "[{a: 1}]"
    _refused(store_text(extra=f", names: {tag} {body}"), tag, line=5)


@pytest.mark.parametrize("mark", ["\ufeff", "\u00a0", "\u3000"])
def test_odd_characters_starting_a_later_line_are_refused_as_pyyaml_refuses_them(mark):
    for text in (store_text().replace("  - {id: b", mark + "  - {id: b"),
                 store_text().replace("  - {id: b", mark + "\n  - {id: b"),
                 MINIMAL.replace("    period:", mark + "    period:")):
        with pytest.raises(yaml.YAMLError):
            yaml.safe_load(text)
        with pytest.raises(BadInput):
            parse_store(text, "facts.yaml")


@pytest.mark.parametrize(("source", "expected"), [
    ("min(1, 2)", 1), ("max(1, 5, 2)", 5), ("min(1.5, 2)", Fraction(3, 2)), ("min((1,5), 2)", Fraction(3, 2)),
    ("1,5 + 1", Fraction(5, 2)), ("sum(1, 2, 3)", 6)])
def test_commas_in_calls_separate_arguments(source, expected):
    assert evaluate(parse(source), Env()).interval.nominal == expected


@pytest.mark.parametrize("source", ["min(1,2)", "max(1,5, 2)", "sum(3, 1,25)", "growth(150,100)"])
def test_a_comma_between_digits_in_a_call_is_refused_as_ambiguous(source):
    with pytest.raises(ExprError, match="ambiguous"):
        parse(source)


# Item 6: the fuzzers ------------------------------------------------------------------------------------------

def _plain(value):
    if isinstance(value, (MarkedDict, dict)):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (MarkedList, list)):
        return [_plain(item) for item in value]
    return value


def _differential(text: str) -> None:
    """load_yaml refuses whatever PyYAML's safe loader refuses, and reads what both accept as it does; it raises
    nothing but BadInput. It may refuse more (aliases, tags, duplicate keys, huge numbers)."""
    try:
        reference, refused = yaml.safe_load(text), False
    except yaml.YAMLError:
        reference, refused = None, True
    except (ValueError, TypeError, OverflowError, AttributeError, LookupError):  # PyYAML's constructors crash
        reference, refused = None, True
    try:
        ours = _plain(load_yaml(text, "fuzz.yaml"))
    except BadInput as exc:
        assert exc.path == "fuzz.yaml" and "\n" not in exc.message
        return
    assert not refused, f"accepted what PyYAML refuses: {text!r}"
    if reference is not None:
        assert ours == reference, text


ODD = ["\ufeff", "\u00a0", "\u3000", "\t", " ", "\u2028", "\x85", "\u200b", "\r", "\x07", "#", ":", "- ", "? ",
       "!!set ", "!!str ", "!x ", "&a ", "*a", "'", '"', "{", "}", "[", "]", ",", "|", ">", "1:1", "2025-02-30",
       "0x1F", "1e400", ".nan", "~", "<<: "]
LINES = [line for line in (MINIMAL + "names:\n  - {id: n, canonical: N, aliases: [x, y]}\n"
                                     "derived:\n  - id: d\n    topic: t\n    label: |\n      two\n      lines\n"
                                     "    expr: trade_2024 * 2\n").splitlines()]


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(LINES) - 1), st.sampled_from(ODD), st.integers(0, 2),
                          st.integers(0, 40)), min_size=1, max_size=3))
def test_the_loader_against_pyyamls_safe_loader_on_mutated_stores(edits):
    lines = list(LINES)
    for index, piece, how, column in edits:
        line = lines[index]
        if how == 0:
            lines[index] = piece + line
        elif how == 1:
            lines.insert(index, piece)
        else:
            column = min(column, len(line))
            lines[index] = line[:column] + piece + line[column:]
    _differential("\n".join(lines) + "\n")


@FUZZ
@given(st.lists(st.sampled_from(["a", "b", "1", "2025-01-01", "x y", "- ", "  ", "\n", ": ", "{", "}", "[", "]",
                                 ", ", "!!map ", "!!seq ", "!!set ", "!!omap ", "!t ", "!!int ", "!!float ",
                                 "!!timestamp ", "!!binary ", "'", '"', "\ufeff", "\u00a0", "\t", "1:2", "? ",
                                 "|\n", ">-\n", "---\n", "...\n", "%YAML 1.1\n", "#c\n"]), max_size=30))
def test_the_loader_against_pyyamls_safe_loader_on_generated_documents(pieces):
    _differential("".join(pieces))


def _reference(tree) -> Fraction:
    if isinstance(tree, Fraction):
        return tree
    op, *args = tree
    values = [_reference(arg) for arg in args]
    if op in ("min", "max", "sum"):
        return {"min": min, "max": max, "sum": sum}[op](values)
    left, right = values
    if op == "^":
        return left ** int(right)
    return {"+": left + right, "-": left - right, "*": left * right}[op] if op != "/" else left / right


def _written(tree, decimal_comma: bool, depth: int = 0) -> str:
    if isinstance(tree, Fraction):
        if tree.denominator == 1:
            return str(tree.numerator)
        text = f"{float(tree):.2f}".rstrip("0")  # trees hold hundredths only
        return text.replace(".", ",") if decimal_comma and depth == 0 else text
    op, *args = tree
    if op in ("min", "max", "sum"):  # a comma decimal inside a call's arguments is ambiguous: written with a point
        return f"{op}({', '.join(_written(arg, decimal_comma, depth + 1) for arg in args)})"
    left, right = (_written(arg, decimal_comma, depth) for arg in args)
    return f"({left} {op} {right})"


NUMBERS = st.builds(lambda whole, hundredths: Fraction(whole) + Fraction(hundredths, 100),
                    st.integers(0, 999), st.sampled_from([0, 0, 5, 25, 50, 75]))
TREES = st.deferred(lambda: st.one_of(
    NUMBERS, NUMBERS,
    st.tuples(st.sampled_from(["+", "-", "*", "/"]), TREES, TREES),
    st.tuples(st.just("^"), TREES, st.integers(0, 4).map(Fraction)),
    st.builds(lambda name, args: (name, *args), st.sampled_from(["min", "max", "sum"]),
              st.lists(TREES, min_size=1, max_size=3))))


@FUZZ
@given(TREES, st.booleans())
def test_the_expression_parser_against_exact_arithmetic(tree, decimal_comma):
    """An expression written from a tree gives the tree's exact value, or is refused with a message and a place
    (division by zero, a value beyond the size bounds); never another value, never another exception."""
    source = _written(tree, decimal_comma)
    try:
        expected = _reference(tree)
    except ZeroDivisionError:
        expected = None
    try:
        result = evaluate(parse(source), Env())
    except ExprError as exc:
        assert exc.message and 0 <= exc.offset <= len(source)
        assert expected is None or "too large" in exc.message or "nested too deeply" in exc.message \
            or "too long" in exc.message, (source, exc.message)
        return
    assert expected is not None and result.interval.nominal == expected, source


@pytest.mark.parametrize(("source", "expected"), [("10^40", "10000000000000000000000000000 trillion"),
                                                  ("10^40 / 3", "3333333333333333333333333333 trillion"),
                                                  ("0 - 10^40 / 7", "-1428571428571428571428571429 trillion")])
def test_calc_prints_large_values_exactly(source, expected, cli):
    result = cli("calc", source)
    assert result.code == 0 and f"= {expected}\n" in result.out, result.out


# Item 5: files written by init -o (and check -o) -------------------------------------------------------------

def test_a_replaced_file_keeps_its_mode_and_a_new_one_takes_the_umasks(tmp_path):
    from bakuastana.cli.files import write_atomic

    kept = tmp_path / "kept.yaml"
    kept.write_text("old")
    kept.chmod(0o640)
    write_atomic(kept, "new", force=True)
    assert kept.read_text() == "new" and kept.stat().st_mode & 0o777 == 0o640
    umask = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.yaml", "text")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.yaml").stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("kind", ["fifo", "symlink", "device"])
def test_force_never_replaces_a_fifo_a_device_or_a_symlink(kind, tmp_path):
    from bakuastana.cli.files import write_atomic

    target = tmp_path / "target.yaml"
    target.write_text("kept")
    path = {"fifo": tmp_path / "pipe.yaml", "symlink": tmp_path / "link.yaml", "device": Path("/dev/null")}[kind]
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink":
        path.symlink_to(target)
    with pytest.raises(BadInput, match="refusing to replace it"):
        write_atomic(path, "new", force=True)
    assert target.read_text() == "kept" and not list(tmp_path.glob(".*.tmp"))


def test_a_folder_that_is_a_file_is_named_so(tmp_path):
    from bakuastana.cli.files import write_atomic

    (tmp_path / "store.yaml").write_text("x")
    with pytest.raises(BadInput, match="is a file, not a folder"):
        write_atomic(tmp_path / "store.yaml" / "draft.yaml", "text")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_writing_removes_the_temporary_file(signum, tmp_path):
    script = (f"import os, signal\nfrom bakuastana.cli import files\n"
              f"files.os.fsync = lambda fd: os.kill(os.getpid(), {int(signum)})\n"
              f"files.write_atomic({str(tmp_path / 'out.yaml')!r}, 'text' * 1000)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -signum, result.stderr
    assert list(tmp_path.iterdir()) == []  # neither the file nor its temporary


# Item 5: batches --------------------------------------------------------------------------------------------

MINI_ARTICLE = ROOT / "tests" / "data" / "mini_article.ru.txt"


def _folder(tmp_path: Path, articles: int = 2) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for index in range(articles):
        (folder / f"a{index:03}.txt").write_text(MINI_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_a_txt_that_is_a_folder_or_a_link_loop_is_reported_not_skipped(tmp_path, cli):
    folder = _folder(tmp_path)
    (folder / "notes.txt").mkdir()
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    result = cli("check", str(folder), "--format", "jsonl", "--workers", "1")
    assert result.code == 2
    errors = {line["article"]: line["error"] for line in map(json.loads, result.out.splitlines()) if "error" in line}
    assert "is a folder named like an article" in errors[str(folder / "notes.txt")]
    assert "symbolic link that leads to no file" in errors[str(folder / "loop.txt")]


def test_manifest_paths_must_stay_in_its_folder_unless_allowed(tmp_path, cli):
    inner = tmp_path / "manifests"
    inner.mkdir()
    (tmp_path / "a.txt").write_text(MINI_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "a.facts.yaml").write_text(MINIMAL, encoding="utf-8")
    manifest = inner / "m.yaml"
    manifest.write_text("- {article: ../a.txt, facts: ../a.facts.yaml}\n", encoding="utf-8")
    refused = cli("check", str(manifest))
    assert refused.code == 2 and refused.err.startswith(f"{manifest}:1:13: error: ") \
        and "--allow-outside" in refused.err, refused.err
    allowed = cli("check", str(manifest), "--allow-outside", "--format", "jsonl", "--workers", "1")
    assert "leaves the manifest" not in allowed.err and allowed.code in (0, 1), allowed.err
    (inner / "link.txt").symlink_to(tmp_path / "a.txt")  # a link out of the folder leaves it too
    manifest.write_text("- {article: link.txt, facts: ../a.facts.yaml}\n", encoding="utf-8")
    assert cli("check", str(manifest)).code == 2


def test_a_closed_pipe_keeps_exit_2_of_a_bad_pair(tmp_path):
    folder = _folder(tmp_path, 3)
    (folder / "bad.txt").mkdir()
    script = (f"'{sys.executable}' -m bakuastana check '{folder}' 2>/dev/null | head -1 >/dev/null; "
              "echo ${PIPESTATUS[0]}")
    assert subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120).stdout.strip() == "2"


def _running(pid: str) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_sigterm_to_a_batch_leaves_no_worker_behind(tmp_path):
    folder = _folder(tmp_path, 60)
    main = subprocess.Popen([sys.executable, "-m", "bakuastana", "check", str(folder), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[str] = []
    deadline = time.monotonic() + 30
    while len(workers) < 2 and time.monotonic() < deadline and main.poll() is None:
        time.sleep(0.1)
        workers = subprocess.run(["ps", "--ppid", str(main.pid), "-o", "pid="], capture_output=True,
                                 text=True).stdout.split()
    assert workers, "the batch started no workers"
    main.send_signal(signal.SIGTERM)
    main.wait(timeout=30)
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [pid for pid in workers if _running(pid)]
    for pid in alive:
        os.kill(int(pid), signal.SIGKILL)
    assert not alive, f"workers left running: {alive}"
