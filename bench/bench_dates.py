"""Compare the ``kalbar_dates`` component with ``dateparser`` on Indonesian news dates.

Usage:
    python bench/bench_dates.py [--shared ../shared] [--no-dev]

Two parts, both printed:

1. A table of hand-written cases (invented sentences in the style of regional
   news): wrong weekdays, ``07/11/2023`` in running text, ``malam``, ``lusa``,
   ``pekan lalu``, ``Nopember``, ``Agt``, years in names and ranges, and things
   that are not dates. A case passes when the set of ISO values found equals
   the expected set (and, where the case says so, the weekday is flagged).
2. The dev set (``../shared/data/dev``), scored the way ``eval/score.py``
   scores dates (per-article sets of values, micro-averaged P/R/F1), for
   kalbar_nlp and for ``dateparser.search.search_dates(languages=["id"])``
   (with the publication date as ``RELATIVE_BASE``), with its default settings
   and with ``DATE_ORDER="DMY"``.

dateparser is a development dependency (``pip install -e .[dev]``). The dev
articles are third-party text read from ``../shared``; nothing of them is
copied into the project.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

import regex
import spacy

from kalbar_nlp.api import make_doc
from kalbar_nlp.components import boilerplate as _boilerplate  # noqa: F401  (registers the factory)
from kalbar_nlp.components import dates as _dates  # noqa: F401  (registers the factory)
from kalbar_nlp.text.published import normalize_published

# (text, published, expected values, expect a weekday warning)
CASES: list[tuple[str, str | None, set[str], bool]] = [
    ("Rapat digelar di Aula Kantor Bupati, Selasa (07/11/2023).", None, {"2023-11-07"}, False),
    ("Warga menerima bantuan pada 07/11/2023 di balai desa.", None, {"2023-11-07"}, False),
    ("Kegiatan berlangsung Sabtu (4/11/2023) malam di lapangan.", None, {"2023-11-04"}, False),
    ("Bupati meninjau lokasi banjir, Senin (6/11).", "2023-11-07", {"2023-11-06"}, False),
    ("Pelantikan dilaksanakan 7 Nopember 2023 di Sintang.", None, {"2023-11-07"}, False),
    ("Festival digelar 17 Agt 2024 di tepian Kapuas.", None, {"2024-08-17"}, False),
    ("Surat itu bertanggal 3 Pebruari 2022.", None, {"2022-02-03"}, False),
    ("Sidang digelar Kamis (7/11/2023) di PN Ketapang.", None, {"2023-11-07"}, True),
    ("Acara puncak pada Jumat, 12 Januari 2024 pukul 09.00 WIB.", None, {"2024-01-12"}, False),
    ("Warga akan kembali lusa untuk mengambil bantuan.", "2023-11-07", {"2023-11-09"}, False),
    ("Petugas sudah memasang rambu pekan lalu.", "2023-11-07", set(), False),
    ("Kemarin petugas memeriksa 40 rumah warga.", "2023-11-07", {"2023-11-06"}, False),
    ("Pembangunan jembatan dilanjutkan bulan depan.", "2023-11-07", {"2023-12"}, False),
    ("Anggaran naik dibanding tahun lalu.", "2023-11-07", {"2022"}, False),
    ("Tahapan Pilkada 2024 dimulai pada tahun 2023.", None, {"2024", "2023"}, False),
    ("RPJMD periode 2025-2029 disahkan DPRD.", None, {"2025", "2029"}, False),
    ("Penerimaan siswa tahun ajaran 2025/2026 dibuka.", None, {"2025", "2026"}, False),
    ("Aturan itu tertuang dalam UU Nomor 12 Tahun 2022.", None, {"2022"}, False),
    ("Surat bernomor Kep/667/V/2025 diterbitkan Polda.", None, set(), False),
    ("Harga naik menjadi Rp 2.025 per liter.", None, set(), False),
    ("Tim menang 2-1 atas tim tamu di laga U-17.", None, set(), False),
    ("Sebanyak 2024 orang mengikuti jalan sehat.", None, set(), False),
    ("Hubungi posko di 0812 2024 5566 untuk informasi.", None, set(), False),
    ("Apel dimulai pukul 07.30 WIB di halaman kantor.", None, set(), False),
]


def kalbar_values(nlp: spacy.Language, text: str, published: str | None) -> tuple[set[str], bool]:
    doc = nlp(make_doc(nlp, text, published=published))
    values = {d["value"] for d in doc._.kalbar_dates if d["value"]}
    flagged = any(d.get("weekday_matches") is False for d in doc._.kalbar_dates)
    return values, flagged


_YEAR_ONLY = regex.compile(r"^\D*(?:19|20)\d{2}\D*$")
_HAS_DAY = regex.compile(r"\d{1,2}\s*[/\-.]\s*\d{1,2}|(?<!\d)\d{1,2}\s+[A-Za-z]")


def dateparser_values(text: str, published: str | None, dmy: bool = False) -> tuple[set[str], bool]:
    """dateparser's ``search_dates`` over the text, each hit cut to the grain its text shows."""
    from dateparser.search import search_dates

    settings: dict[str, Any] = {}
    if published:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(published[:10])
    if dmy:
        settings["DATE_ORDER"] = "DMY"
    found = search_dates(text, languages=["id"], settings=settings) or []
    out = set()
    for hit, value in found:
        if _YEAR_ONLY.match(hit):
            out.add(f"{value.year:04d}")
        elif not _HAS_DAY.search(hit) and regex.search(r"[A-Za-z]{3,}\s+(?:19|20)\d{2}", hit):
            out.add(f"{value.year:04d}-{value.month:02d}")
        else:
            out.add(value.date().isoformat())
    return out, False  # dateparser has no notion of a contradicting weekday


