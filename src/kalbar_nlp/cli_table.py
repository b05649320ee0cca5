"""The ``kalbar-nlp parse --table`` view: one aligned line per record, for a look at a dump."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

TABLE_COLUMNS = ("id", "outlet", "place", "dates", "people", "quotes", "bylines")
TABLE_WIDTHS = {"id": 28, "outlet": 22, "place": 16, "dates": 34, "people": 48, "quotes": 6, "bylines": 30}


def _truncate(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def table_row(rec: dict[str, Any]) -> dict[str, str]:
    """The cells of one record in the ``--table`` view."""
    if "error" in rec and "schema_version" not in rec:
        return {
            "id": str(rec.get("id") or f"line {rec.get('line')}"),
            "outlet": "ERROR",
            "place": "",
            "dates": rec["error"],
            "people": "",
            "quotes": "",
            "bylines": "",
        }
    dl = rec.get("dateline") or {}
    dates = ", ".join(d.get("value") or d.get("text", "?") for d in rec.get("dates") or [])
    people = ", ".join(p["name"] for p in rec.get("people") or [])
    bylines = ", ".join(f"{b['name']} ({b['role']})" for b in rec.get("bylines") or [])
    return {
        "id": str(rec.get("id") if rec.get("id") is not None else ""),
        "outlet": dl.get("outlet") or "",
        "place": dl.get("place") or "",
        "dates": dates,
        "people": people,
        "quotes": str(len(rec.get("quotes") or [])),
        "bylines": bylines,
    }


def format_table(rows: Sequence[dict[str, str]]) -> str:
    """Align the ``--table`` rows in columns (long cells are cut with an ellipsis)."""
    widths = {c: max([len(c)] + [len(_truncate(r[c], TABLE_WIDTHS[c])) for r in rows]) for c in TABLE_COLUMNS}
    lines = ["  ".join(c.ljust(widths[c]) for c in TABLE_COLUMNS).rstrip()]
    lines.append("  ".join("-" * widths[c] for c in TABLE_COLUMNS))
    for r in rows:
        cells = [_truncate(r[c], TABLE_WIDTHS[c]) for c in TABLE_COLUMNS]
        lines.append(
            "  ".join(
                cell.rjust(widths[c]) if c == "quotes" else cell.ljust(widths[c])
                for c, cell in zip(TABLE_COLUMNS, cells, strict=True)
            ).rstrip()
        )
    return "\n".join(lines)
