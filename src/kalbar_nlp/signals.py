"""How the ``kalbar-nlp`` command stops: Ctrl-C, SIGTERM, a closed pipe, an output that cannot be written.

Every stop ends the run within seconds and leaves the output valid:

* The first SIGINT or SIGTERM raises :class:`Interrupted` in the main thread (a ``BaseException``,
  so that no ``except Exception`` on the way swallows it); the stream unwinds, its worker
  processes are stopped, the output is closed and the exit status is 130.
* While the output is being written (:meth:`Stopper.held`), a signal is only noted and raised
  when the write is complete, so that no line is ever cut in half.
* A second signal ends the process at once (after a write in progress), still with status 130.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from typing import Any

__all__ = ["EXIT_INTERRUPTED", "Interrupted", "Stopper", "silence_stdout"]

EXIT_INTERRUPTED = 130
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """Raised in the main thread when SIGINT or SIGTERM arrives."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class Stopper:
    """The signal handlers of one run; use as a context manager around it."""

    def __init__(self) -> None:
        self.signals = 0
        self._held = 0
        self._pending: int | None = None
        self._exit_after_hold = False
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> Stopper:
        self._previous = {sig: signal.signal(sig, self._on_signal) for sig in STOP_SIGNALS}
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def _on_signal(self, signum: int, _frame: Any) -> None:
        self.signals += 1
        if self.signals > 1:  # a second Ctrl-C: stop now (but never in the middle of a write)
            if self._held:
                self._exit_after_hold = True
                return
            os._exit(EXIT_INTERRUPTED)
        if self._held:
            self._pending = signum
            return
        raise Interrupted(signum)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Defer the signals' effect until the block (a write to the output) is done."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held:
                self._after_hold()

    def _after_hold(self) -> None:
        if self._exit_after_hold:
            os._exit(EXIT_INTERRUPTED)
        if self._pending is not None:
            signum, self._pending = self._pending, None
            raise Interrupted(signum)


def silence_stdout() -> None:
    """Point stdout at ``/dev/null`` so that the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
