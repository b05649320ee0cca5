"""Invented news pages (people, places and events are made up) for the tests of web inputs."""

from __future__ import annotations

import html

PARAGRAPHS = [
    "WartaBorneo, Sekadau \u2013 Bupati Sekadau, Aron Sutrisno, meresmikan jembatan gantung di Desa "
    "Sungai Ayak, Selasa (12/3/2024).",
    "\u201cJembatan ini sudah lama ditunggu warga,\u201d kata Aron kepada wartawan.",
    "Baca juga: Warga Sekadau Gotong Royong Bersihkan Sungai",
    "Kepala Dinas PUPR Sekadau, Markus Tanjung, mengatakan pembangunan jembatan memakan waktu delapan "
    "bulan dengan anggaran Rp4,2 miliar.",
    "Editor: Dedi Saputra",
]

TITLE = "Bupati Resmikan Jembatan Desa Sungai Ayak"


def news_page(paragraphs: list[str] = PARAGRAPHS, *, date: str | None = "2024-03-12T09:30:00+07:00") -> str:
    """A news page with a menu, share buttons, related stories, tags, comments and JSON-LD metadata."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    date_meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    ld_date = f', "datePublished": "{date}"' if date else ""
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>{TITLE} - Warta Borneo</title>
<link rel="canonical" href="https://wartaborneo.example/2024/03/jembatan">
<meta property="og:site_name" content="Warta Borneo"><meta name="author" content="Rina Kartika">
{date_meta}
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{TITLE}"{ld_date}, "author": {{"@type": "Person", "name": "Rina Kartika"}}}}</script>
<script>window.dataLayer = []; var teaser = "<p>Promo</p>";</script></head>
<body><nav><ul><li><a href="/">Beranda</a></li><li><a href="/daerah">Daerah</a></li></ul></nav>
<article><h1>{TITLE}</h1><div class="share">Bagikan: Facebook Twitter WhatsApp</div>
<div class="content">{body}</div>
<div class="tags">Tag: <a href="/t/jembatan">jembatan</a> <a href="/t/sekadau">sekadau</a></div></article>
<aside><h3>Berita Terkait</h3><ul><li><a href="/a">Banjir Rendam Tiga Desa di Sanggau</a></li></ul></aside>
<section class="comments"><div class="comment">Mantap pak bupati!</div></section>
<footer>&copy; 2024 Warta Borneo</footer></body></html>"""
