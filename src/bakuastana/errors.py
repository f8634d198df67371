"""The one exception type for bad input: it carries the file, line and column to report."""

from __future__ import annotations


class BadInput(Exception):
    """Input the tool refuses; rendered as `path:line:col: error: message` with exit code 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def located(self, path: str | None = None, line: int | None = None,
                column: int | None = None) -> BadInput:
        """Fill in a location the raiser did not know, keeping any it did."""
        self.path = self.path or path
        self.line = self.line or line
        self.column = self.column or column
        return self

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.path, self.line, self.column) if part is not None)
        message = " ".join(self.message.splitlines())  # one line on stderr, whatever the input quoted
        return f"{where}: error: {message}" if where else f"error: {message}"
