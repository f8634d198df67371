"""Writing files safely: atomically (a temporary file renamed into place) and never over a file unasked."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import tempfile
import threading
from pathlib import Path

from bakuastana.errors import BadInput


def write_atomic(path: str | Path, text, *, force: bool = False) -> None:
    """Write `text` (a str, or a text file read from where it stands) to `path` so that readers see the old file
    or the whole new one, never half of it.

    Refuses (BadInput) to replace an existing file unless `force`, and to write into a missing folder.
    """
    path = Path(path)
    if path.is_dir():
        raise BadInput("is a folder, expected a file to write", str(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise BadInput(f"{folder} is a file, not a folder" if folder.exists() else f"folder {folder} does not exist",
                       str(path))
    mode = _replaced_mode(path, force)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with _signals_raise(), os.fdopen(handle, "w", encoding="utf-8") as out:
            if isinstance(text, str):
                out.write(text)
            else:
                shutil.copyfileobj(text, out)
            out.flush()
            os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
            os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise BadInput(f"cannot write: {exc.strerror or exc}", str(path)) from None
    except Terminated as exc:  # the temporary file removed, the signal is delivered again as it would have been
        Path(temporary).unlink(missing_ok=True)
        signal.raise_signal(exc.signum)
        raise SystemExit(128 + exc.signum) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _replaced_mode(path: Path, force: bool) -> int:
    """The mode the new file takes: the replaced file's, or what the umask leaves of 0o666 for a new one.
    Refuses to replace anything unasked, and anything but a regular file (a device, a FIFO, a symbolic link)."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
    except OSError as exc:
        raise BadInput(f"cannot write: {exc.strerror or exc}", str(path)) from None
    if stat.S_ISLNK(status.st_mode):
        raise BadInput("is a symbolic link; refusing to replace it (write to the file it names)", str(path))
    if not stat.S_ISREG(status.st_mode):
        raise BadInput("is not a regular file (a device, FIFO or socket); refusing to replace it", str(path))
    if not force:
        raise BadInput("already exists (use --force to overwrite)", str(path))
    return stat.S_IMODE(status.st_mode)


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while a file was being written (its temporary file is removed)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_raise():
    """While writing, SIGTERM and SIGHUP raise Terminated (the writer removes its temporary file and delivers the
    signal again, its former handling restored); only the main thread can do this, elsewhere nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def raise_terminated(signum, frame):
        raise Terminated(signum)

    kept = {signum: signal.signal(signum, raise_terminated) for signum in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for signum, handler in kept.items():
            signal.signal(signum, handler)
