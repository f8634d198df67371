"""Check many (article, store) pairs at once, in parallel across cores: a folder of articles or a manifest."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bakuastana.errors import BadInput

BATCH_SCHEMA = "bakuastana.batch/1"
CHUNK = 32  # pairs sent to a worker at a time, at most: results come back (and are written) a chunk at a time


@dataclass(frozen=True)
class Pair:
    """One article and the store that describes it; `problem` says why the pair cannot be checked, if known."""

    article: str
    facts: str | None
    problem: str | None = None


@dataclass
class PairResult:
    """The outcome of checking one pair: its summary and findings (as JSON-ready dicts), or its one error line."""

    article: str
    facts: str | None
    summary: dict | None = None
    findings: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    worker: int | None = None  # the id of the process that checked it (not part of the output)

    def to_dict(self) -> dict:
        if self.error is not None:
            return {"article": self.article, "facts": self.facts, "error": self.error}
        return {"article": self.article, "facts": self.facts, "summary": self.summary, "findings": self.findings}


class Totals:
    """The running totals of a batch (what its summary and exit code need), kept as the results stream by, so
    that no result has to be held to the end."""

    def __init__(self) -> None:
        self.articles = self.checked = self.errors = self.warnings = self.infos = self.facts = self.relations = 0
        self.coverage_sum, self.coverages = 0, 0

    def add(self, result: PairResult) -> None:
        self.articles += 1
        if result.error is not None:
            return
        summary = result.summary
        self.checked += 1
        self.errors += summary["errors"]
        self.warnings += summary["warnings"]
        self.infos += summary["infos"]
        self.facts += summary["facts"]
        self.relations += summary["relations"]
        if summary["coverage"] is not None:
            self.coverage_sum += summary["coverage"]
            self.coverages += 1

    def tally(self, results: Iterable[PairResult]) -> Iterator[PairResult]:
        """The results, each added to the totals as it passes."""
        for result in results:
            self.add(result)
            yield result

    def summary(self) -> dict:
        return {"articles": self.articles, "checked": self.checked, "failed": self.articles - self.checked,
                "errors": self.errors, "warnings": self.warnings, "infos": self.infos, "facts": self.facts,
                "relations": self.relations,
                "coverage": round(self.coverage_sum / self.coverages, 4) if self.coverages else None}

    def exit_code(self, strict: bool = False, exit_zero: bool = False) -> int:
        """2 if any pair was bad input; else 1 for an error finding (or a warning with `strict`); else 0."""
        if self.articles > self.checked:
            return 2
        if exit_zero:
            return 0
        return 1 if self.errors or (strict and self.warnings) else 0


@dataclass
class BatchReport:
    """Every pair's result, in the order the pairs were given (the command itself streams the results instead:
    BatchStream, with Totals)."""

    results: list[PairResult]
    workers: int = 1


def find_pairs(target: str | Path, allow_outside: bool = False) -> list[Pair]:
    """The pairs a folder or a manifest names; raises BadInput when the target itself cannot be read.
    A manifest's paths must stay within its folder unless `allow_outside`."""
    target = Path(target)
    if target.is_dir():
        return folder_pairs(target)
    if not target.exists():
        raise BadInput("no such article, folder or manifest", str(target))
    return manifest_pairs(target, allow_outside)


def folder_pairs(folder: Path) -> list[Pair]:
    """Each `*.txt` article under the folder (subfolders included) with the store beside it
    (cli/inputs.py store_beside: `<name>.facts.yaml`, `<name>.yaml` or `<name>.json`); an article with none is
    checked zero-touch, as `check ARTICLE.txt` checks it (a draft made in memory)."""
    from bakuastana.cli.inputs import store_beside

    pairs = []
    for article in sorted(folder.rglob("*.txt")):
        if not article.is_file():  # reported, not skipped: a folder named *.txt, a link to nowhere, a FIFO
            pairs.append(Pair(str(article), None, _not_an_article(article)))
            continue
        store = store_beside(article)
        pairs.append(Pair(str(article), str(store) if store else None))
    if not pairs:
        raise BadInput("no *.txt articles in the folder", str(folder))
    return pairs


def _not_an_article(path: Path) -> str:
    if path.is_dir():
        return "is a folder named like an article, not an article"
    if path.is_symlink():
        return "is a symbolic link that leads to no file (a loop, or a missing target)"
    return "is not a regular file"


