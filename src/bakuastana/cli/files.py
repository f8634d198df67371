"""Writing files safely: atomically (a temporary file renamed into place) and never over a file unasked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bakuastana.errors import BadInput


def write_atomic(path: str | Path, text: str, *, force: bool = False) -> None:
    """Write `text` to `path` so that readers see the old file or the whole new one, never half of it.

    Refuses (BadInput) to replace an existing file unless `force`, and to write into a missing folder.
    """
    path = Path(path)
    if path.is_dir():
        raise BadInput("is a folder, expected a file to write", str(path))
    if path.exists() and not force:
        raise BadInput("already exists (use --force to overwrite)", str(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise BadInput(f"folder {folder} does not exist", str(path))
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise BadInput(f"cannot write: {exc.strerror or exc}", str(path)) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
