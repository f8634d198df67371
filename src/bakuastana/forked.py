"""Run one function in a forked child process while this one goes on, and take back its pickled result."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

SERIAL_ENV = "BAKUASTANA_SERIAL"  # set to 1 to keep all the work in one process


def may_fork() -> bool:
    """Whether a second process can share the work: POSIX fork (not on macOS, where forking a process that has
    loaded system frameworks is unsafe), more than one core, and not turned off."""
    return (hasattr(os, "fork") and os.environ.get(SERIAL_ENV, "") in ("", "0") and (os.cpu_count() or 1) > 1
            and sys.platform != "darwin")


class Forked:
    """A child process computing one value; `result()` waits for it, `discard()` stops it."""

    def __init__(self, pid: int, reader: int) -> None:
        self.pid, self.reader = pid, reader

    def result(self):
        """The child's value, or None if it failed in any way (the caller then does the work itself)."""
        if self.pid is None:
            return None
        import pickle

        with os.fdopen(self.reader, "rb") as incoming:
            data = incoming.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if status != 0:
            return None
        try:
            return pickle.loads(data)
        except Exception:  # a truncated message: the child died while writing
            return None

    def discard(self) -> None:
        """Stop the child if its value was never taken (so that no process is left behind)."""
        if self.pid is None:
            return
        import contextlib
        import signal

        os.close(self.reader)
        with contextlib.suppress(OSError):  # it may have ended already
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        self.pid = None


def start(work: Callable[[], object]) -> Forked | None:
    """Fork a child that runs `work()` and sends its pickled value back; None if the fork itself fails. The child
    leaves with os._exit, so it runs none of this process's exit handlers and flushes none of its buffers."""
    import pickle

    reader, writer = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(reader)
        os.close(writer)
        return None
    if pid == 0:
        code = 1
        try:
            os.close(reader)
            data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(writer, "wb") as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(writer)
    return Forked(pid, reader)
