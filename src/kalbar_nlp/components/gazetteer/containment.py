"""Whether a range lies inside a longer range of a set, in logarithmic time per question."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Containers:
    """A set of ``(start, end)`` ranges (overlaps allowed), asked which ranges they hold."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [start for start, _end in ordered]
        self._max_end_before: list[int] = []  # the largest end of the ranges ordered[:k]
        largest = -1
        for _start, end in ordered:
            self._max_end_before.append(largest)
            largest = max(largest, end)
        self._max_end_before.append(largest)
        self._max_end_at: dict[int, int] = {}  # the largest end of the ranges starting at a position
        for start, end in ordered:
            self._max_end_at[start] = max(self._max_end_at.get(start, end), end)

    def strictly_contains(self, start: int, end: int) -> bool:
        """Whether a range of the set holds ``[start, end]`` and is not that very range."""
        before = bisect.bisect_left(self._starts, start)  # the ranges that start earlier
        if self._max_end_before[before] >= end:
            return True
        return self._max_end_at.get(start, -1) > end
