"""Regenerate README.md's ```console examples from the real output of each `$ bakuastana ...` command."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
WIDTH = 100  # the terminal width the examples are rendered at, piped (no colour)
BLOCK_RE = re.compile(r"^```console\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
HEAD_RE = re.compile(r"^head\s+(?:-n\s*)?-?(\d+)$")


@contextlib.contextmanager
def _example_environment():
    """The repo root as the current folder (so ./facts.yaml is the store), a fixed width, no colour."""
    saved_env = {name: os.environ.get(name) for name in ("COLUMNS", "NO_COLOR")}
    saved_cwd = Path.cwd()
    os.environ["COLUMNS"], os.environ["NO_COLOR"] = str(WIDTH), "1"
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_example(command: str) -> str:
    """The stdout of `bakuastana ARGS [| head -N]`, run in-process, with trailing whitespace removed."""
    from bakuastana.cli.app import main

    program, _, pipe = command.partition("|")
    args = shlex.split(program)
    if not args or args[0] != "bakuastana":
        raise ValueError(f"an example must run bakuastana: {command!r}")
    head = None
    if pipe.strip():
        match = HEAD_RE.match(pipe.strip())
        if match is None:
            raise ValueError(f"only `| head -N` is supported after a command: {command!r}")
        head = int(match.group(1))
    out = io.StringIO()
    # the exit code is not part of the shown output (check exits 1 on the seed store)
    with _example_environment(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()), \
            contextlib.suppress(SystemExit):
        main(args[1:])
    lines = out.getvalue().splitlines()
    return normalise("\n".join(lines[:head] if head is not None else lines))


def normalise(text: str) -> str:
    """Trailing whitespace and leading or trailing blank lines removed, on both the README and the real side."""
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")


def examples(text: str) -> list[tuple[re.Match, str, str]]:
    """Each console block: its match, its `$ ` command (without the `$ `) and the output shown under it."""
    found = []
    for match in BLOCK_RE.finditer(text):
        first, _, shown = match.group("body").partition("\n")
        if not first.startswith("$ "):
            raise ValueError(f"a ```console block must start with `$ bakuastana ...`, not {first!r}")
        found.append((match, first[2:].strip(), normalise(shown)))
    return found


def updated(text: str) -> str:
    """README text with every console block's output replaced by the command's real output."""
    parts, last = [], 0
    for match, command, _ in examples(text):
        parts.append(text[last:match.start()])
        output = run_example(command)
        parts.append(f"```console\n$ {command}\n{output}\n```" if output else f"```console\n$ {command}\n```")
        last = match.end()
    parts.append(text[last:])
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if any example is out of date; write nothing")
    options = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    new = updated(text)
    if options.check:
        if new != text:
            print("README.md examples are out of date: run scripts/update_readme_examples.py", file=sys.stderr)
            return 1
        return 0
    if new != text:
        temporary = README.with_suffix(".md.tmp")
        temporary.write_text(new, encoding="utf-8")
        temporary.replace(README)  # atomic: a reader never sees half a README
        print(f"updated {README.relative_to(ROOT)}")
    else:
        print("README.md examples are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
