"""A small pool of worker processes that always ends: for ``parse_many(n_process=N)`` and ``--workers``.

spaCy's ``nlp.pipe(n_process=...)`` could hang when its output was not read to the end (a stream
stopped early, ``| head``), when the main process was signalled, and left its workers alive after a
``kill -9``. This pool owns its processes:

* **Order.** Batches go to the workers in turn and their results are read back in the same turn,
  so the output is in input order and identical to one process.
* **Pipes, no queues.** One pipe to and one from each worker: no feeder thread, nothing to flush
  at exit. A thread in each worker empties the pipe from the parent at once, so a send from the
  parent never waits for a busy worker and the two sides cannot block each other.
* **Workers never outlive the parent.** A worker ends when the pipe from the parent closes
  (the parent ended, however it ended: each worker holds only its own pipe ends) and when its
  parent process changes; on Linux the kernel also kills it when the parent dies (``PR_SET_PDEATHSIG``).
* **Shutdown in bounded time.** :meth:`WorkerPool.close` closes the pipes, waits a moment, then
  kills what is left. Workers ignore SIGINT (Ctrl-C reaches the whole process group; the parent
  stops them) and exit on SIGTERM.

Workers are forked (where ``fork`` exists; elsewhere spawned): they share the loaded pipeline
copy-on-write.
"""

from __future__ import annotations

import atexit
import ctypes
import gc
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["WorkerDied", "WorkerPool", "stop_all"]

#: Seconds between two checks that the parent process is still there.
PARENT_POLL_SECONDS = 0.5
#: Seconds a worker gets to exit by itself at shutdown before it is killed.
EXIT_GRACE_SECONDS = 2.0
_PR_SET_PDEATHSIG = 1
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)

_pools: weakref.WeakSet[WorkerPool] = weakref.WeakSet()


class WorkerDied(RuntimeError):
    """A worker process ended while it held work (killed, out of memory, a crash in native code).

    Attributes:
        signum: the signal that ended it, if any (``SIGTERM``/``SIGINT`` mean the job is being stopped).
    """

    def __init__(self, message: str, signum: int | None = None) -> None:
        super().__init__(message)
        self.signum = signum


def _die_with_parent(parent_pid: int, kernel_watch: bool) -> None:
    if kernel_watch and sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass  # the pipe and the parent check below still end the worker
    if os.getppid() != parent_pid:
        os._exit(0)  # the parent died before prctl took effect


def _forward(conn: Any, inbox: queue.SimpleQueue[bytes], parent_pid: int) -> None:
    """Worker thread: move batches from the parent's pipe to the inbox; end the process with the parent."""
    while True:
        try:
            ready = conn.poll(PARENT_POLL_SECONDS)
            if ready:
                inbox.put(conn.recv_bytes())
        except (EOFError, OSError):
            os._exit(0)  # the parent closed the pipe or is gone: nothing more to do
        if not ready and os.getppid() != parent_pid:
            os._exit(0)


