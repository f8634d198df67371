"""A progress bar on stderr for long checks (batches, large stores), drawn by rich once a check has run for half
a second; used only when stderr is a terminal."""

from __future__ import annotations

import time

DELAY = 0.5  # seconds before a bar is drawn: a quick check shows none


class ProgressBar:
    """`with ProgressBar("articles") as progress: ... progress(done, total)`: a bar of what is done, removed at
    the end."""

    def __init__(self, what: str = "") -> None:
        self.what = what
        self.bar = None
        self.task = None
        self.start = time.monotonic()

    def __enter__(self):
        self.start = time.monotonic()
        return self.update

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            if time.monotonic() - self.start < DELAY or done >= total:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn(f"checking {self.what}".strip()), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("check", total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