def manifest_pairs(path: Path, allow_outside: bool = False) -> list[Pair]:
    """A YAML or JSON list of `{article: ..., facts: ...}`, paths relative to the manifest's folder and within it
    (links resolved) unless `allow_outside`."""
    from bakuastana.store.load import read_text
    from bakuastana.store.yamlsafe import MarkedDict, MarkedList, load_yaml

    data = load_yaml(read_text(path, "manifest"), str(path))
    if not isinstance(data, MarkedList):
        raise BadInput("a manifest is a list of {article: ..., facts: ...} entries", str(path), 1, 1)
    pairs = []
    for index, item in enumerate(data):
        line, column = data.where(index)
        if not isinstance(item, MarkedDict):
            raise BadInput("each manifest entry is a mapping {article: ..., facts: ...}", str(path), line, column)
        for key in item:
            if key not in ("article", "facts"):
                raise BadInput(f'unknown field "{key}" in a manifest entry (expected article, facts)', str(path),
                               *item.key_marks[key])
        for key in ("article", "facts"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                where = item.where(key) if key in item else item.mark
                raise BadInput(f'a manifest entry needs "{key}": a path, relative to the manifest', str(path),
                               *where)
            if not allow_outside and not _within((path.parent / item[key]).resolve(), path.parent.resolve()):
                raise BadInput(f'"{item[key]}" leaves the manifest\'s folder (--allow-outside allows it)', str(path),
                               *item.where(key))
        pairs.append(Pair(str(path.parent / item["article"]), str(path.parent / item["facts"])))
    if not pairs:
        raise BadInput("the manifest lists no pairs", str(path), 1, 1)
    return pairs


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def run_batch(target: str | Path, select: set[str] | None = None, workers: int | None = None,
              progress=None, settings=None, dask: str | None = None, allow_outside: bool = False) -> BatchReport:
    """Every pair's result of a folder or manifest, held in one BatchReport (see BatchStream, which the command
    uses so that memory stays flat in the number of articles)."""
    stream = BatchStream(find_pairs(target, allow_outside), select, workers, progress, settings, dask)
    results = list(stream)
    return BatchReport(results, stream.workers)


class BatchStream:
    """Check every pair, in parallel across cores, and yield the results in the pairs' order as they come; a
    broken pair is its one error line while the others still run. `progress(done, total)` is called as each
    pair is done; `settings` (cli.config.Settings) grade and filter each pair's findings. With `dask` (a
    scheduler's address, or "local"), the pairs run on that Dask cluster instead (cli/dask_runner.py).
    `workers` is the number of processes (or cluster threads) that ran them, known once iteration has begun."""

    def __init__(self, pairs: list[Pair], select: set[str] | None = None, workers: int | None = None,
                 progress=None, settings=None, dask: str | None = None) -> None:
        self.pairs, self.select, self.progress, self.settings, self.dask = pairs, select, progress, settings, dask
        self.workers = max(1, min(workers or os.cpu_count() or 1, len(pairs))) if dask is None else workers

    def __iter__(self) -> Iterator[PairResult]:
        pairs, select, settings = self.pairs, self.select, self.settings
        if self.dask is not None:
            from bakuastana.cli.dask_runner import stream_pairs

            def started(threads: int) -> None:
                self.workers = threads

            yield from stream_pairs(pairs, self.dask, check_pair, select, settings, workers=self.workers,
                                    progress=self.progress, failed=lost_pair, started=started)
            return
        if self.workers == 1:
            yield from _counted((check_pair(pair, select, settings) for pair in pairs), len(pairs), self.progress)
            return
        from concurrent.futures import ProcessPoolExecutor
        from functools import partial

        with ProcessPoolExecutor(max_workers=self.workers, initializer=_end_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            chunk = max(1, min(CHUNK, len(pairs) // (self.workers * 4)))
            check = partial(check_pair, select=select, settings=settings)
            yield from _counted(pool.map(check, pairs, chunksize=chunk), len(pairs), self.progress)


def _end_with_parent(parent: int) -> None:
    """In a worker: be sent SIGTERM when the main process ends, however it ends (SIGTERM, SIGKILL), so that no
    worker is left orphaned (Linux's PR_SET_PDEATHSIG; elsewhere the pool's own shutdown only)."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the main process ended before the call above
        os._exit(1)


def _counted(results, total: int, progress):
    """The results as they come, telling `progress` (when given) how many are done."""
    for done, result in enumerate(results, 1):
        if progress is not None:
            progress(done, total)
        yield result


def check_pair(pair: Pair, select: set[str] | None = None, settings=None) -> PairResult:
    """Check one pair (in a worker process); bad input becomes the pair's error line."""
    from bakuastana.cli.config import apply
    from bakuastana.cli.inputs import check_files

    worker = os.getpid()
    if pair.problem is not None:
        return PairResult(pair.article, pair.facts, error=str(BadInput(pair.problem, pair.article)), worker=worker)
    try:  # no store: zero-touch, as `check ARTICLE.txt` (a draft in memory, its TODOs not shown)
        report = check_files(pair.facts, pair.article, select, show_todos=False, default_store=False,
                             about_tolerance=None if settings is None else settings.about_tolerance)
        if settings is not None:
            apply(report, settings)
    except BadInput as exc:
        return PairResult(pair.article, pair.facts, error=str(exc), worker=worker)
    except Exception as exc:  # a bug on one pair must not lose the others' results
        return PairResult(pair.article, pair.facts, worker=worker,
                          error=f"{pair.article}: error: internal error: {type(exc).__name__}: {exc}")
    return PairResult(pair.article, pair.facts, report.summary(), [f.to_dict() for f in report.findings],
                      list(report.notes), worker=worker)


def lost_pair(pair: Pair, exc: BaseException) -> PairResult:
    """The error line of a pair whose check never finished (on a cluster: its workers died on every try)."""
    return PairResult(pair.article, pair.facts,
                      error=f"{pair.article}: error: internal error: not checked: {type(exc).__name__}: {exc}")
