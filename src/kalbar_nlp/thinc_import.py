"""Import thinc (spaCy's machine-learning library) without PyTorch, for a fast start.

When PyTorch is installed, ``thinc.compat`` imports it as soon as thinc is imported (to offer its
PyTorch wrappers and GPU support), whether or not a model uses it: that import costs more CPU time
than the rest of spaCy's. The default pipeline's NER is a thinc model on numpy (``NumpyOps``) and
never touches PyTorch, so :mod:`kalbar_nlp` imports thinc first with ``torch`` hidden from it:
thinc then sets ``has_torch = False``, exactly as in an install without PyTorch.

Only thinc's view is affected: ``import torch`` works as usual afterwards (the stanza backend uses
PyTorch directly, not through thinc). Nothing changes when thinc was already imported before
kalbar_nlp (``import spacy`` first) or when the environment variable ``KALBAR_NLP_THINC_TORCH`` is set
to ``1`` (for thinc's PyTorch wrappers, e.g. ``spacy-transformers``, in the same process).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

__all__ = ["ENV_KEEP_TORCH", "import_thinc_without_torch"]

#: Set to ``1`` to let thinc import PyTorch as it normally would.
ENV_KEEP_TORCH = "KALBAR_NLP_THINC_TORCH"

_HIDDEN = "torch"


class _HideTorch:
    """A meta-path finder that makes ``import torch`` (and its submodules) fail while it is installed."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname == _HIDDEN or fullname.startswith(_HIDDEN + "."):
            raise ModuleNotFoundError(f"No module named {fullname!r} (hidden from thinc)", name=fullname)
        return None


def import_thinc_without_torch() -> bool:
    """Import ``thinc`` with PyTorch hidden from it, unless that is not wanted or too late.

    Returns:
        Whether thinc was imported here with PyTorch hidden (``False``: thinc or torch was already
        imported, or ``KALBAR_NLP_THINC_TORCH=1``).
    """
    if os.environ.get(ENV_KEEP_TORCH, "").strip() in {"1", "true", "yes"}:
        return False
    if "thinc" in sys.modules or _HIDDEN in sys.modules:
        return False
    finder = _HideTorch()
    sys.meta_path.insert(0, finder)
    try:
        importlib.import_module("thinc.compat")
    finally:
        sys.meta_path.remove(finder)
    return True
