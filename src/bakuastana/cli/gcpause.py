"""Pause Python's cyclic garbage collector while a `check` command runs (the command layer's choice, not the core's).

A check of a big store builds millions of objects (the marked YAML tree, quantities, findings, their JSON) that
reference counting frees; every automatic collection walks the whole live heap again. On the generated 100k
store the check is about a fifth slower with collections on (benchmarks/README.md); on the seed store it makes
no difference. Collections resume, as they were, when the command ends; worker processes forked by the batch
runner inherit the pause.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collection() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
