"""The one exception type for bad input: it carries the file, line and column to report, or several such problems."""

from __future__ import annotations

from collections.abc import Sequence

MAX_SHOWN = 50  # problems printed for one input; the rest are counted


class BadInput(Exception):
    """Input the tool refuses; rendered as `path:line:col: error: message` with exit code 2.

    One BadInput may stand for several problems of one input (`BadInput.of`): its message and place are the
    first's, and it renders as one such line per problem, at most MAX_SHOWN, then "... and N more problems".
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.problems: tuple[BadInput, ...] = (self,)

    @classmethod
    def of(cls, problems: Sequence[BadInput]) -> BadInput:
        """One BadInput for a non-empty list of problems, in the order given."""
        first = problems[0]
        if len(problems) == 1:
            return first
        combined = cls(first.message, first.path, first.line, first.column)
        combined.problems = tuple(problems)
        return combined

    def located(self, path: str | None = None, line: int | None = None,
                column: int | None = None) -> BadInput:
        """Fill in a location the raiser did not know, keeping any it did."""
        for problem in {self, *self.problems}:
            problem.path = problem.path or path
            problem.line = problem.line or line
            problem.column = problem.column or column
        return self

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return self.one_line()
        lines = [problem.one_line() for problem in self.problems[:MAX_SHOWN]]
        if len(self.problems) > MAX_SHOWN:
            lines.append(f"... and {len(self.problems) - MAX_SHOWN} more problems")
        return "\n".join(lines)

    def one_line(self) -> str:
        where = ":".join(str(part) for part in (self.path, self.line, self.column) if part is not None)
        message = " ".join(self.message.splitlines())  # one line on stderr, whatever the input quoted
        return f"{where}: error: {message}" if where else f"error: {message}"
