"""The NER's matrix products through numpy's OpenBLAS on one thread, where that library is found.

thinc's ``NumpyOps`` multiplies matrices with its bundled BLIS kernels. On CPUs for which the BLIS
wheel has no tuned kernel the OpenBLAS that numpy ships is two to three times faster for the NER's
products (tokens x 288 by 288 x 288), and the matrix products are most of the NER's time. OpenBLAS
would use every core for them, which helps nobody when worker processes already use every core, so
:class:`OneThreadBlasOps` asks OpenBLAS for one thread for the duration of each product and puts the
previous setting back afterwards.

The library is looked up among the shared libraries of this process (``/proc/self/maps``) by
OpenBLAS's own thread-count functions; where it is not found (another BLAS, another system)
:func:`ner_ops` gives ``None`` and the NER keeps thinc's default. The products are the same up to
float rounding; on the project's 317 real articles the entities are identical.
"""

from __future__ import annotations

import ctypes
import functools
from pathlib import Path
from typing import Any

from thinc.api import NumpyOps, Ops

__all__ = ["OneThreadBlasOps", "ner_ops"]

#: (set, get) thread-count functions of OpenBLAS builds: plain, 64-bit integer, numpy's wheels.
_THREAD_FUNCTIONS = (
    ("openblas_set_num_threads", "openblas_get_num_threads"),
    ("openblas_set_num_threads64_", "openblas_get_num_threads64_"),
    ("scipy_openblas_set_num_threads64_", "scipy_openblas_get_num_threads64_"),
    ("scipy_openblas_set_num_threads", "scipy_openblas_get_num_threads"),
)


def _loaded_openblas_paths() -> list[str]:
    """Paths of the OpenBLAS libraries mapped into this process (Linux), numpy's among them."""
    import numpy  # noqa: F401  (loads numpy's BLAS, if it is not loaded yet)

    try:
        maps = Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    paths = {line.split()[-1] for line in maps.splitlines() if "openblas" in line.lower()}
    return sorted(path for path in paths if path.startswith("/"))


@functools.cache
def _thread_functions() -> tuple[Any, Any] | None:
    """OpenBLAS's (set, get) thread-count functions, or ``None`` where none is loaded."""
    for path in _loaded_openblas_paths():
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for set_name, get_name in _THREAD_FUNCTIONS:
            setter, getter = getattr(library, set_name, None), getattr(library, get_name, None)
            if setter is not None and getter is not None:
                setter.argtypes, setter.restype = [ctypes.c_int], None
                getter.argtypes, getter.restype = [], ctypes.c_int
                return setter, getter
    return None


class OneThreadBlasOps(NumpyOps):
    """``NumpyOps`` whose ``gemm`` is numpy's ``dot`` (OpenBLAS) on one thread."""

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        """Multiply ``x`` by ``y`` (optionally transposed) as :meth:`thinc.api.Ops.gemm` does."""
        functions = _thread_functions()
        if functions is None:  # pragma: no cover - ner_ops() gives this class only with OpenBLAS
            return NumpyOps.gemm(self, x, y, out=out, trans1=trans1, trans2=trans2)
        set_threads, get_threads = functions
        before = get_threads()
        if before != 1:
            set_threads(1)
        try:
            return Ops.gemm(self, x, y, out=out, trans1=trans1, trans2=trans2)
        finally:
            if before != 1:
                set_threads(before)


def ner_ops() -> OneThreadBlasOps | None:
    """The ops to build the NER with, or ``None`` to keep thinc's (no OpenBLAS found)."""
    if _thread_functions() is None:
        return None
    return OneThreadBlasOps(use_blis=False)
