"""Properties every record must have, and generators of hostile inputs (tests and bench/bench_fuzz.py).

A property violation is a short message; :func:`violations` lists them for one input and its record.
The generators take a ``random.Random`` so that every input is reproducible from its seed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "sample_articles" / "articles.jsonl"

_ISO_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def sample_texts() -> list[str]:
    """The texts of the team's invented sample articles."""
    with open(SAMPLES, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


# --- properties -----------------------------------------------------------------------------------


def offset_fields(record: dict[str, Any]) -> Iterator[tuple[str, str, int, int]]:
    """Every ``(where, text, start, end)`` of a record that points into the article text."""
    if record.get("dateline"):
        dl = record["dateline"]
        yield "dateline", dl["text"], dl["start"], dl["end"]
    for i, date in enumerate(record.get("dates") or []):
        yield f"dates[{i}]", date["text"], date["start"], date["end"]
    for key in ("people", "organizations", "locations"):
        for i, entity in enumerate(record.get(key) or []):
            for j, mention in enumerate(entity.get("mentions") or []):
                yield f"{key}[{i}].mentions[{j}]", mention["text"], mention["start"], mention["end"]
    for i, quote in enumerate(record.get("quotes") or []):
        yield f"quotes[{i}]", quote["text"], quote["start"], quote["end"]
        speaker = quote.get("speaker") or {}
        if speaker.get("start") is not None:
            yield f"quotes[{i}].speaker", speaker.get("mention"), speaker["start"], speaker["end"]
    for i, byline in enumerate(record.get("bylines") or []):
        yield f"bylines[{i}]", byline["text"], byline["start"], byline["end"]


def offset_violations(text: str, record: dict[str, Any]) -> list[str]:
    """``text[start:end] == text`` for every offset-carrying field."""
    found = []
    for where, value, start, end in offset_fields(record):
        if not (0 <= start <= end <= len(text)) or text[start:end] != value:
            found.append(f"offsets: {where} = {value!r} but text[{start}:{end}] = {text[start:end]!r}")
    return found


def _iso_value_ok(value: str, grain: str | None) -> bool:
    match = _ISO_VALUE.match(value)
    if not match:
        return False
    year, month, day = match.groups()
    if not 1 <= int(year) <= 9999:
        return False
    expected = {"year": (month, day) == (None, None), "month": month and not day, "day": bool(day)}
    if grain in expected and not expected[grain]:
        return False
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def date_violations(record: dict[str, Any]) -> list[str]:
    """Date values are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as their grain says; ``published`` is ISO."""
    found = []
    for i, date in enumerate(record.get("dates") or []):
        value = date.get("value")
        if value is not None and not _iso_value_ok(value, date.get("grain")):
            found.append(f"dates[{i}].value {value!r} (grain {date.get('grain')!r}) is not a valid ISO date")
    published = record.get("published")
    if published is not None:
        try:
            dt.datetime.fromisoformat(published)
        except ValueError:
            found.append(f"published {published!r} is not ISO")
    return found


def json_violations(record: dict[str, Any]) -> list[str]:
    """The record is strict JSON and UTF-8 (no NaN, no lone surrogate)."""
    try:
        json.dumps(record, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError, UnicodeEncodeError) as err:
        return [f"json: {type(err).__name__}: {err}"]
    return []


def violations(text: str, record: dict[str, Any]) -> list[str]:
    """All property violations of one record; ``text`` is the text as parsed (see ``prepare_text``)."""
    return offset_violations(text, record) + date_violations(record) + json_violations(record)


# --- generators -----------------------------------------------------------------------------------

WORDS = (
    "Bupati Wali Kota Gubernur Kepala Dinas Camat Kapolres AKBP H. Dr. Ir. Hj. Kab. Kec. Jl. Desa "
    "Pontianak Ketapang Sambas Sintang Kalimantan Barat Provinsi Kabupaten Kota DPRD Polres BPBD PUPR "
    "kata ujar ungkap menurutnya katanya tuturnya mengatakan menjelaskan Baca juga: Penulis: Editor: "
    "(ant) (rk) Senin Selasa Rabu Kamis Jumat Sabtu Minggu Januari Mei Juni Desember tahun lalu "
    "bulan depan kemarin besok pagi WIB WITA pukul 10.00 13/5/2024 2024 1/1/0001 31/12/9999 "
    "dan yang di ke dari pada untuk dengan warga pasar banjir jembatan sekolah Yohanes Siti Aminah "
    "Rudi Hermawan nya KATANYA"
).split()
PUNCT = [*",.;:!?-–—/()[]{}\"'“”‘’«»…", "\n", "\n\n", "\r\n", "\r", "\t", " "]


def token_soup(rng: random.Random, n: int) -> str:
    """``n`` words and marks of news text in a random order."""
    parts = []
    for _ in range(n):
        pick = rng.random()
        if pick < 0.6:
            parts.append(rng.choice(WORDS))
        elif pick < 0.9:
            parts.append(rng.choice(PUNCT))
        else:
            parts.append(str(rng.randint(0, 99999)))
        parts.append(rng.choice([" ", " ", " ", "", "\n"]))
    return "".join(parts)


def random_chars(rng: random.Random, n: int) -> str:
    """Random characters, mostly from the ranges news text uses, some from anywhere in Unicode."""
    pools = ["abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789", " \n\t\r.,-/()\"'“”"]
    out = []
    for _ in range(n):
        if rng.random() < 0.05:
            out.append(chr(rng.randint(1, 0x2FFFF)))
        else:
            out.append(rng.choice(rng.choice(pools)))
    return "".join(out)


def _paragraphs(text: str) -> list[str]:
    return text.split("\n")


def _dup_paragraph(text: str, rng: random.Random) -> str:
    paras = _paragraphs(text)
    i = rng.randrange(len(paras))
    paras.insert(rng.randrange(len(paras) + 1), paras[i])
    return "\n".join(paras)


def _del_paragraph(text: str, rng: random.Random) -> str:
    paras = _paragraphs(text)
    if len(paras) > 1:
        del paras[rng.randrange(len(paras))]
    return "\n".join(paras)


def _inserter(choices: list[str]) -> Callable[[str, random.Random], str]:
    def insert(text: str, rng: random.Random) -> str:
        at = rng.randrange(len(text) + 1)
        return text[:at] + rng.choice(choices) + text[at:]

    insert.__name__ = f"insert_{choices[0]!r}"
    return insert


def _remover(chars: str) -> Callable[[str, random.Random], str]:
    def remove(text: str, rng: random.Random) -> str:
        spots = [i for i, c in enumerate(text) if c in chars]
        if not spots:
            return text
        at = rng.choice(spots)
        return text[:at] + text[at + 1 :]

    return remove


MUTATIONS: list[Callable[[str, random.Random], str]] = [
    _dup_paragraph,
    _del_paragraph,
    _inserter(["\u201c", "\u201d", '"', "'", "\u2018", "\u2019"]),
    _remover("\u201c\u201d\"'"),
    _inserter(["(", ")", "[", "]", "((", "))"]),
    _remover("()[]"),
    _inserter([",", ", ", ",,", " , "]),
    _inserter(["-", " – ", "—", " - "]),
    _inserter([" Bupati ", " Kepala Dinas ", " Camat ", " Polres Kota", " DPRD Kabupaten", " H. Dr. "]),
    _inserter([" 2024", " 13", "/", "/2024", " 31/12/9999", " 1/1/0001", "12/5"]),
    _inserter(["\n", "\r\n", "\r", "\n\n"]),
    _inserter([" kata Rudi.", " katanya.", " KATANYA ", " ujarnya,", " Baca juga: "]),
]


def mutate(text: str, rng: random.Random, steps: int) -> str:
    """Apply ``steps`` random mutations (paragraphs, quote marks, brackets, commas, dashes, words, digits)."""
    for _ in range(steps):
        text = rng.choice(MUTATIONS)(text, rng)
    return text


def generate(rng: random.Random, samples: list[str]) -> tuple[str, str]:
    """One input of a random kind: ``(kind, text)``."""
    kind = rng.choice(["soup", "chars", "mutant", "mutant"])
    if kind == "soup":
        return kind, token_soup(rng, rng.randint(1, 400))
    if kind == "chars":
        return kind, random_chars(rng, rng.randint(1, 600))
    return kind, mutate(rng.choice(samples), rng, rng.randint(1, 12))