def _worker_main(
    task: Callable[[Any], Any], inbound: Any, outbound: Any, others: list[Any], parent: tuple[int, bool]
) -> None:
    parent_pid, kernel_watch = parent
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    for conn in others:
        conn.close()  # the ends of the parent and of the other workers: EOF must mean "parent gone"
    _die_with_parent(parent_pid, kernel_watch)
    inbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()
    threading.Thread(target=_forward, args=(inbound, inbox, parent_pid), daemon=True).start()
    while True:
        data = inbox.get()
        try:
            payload = pickle.dumps(("ok", task(pickle.loads(data))), pickle.HIGHEST_PROTOCOL)
        except Exception as err:  # reported to the parent, which raises it there
            payload = pickle.dumps(("error", f"{type(err).__name__}: {err}"))
        try:
            outbound.send_bytes(payload)
        except OSError:
            os._exit(0)


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class WorkerPool:
    """``n`` worker processes running ``task(batch)``; results come back in the order batches went in.

    Args:
        task: a function of one batch (picklable arguments); with ``fork`` it may close over a pipeline.
        n: worker processes.
        depth: batches in flight per worker.
    """

    def __init__(self, task: Callable[[Any], Any], n: int, *, depth: int = 2) -> None:
        self.task = task
        self.n = n
        self.depth = depth
        self._ctx = _context()
        self._procs: list[Any] = [None] * n
        self._to: list[Any] = [None] * n
        self._from: list[Any] = [None] * n
        self._closed = False
        _pools.add(self)

    def start(self) -> None:
        """Fork the workers (signals are held meanwhile, so that a Ctrl-C cannot split a fork)."""
        old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        gc.freeze()  # objects that exist now stay untouched by the workers' GC: their pages stay shared
        try:
            for index in range(self.n):
                self._start(index)
        finally:
            gc.unfreeze()
            signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)

    def _start(self, index: int) -> None:
        inbound, self._to[index] = self._ctx.Pipe(duplex=False)
        self._from[index], outbound = self._ctx.Pipe(duplex=False)
        forked = self._ctx.get_start_method() == "fork"
        others = [c for c in self._to + self._from if c is not None] if forked else []
        # PR_SET_PDEATHSIG fires when the forking *thread* ends: only ask for it from the main thread.
        parent = (os.getpid(), threading.current_thread() is threading.main_thread())
        proc = self._ctx.Process(
            target=_worker_main,
            args=(self.task, inbound, outbound, others, parent),
            name=f"kalbar-nlp-worker-{index + 1}",
            daemon=True,
        )
        self._procs[index] = proc
        proc.start()
        inbound.close()
        outbound.close()

    def map(self, batches: Iterable[Any]) -> Iterator[Any]:
        """Yield ``task(batch)`` for every batch, in order, with at most ``n * depth`` batches in flight."""
        stream = iter(batches)
        in_flight: deque[int] = deque()
        turn = 0
        exhausted = False
        while True:
            while not exhausted and len(in_flight) < self.n * self.depth:
                batch = next(stream, _END)
                if batch is _END:
                    exhausted = True
                    break
                self._send(turn, batch)
                in_flight.append(turn)
                turn = (turn + 1) % self.n
            if not in_flight:
                return
            yield self._receive(in_flight.popleft())

    def _send(self, index: int, batch: Any) -> None:
        data = pickle.dumps(batch, pickle.HIGHEST_PROTOCOL)
        try:
            self._to[index].send_bytes(data)
        except OSError:
            self._died(index)

    def _receive(self, index: int) -> Any:
        try:
            status, value = pickle.loads(self._from[index].recv_bytes())
        except (EOFError, OSError):
            self._died(index)
        if status == "error":
            raise RuntimeError(f"worker process {index + 1} failed: {value}")
        return value

    def _died(self, index: int) -> None:
        proc = self._procs[index]
        proc.join(EXIT_GRACE_SECONDS)
        code = proc.exitcode
        signum = -code if code is not None and code < 0 else None
        how = f"signal {signal.Signals(signum).name}" if signum else f"exit status {code}"
        raise WorkerDied(f"worker process {index + 1} (pid {proc.pid}) ended with {how}", signum)

    def kill(self) -> None:
        """Kill the workers at once (from a signal handler: the parent then unwinds and closes)."""
        for proc in self._procs:
            if proc is not None and proc.exitcode is None:
                proc.kill()

    def close(self) -> None:
        """Close the pipes (workers exit by themselves), then kill the ones that did not; idempotent."""
        if self._closed:
            return
        self._closed = True
        for conn in self._to + self._from:
            if conn is not None:
                conn.close()
        started = [p for p in self._procs if p is not None and p.pid is not None]
        for proc in started:
            proc.join(EXIT_GRACE_SECONDS)
        for proc in started:
            if proc.exitcode is None:
                proc.kill()
                proc.join(EXIT_GRACE_SECONDS)
        _pools.discard(self)


_END = object()


def stop_all(*, kill: bool = False) -> int:
    """Stop the workers of every open pool of this process; return how many pools there were.

    Args:
        kill: only kill the processes (safe in a signal handler); the owner of a pool closes it.
    """
    pools = list(_pools)
    for pool in pools:
        pool.kill() if kill else pool.close()
    return len(pools)


atexit.register(stop_all)  # registered after multiprocessing's own exit hook, so it runs first
