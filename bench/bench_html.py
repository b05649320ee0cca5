"""Web pages in: the dev articles rendered into news pages, parsed with ``parse_html``, scored.

Usage:
    python bench/bench_html.py [--shared ../shared] [--no-ner] [--layouts portal,blog,br,tribun]

Each dev article of ``../shared`` is rendered into realistic news pages of several layouts (menus,
headline, share buttons, ``Baca juga`` boxes, related-article lists, tag lists, comment sections,
scripts, JSON-LD and Open Graph metadata), parsed with :func:`kalbar_nlp.parse_html`, and scored
with ``../shared/eval/score.py`` beside the plain-text parse of the same articles. It prints the
per-field F1 of each layout, the macro F1 as a share of the plain-text figure (target >= 0.97),
and how many records took ``published`` from the page's metadata. The articles are third-party
text: they are read from ``../shared`` and rendered in memory, never copied into the project.
"""

from __future__ import annotations

import argparse
import html
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import kalbar_nlp

MENU = "".join(
    f'<li><a href="/{w.lower()}">{w}</a></li>'
    for w in ("Beranda", "Daerah", "Politik", "Ekonomi", "Olahraga")
)
SHARE = (
    '<div class="share-buttons">Bagikan: <a>Facebook</a> <a>Twitter</a> <a>WhatsApp</a> <a>Salin</a></div>'
)
RELATED = [
    "Harga Cabai di Pasar Tradisional Naik Jelang Akhir Pekan",
    "Dinas Pendidikan Gelar Lomba Cerdas Cermat Tingkat SD",
    "Hujan Deras Sebabkan Pohon Tumbang di Jalan Protokol",
]
COMMENTS = (
    '<section class="comments"><h3>Komentar (2)</h3><div class="comment"><b>warga123</b>'
    '<p>Semoga cepat selesai, pak!</p></div><div class="comment"><b>budi_s</b><p>Mantap, lanjutkan.</p>'
    '</div><form><textarea placeholder="Tulis komentar"></textarea><button>Kirim</button></form></section>'
)
SCRIPTS = (
    "<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}"
    " var promo = '<p>Promo spesial hari ini</p>';</script>"
    '<script async src="https://ads.example/ads.js"></script>'
)


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _head(title: str, published: str | None, site: str, url: str) -> str:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "author": {"@type": "Person", "name": "Redaksi"},
        "publisher": {"@type": "Organization", "name": site},
        "mainEntityOfPage": url,
    }
    metas = [
        f"<title>{_esc(title)} - {site}</title>",
        f'<link rel="canonical" href="{url}">',
        f'<meta property="og:title" content="{html.escape(title)}">',
        f'<meta property="og:site_name" content="{site}">',
    ]
    if published:
        ld["datePublished"] = published
        metas.append(f'<meta property="article:published_time" content="{published}">')
    metas.append(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    return '<head><meta charset="utf-8">' + "".join(metas) + SCRIPTS + "</head>"


def _related(kind: str) -> str:
    items = "".join(f'<li><a href="/r{i}">{_esc(t)}</a></li>' for i, t in enumerate(RELATED))
    return f'<aside class="{kind}"><h3>Berita Terkait</h3><ul>{items}</ul></aside>'


def _tags(title: str) -> str:
    words = [w.strip(",.").lower() for w in title.split()[:3]]
    return '<div class="tags">Tag: ' + " ".join(f'<a href="/tag/{w}">{_esc(w)}</a>' for w in words) + "</div>"


def _paragraphs(lines: list[str], baca: str) -> list[str]:
    """One ``<p>`` per line, with a ``Baca juga`` box half-way (where pages put it, past the lead)."""
    out = [f"<p>{_esc(line)}</p>" for line in lines]
    if len(out) > 4:
        out.insert(len(out) // 2, baca)
    return out


def portal(lines: list[str], title: str, meta: str) -> str:
    baca = f'<div class="baca-juga"><strong>Baca juga:</strong> <a href="/x">{_esc(RELATED[0])}</a></div>'
    body = "".join(_paragraphs(lines, baca))
    return (
        f'<body><header><nav><ul class="menu">{MENU}</ul></nav></header><main><article>'
        f'<h1>{_esc(title)}</h1><div class="meta">Redaksi - {meta}</div>{SHARE}'
        f'<div class="article-content">{body}</div>{_tags(title)}</article>{_related("related")}'
        f"{COMMENTS}</main><footer>&copy; 2025 Portal Berita. Hak cipta dilindungi.</footer></body>"
    )


def blog(lines: list[str], title: str, meta: str) -> str:
    baca = f'<p><strong>Baca Juga:</strong> <a href="/x">{_esc(RELATED[1])}</a></p>'
    body = "".join(_paragraphs(lines, baca))
    sidebar = f'<div id="sidebar"><div class="widget"><h3>Terpopuler</h3>{_related("popular")}</div></div>'
    return (
        f'<body class="single-post"><div id="top-menu"><ul>{MENU}</ul></div><div id="content">'
        f'<h1 class="entry-title">{_esc(title)}</h1><span class="posted-on">{meta}</span>'
        f'<div class="entry-content">{body}</div>{SHARE}{_tags(title)}</div>{sidebar}{COMMENTS}'
        "<footer>Tentang Kami | Pedoman Media Siber | Kontak</footer></body>"
    )


def br(lines: list[str], title: str, meta: str) -> str:
    body = "<br><br>".join(_esc(line) for line in lines)
    return (
        f"<body><nav>{MENU}</nav><h1>{_esc(title)}</h1><small>{meta}</small>{SHARE}"
        f'<div class="isi">{body}</div>{_related("terkait")}{_tags(title)}</body>'
    )


def tribun(lines: list[str], title: str, meta: str) -> str:
    baca = f'<p class="baca">Baca juga: <a href="/x">{_esc(RELATED[2])}</a></p>'
    body = "".join(_paragraphs(lines, baca))
    follow = '<div class="follow">Ikuti kami di <a>Google News</a></div>'
    return (
        f'<body><div class="header"><ul>{MENU}</ul></div><div class="main"><h1 id="arttitle">'
        f'{_esc(title)}</h1><div class="credit">Penulis: Tim | {meta}</div>{SHARE}'
        f'<div class="side-article txt-article">{body}</div>{follow}{_tags(title)}'
        f"{_related('box-terkait')}</div>{COMMENTS}</body>"
    )


LAYOUTS: dict[str, Callable[[list[str], str, str], str]] = {
    "portal": portal,
    "blog": blog,
    "br": br,
    "tribun": tribun,
}


def render_page(item: dict, layout: str, published: str | None) -> str:
    """The article rendered as a whole page of ``layout``."""
    lines = [line.strip() for line in item["text"].splitlines() if line.strip()]
    title = item.get("title") or " ".join(lines[0].split()[:10])
    url = f"https://berita.example/{item['id']}"
    meta = published or ""
    body = LAYOUTS[layout](lines, title, meta)
    return f'<!DOCTYPE html><html lang="id">{_head(title, published, "Portal Berita", url)}{body}</html>'


def score(shared: Path, records: list[dict], tmp: Path, name: str) -> dict:
    """Score records with ``../shared/eval/score.py``; return its JSON."""
    pred = tmp / f"{name}.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    gold = shared / "data" / "dev" / "gold.jsonl"
    out = tmp / f"{name}.score.json"
    cmd = [sys.executable, str(shared / "eval" / "score.py"), str(gold), str(pred), "--json", str(out)]
    subprocess.run(cmd, check=True, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def parse_pages(articles: list[dict], plain: list[kalbar_nlp.Article], layout: str, nlp: object) -> tuple:
    """Parse every article rendered in ``layout``; return (records, published from metadata, errors)."""
    records, from_meta, errors = [], 0, 0
    for item, base in zip(articles, plain, strict=True):
        published = item.get("published") or base.published
        page = render_page(item, layout, published)
        try:
            art = kalbar_nlp.parse_html(page, f"https://berita.example/{item['id']}", id=item["id"], nlp=nlp)
        except ValueError:
            errors += 1
            continue
        from_meta += bool(art.source and art.source.get("published_from") == "page metadata")
        records.append(art.to_dict())
    return records, from_meta, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--no-ner", action="store_true")
    ap.add_argument("--layouts", default=",".join(LAYOUTS))
    ap.add_argument("--dump", metavar="DIR", help="also write the rendered pages here (outside the project)")
    a = ap.parse_args(argv)
    shared = Path(a.shared)
    path = shared / "data" / "dev" / "articles.jsonl"
    if not path.is_file():
        print(f"no dev set at {path}: nothing to measure", file=sys.stderr)
        return 0
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = kalbar_nlp.load(ner=not a.no_ner)
    tmp = Path(tempfile.mkdtemp())
    plain = [
        kalbar_nlp.parse(x["text"], id=x["id"], title=x.get("title"), published=x.get("published"), nlp=nlp)
        for x in articles
    ]
    results = {"plain": score(shared, [p.to_dict() for p in plain], tmp, "plain")}
    notes = {}
    for layout in a.layouts.split(","):
        t0 = time.perf_counter()
        records, from_meta, errors = parse_pages(articles, plain, layout, nlp)
        if a.dump:
            folder = Path(a.dump) / layout
            folder.mkdir(parents=True, exist_ok=True)
            for item, base in zip(articles, plain, strict=True):
                page = render_page(item, layout, item.get("published") or base.published)
                (folder / f"{item['id']}.html").write_text(page, encoding="utf-8")
        results[layout] = score(shared, records, tmp, layout)
        seconds = time.perf_counter() - t0
        notes[layout] = (
            f"{from_meta}/{len(articles)} published from page metadata, {errors} errors, {seconds:.0f} s"
        )
    fields = [key for key, value in results["plain"].items() if isinstance(value, dict)]
    print(f"{'field':<16}" + "".join(f"{name:>9}" for name in results))
    for field in fields:
        print(f"{field:<16}" + "".join(f"{results[name][field]['f1']:>9.3f}" for name in results))
    print(f"{'macro_f1':<16}" + "".join(f"{results[name]['macro_f1']:>9.3f}" for name in results))
    plain_macro = results["plain"]["macro_f1"]
    print(
        f"{'share of plain':<16}" + "".join(f"{results[n]['macro_f1'] / plain_macro:>9.3f}" for n in results)
    )
    for layout, note in notes.items():
        print(f"{layout}: {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
