"""Line ends: ``\\r\\n`` and a lone ``\\r`` read as ``\\n``, with offsets back into the original text.

The line-anchored rules (boilerplate, credits, the dateline) are written for ``\\n``. They run on
:attr:`LineBreaks.text`, in which every line end is one ``\\n``, and their offsets are turned
back into offsets of the text as given with :meth:`LineBreaks.original`, so their results do
not depend on the line-ending convention of the source.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .joined import restore_breaks

_CRLF = re.compile(r"\r\n")


@dataclass(frozen=True, slots=True)
class LineBreaks:
    """A text with ``\\n`` line ends only, and where its ``\\r\\n`` pairs stood in the original."""

    text: str
    #: Positions in :attr:`text` of the ``\\n`` that stand for a ``\\r\\n``.
    joined: tuple[int, ...] = ()
    #: Positions in the original text of the ``\\r`` of each ``\\r\\n``.
    dropped: tuple[int, ...] = ()

    def original(self, position: int) -> int:
        """The offset in the original text of ``position`` in :attr:`text` (a boundary before a
        ``\\r\\n`` stays before it)."""
        return position + bisect.bisect_left(self.joined, position)

    def normal(self, position: int) -> int:
        """The offset in :attr:`text` of ``position`` in the original text."""
        return position - bisect.bisect_left(self.dropped, position)


def line_breaks(text: str) -> LineBreaks:
    """``text`` with ``\\r\\n`` and ``\\r`` line ends read as ``\\n`` (as it is when it has no ``\\r``).

    A text without any line break (paragraphs a scraper joined with spaces) is read with the breaks
    of :func:`.joined.restore_breaks` put back, one character for one: the offsets do not move."""
    if "\r" not in text:
        return LineBreaks(text if "\n" in text else restore_breaks(text))
    dropped = tuple(match.start() for match in _CRLF.finditer(text))
    joined = tuple(position - index for index, position in enumerate(dropped))
    return LineBreaks(text.replace("\r\n", "\n").replace("\r", "\n"), joined, dropped)
