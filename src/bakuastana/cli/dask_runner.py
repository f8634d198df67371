"""Run a batch's per-article check on a Dask distributed cluster (`check FOLDER --dask ADDRESS|local`), in order."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from bakuastana.errors import BadInput

LOCAL = "local"  # `--dask local`: a LocalCluster started in this process
LOCAL_WORKERS = 2  # its worker processes when no number is given
WINDOW_PER_WORKER = 4  # futures in flight (or waiting to be put in order) per worker thread: memory stays flat
RETRIES = 2  # a task that raised is tried again this often; a worker that died has its tasks rescheduled too
INSTALL = "pip install 'bakuastana[dask]'"


def import_distributed():
    """The `distributed` module; BadInput (exit 2) with the install command when the extra is not installed."""
    try:
        import distributed
    except ImportError as exc:
        raise BadInput(f"--dask needs Dask distributed, which is not installed ({exc.name} is missing): "
                       f"{INSTALL}") from None
    return distributed


@contextmanager
def connect(address: str, workers: int | None = None):
    """A Client on the scheduler at `address`, or on a LocalCluster of `workers` processes (single-threaded,
    loopback only, no dashboard) for `local`; both closed on exit."""
    distributed = import_distributed()
    if address == LOCAL:
        cluster = distributed.LocalCluster(n_workers=workers or LOCAL_WORKERS, threads_per_worker=1, processes=True,
                                           host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
        try:
            with distributed.Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = distributed.Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise BadInput(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        yield client


def run_ordered(client, check: Callable, items: Sequence, *args, window: int | None = None,
                progress: Callable[[int, int], None] | None = None,
                failed: Callable[[object, BaseException], object] | None = None) -> Iterator:
    """`check(item, *args)` for each item on the cluster, yielded in the items' order as they complete. At most
    `window` items (default WINDOW_PER_WORKER per worker thread) are submitted or waiting to be yielded at any
    time, so memory does not grow with the number of items. A task that still fails after its retries (its
    workers died each time) yields `failed(item, exception)`, or raises when `failed` is None."""
    distributed = import_distributed()
    if window is None:
        window = WINDOW_PER_WORKER * max(1, sum(client.nthreads().values()))
    total, submitted = len(items), 0
    index_of: dict[str, int] = {}
    ready: dict[int, object] = {}  # finished out of order, waiting for an earlier one
    flow = distributed.as_completed()

    def submit_up_to(limit: int) -> None:
        nonlocal submitted
        while submitted < min(limit, total):
            future = client.submit(check, items[submitted], *args, pure=False, retries=RETRIES)
            index_of[future.key] = submitted
            flow.add(future)
            submitted += 1

    submit_up_to(window)
    following = 0  # the next index to yield
    for done, future in enumerate(flow, 1):
        index = index_of.pop(future.key)
        try:
            ready[index] = future.result()
        except Exception as exc:
            if failed is None:
                raise
            ready[index] = failed(items[index], exc)
        future.release()
        if progress is not None:
            progress(done, total)
        while following in ready:
            yield ready.pop(following)
            following += 1
        submit_up_to(following + window)


def stream_pairs(pairs: Sequence, address: str, check: Callable, *args, workers: int | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 failed: Callable[[object, BaseException], object] | None = None,
                 started: Callable[[int], None] | None = None) -> Iterator:
    """Every pair checked by `check(pair, *args)` on the cluster at `address` (or `local`), yielded in the pairs'
    order as they come; `started(threads)` is told the number of worker threads once connected."""
    with connect(address, workers) as client:
        if started is not None:
            started(sum(client.nthreads().values()))
        yield from run_ordered(client, check, pairs, *args, progress=progress, failed=failed)
