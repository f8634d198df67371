"""A progress bar on stderr for long checks (batches), drawn by rich; used only when stderr is a terminal."""

from __future__ import annotations


class ProgressBar:
    """`with ProgressBar() as progress: ... progress(done, total)`: a bar of articles checked, removed at the end."""

    def __enter__(self):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            console=Console(stderr=True), transient=True)
        self.task = None
        self.bar.__enter__()
        return self.update

    def update(self, done: int, total: int) -> None:
        if self.task is None:
            self.task = self.bar.add_task("check", total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *exc) -> None:
        self.bar.__exit__(*exc)