def run_cases(nlp: spacy.Language, with_dateparser: bool) -> None:
    print("== hand-written cases (pass = exact set of values; ! = weekday contradiction flagged) ==")
    systems = ["kalbar_nlp"] + (["dateparser"] if with_dateparser else [])
    wins = dict.fromkeys(systems, 0)
    for text, pub, want, warn in CASES:
        row = []
        for name in systems:
            got, flagged = (
                kalbar_values(nlp, text, pub) if name == "kalbar_nlp" else dateparser_values(text, pub)
            )
            ok = got == want and (flagged or not warn)
            wins[name] += ok
            row.append(f"{'ok ' if ok else 'BAD'} {','.join(sorted(got)) or '-':<24}")
        print(f"{text[:56]:<58}" + " | ".join(row))
    print("passed: " + ", ".join(f"{k} {v}/{len(CASES)}" for k, v in wins.items()))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_dev(nlp: spacy.Language, shared: Path, with_dateparser: bool) -> None:
    dev = shared / "data" / "dev"
    if not (dev / "articles.jsonl").is_file():
        print(f"no dev set at {dev}: dev comparison skipped")
        return
    arts = [json.loads(line) for line in open(dev / "articles.jsonl", encoding="utf-8") if line.strip()]
    gold = {g["id"]: g for g in (json.loads(line) for line in open(dev / "gold.jsonl", encoding="utf-8"))}
    systems = ["kalbar_nlp"] + (["dateparser", "dateparser DMY"] if with_dateparser else [])
    print(f"\n== dev set: {len(arts)} articles, dates scored as eval/score.py does ==")
    print(f"{'system':<18}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}{'ms/article':>11}")
    for name in systems:
        tp = fp = fn = 0
        t0 = time.perf_counter()
        for a in arts:
            text, pub = a["text"], a.get("published") or None
            if name == "kalbar_nlp":
                pred, _ = kalbar_values(nlp, text, pub)
            else:
                iso = normalize_published(pub) if pub else None
                pred, _ = dateparser_values(text, iso, dmy=name.endswith("DMY"))
            gv = {d["value"] for d in gold.get(a["id"], {}).get("dates") or [] if d.get("value")}
            tp, fp, fn = tp + len(gv & pred), fp + len(pred - gv), fn + len(gv - pred)
        secs = (time.perf_counter() - t0) / len(arts) * 1000
        p, r, f = prf(tp, fp, fn)
        print(f"{name:<18}{p:>7.3f}{r:>7.3f}{f:>7.3f}{tp:>6}{fp:>6}{fn:>6}{secs:>11.2f}")
    docs = [make_doc(nlp, a["text"], published=a.get("published") or None) for a in arts]
    comp = nlp.get_pipe("kalbar_dates")
    t0 = time.perf_counter()
    for doc in docs:
        comp(doc)
    own = (time.perf_counter() - t0) / len(docs) * 1000
    print(f"(kalbar_nlp's time includes spaCy tokenization; kalbar_dates alone: {own:.2f} ms/article)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--no-dev", action="store_true", help="only the hand-written cases")
    a = ap.parse_args(argv)
    try:
        import dateparser  # noqa: F401

        with_dp = True
    except ImportError:
        print("dateparser is not installed (pip install dateparser): kalbar_nlp only", file=sys.stderr)
        with_dp = False
    # the dates component and the boilerplate component that runs before it in the pipeline (it marks
    # "Baca juga" lines and tag lists, which are not content); the dates read characters, not tokens,
    # so the rest of the pipeline is not needed
    nlp = spacy.blank("id")
    nlp.add_pipe("kalbar_boilerplate")
    nlp.add_pipe("kalbar_dates")
    run_cases(nlp, with_dp)
    if not a.no_dev:
        run_dev(nlp, Path(a.shared), with_dp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
