"""Pause Python's cyclic garbage collector while the console script imports and while a `check` command runs, and
skip its walk of the heap when the program exits (the command layer's choices, not the core's).

A check of a big store builds millions of objects (the marked YAML tree, quantities, findings, their JSON) that
reference counting frees; every automatic collection walks the whole live heap again. On the generated 100k
store the check is about a fifth slower with collections on (benchmarks/README.md); on the seed store it makes
no difference. Collections resume, as they were, when the command ends; worker processes forked by the batch
runner inherit the pause.

When the program's command is done, the interpreter's shutdown runs full collections over every object still alive
(typer's, the rule table's, the store's): ~25 ms after a check of the seed store, ~15 ms after `--help`, though the
memory goes back to the system when the process ends all the same. `no_collection_at_exit` freezes them (gc.freeze:
shutdown collections do not walk frozen objects; ~5 and ~4 ms are left); only objects held in reference cycles are
then not finalised one by one, which Python never promises at exit anyway (atexit handlers and weakref finalizers
still run). main() calls it only as the program (argv None), never for a caller running commands in-process;
there a check's pause also ends in a freeze (`paused_collection(exiting=True)`): turning collections back on
would otherwise start one over everything the check built (~3 ms on the seed store, ~8 ms with its article).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collection(exiting: bool = False) -> Iterator[None]:
    """No automatic collections while the command runs. `exiting`: the process ends with the command, so what it
    built is frozen first (as by no_collection_at_exit) instead of walked by the collection that turning
    collections back on would start."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if exiting:
            gc.freeze()
        if collecting:
            gc.enable()


_imports_paused = False


def pause_imports() -> None:
    """No collections while the console script imports (cli/app.py, before typer): what the imports build lives
    as long as the program (~1 ms of collections on every start)."""
    global _imports_paused
    if gc.isenabled():
        gc.disable()
        _imports_paused = True


def resume_after_imports() -> None:
    """After pause_imports(): what the imports built is frozen (no later collection walks it again; a forked batch
    worker shares it) and collections resume. Nothing when the imports were not paused."""
    global _imports_paused
    if _imports_paused:
        _imports_paused = False
        gc.freeze()
        gc.enable()


def no_collection_at_exit() -> None:
    """The process exits next: the collections of the interpreter's shutdown need not walk what is alive now."""
    gc.freeze()
