"""Component ``kalbar_bylines``: the journalists and agencies credited for an article.

Indonesian outlets credit their staff at the start and at the end of the copy:

* a reporter line before the dateline: ``Laporan Wartawan Tribun Pontianak, Rizky``,
  ``Laporan Reporter POS-KUPANG.COM, Eklesia Mei``, ``Laporan Sara Masroni | Banda Aceh``
  (role ``reporter``; ``Laporan Kontributor ...`` gives ``contributor``);
* labelled credit lines: ``Editor: Ali Amrizal``, ``Penulis: ...``, ``Pewarta: ...``,
  ``Reporter: X | Editor: Y``, ``Foto: ANTARA/Name``, ``Source:``/``Via:`` (the role words
  are in ``resources/byline_roles.tsv``);
* a credit in brackets closing the last paragraph: ``(Adi LC)``, ``(mey)``, ``[isa/but]``
  (writer/editor codes), ``(dai/dai)``, ``(*/hbb)`` (a press release edited by ``hbb``),
  ``(Banjarmasinpost.co.id/Rizki Fadillah)`` (outlet/writer), ``(ant)`` (agency code from
  ``resources/agency_codes.tsv``). ``(*)`` closes an article without naming anyone.

The rules are those of :mod:`kalbar_nlp.text.bylines` (shared with the boilerplate component,
which marks the same credits as boilerplate). A candidate name is checked against
``resources/byline_nonnames.tsv`` (``(Berita Kerja Sama)``, ``Foto: Istimewa`` are not bylines).

The caller's author (``doc._.kalbar_meta["byline_hint"]``, from a page's metadata) completes a
credited name the text cuts short, and is the writer where the text credits no one but writes the
name in its last lines (:func:`with_hint`); the credits still come from the text.

Writes ``doc._.kalbar_bylines`` (list of ``{name, role, text, start, end, rule,
name_start, name_end}``: ``text == doc.text[start:end]`` is the credit as written,
``(Adi LC)``, as the record schema asks; ``name_start``/``name_end`` locate the name
inside it) and ``doc.spans["kalbar_bylines"]`` (the names, label = role).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..text.bylines import find_bylines
from ..text.credits import CREDIT_KEYS, credit_patterns, make_credit, valid_name
from ..text.ranges import set_range_spans
from ..text.source import doc_text

#: Characters at the end of an article where the caller's author is looked for as a credit.
HINT_WINDOW = 600


def _cut_short(credit: dict, hint: str) -> bool:
    """The credited name is the start of the caller's author (``Dedi Saputr`` of ``Dedi Saputra``)."""
    name = credit["name"]
    return (
        credit["role"] != "agency"
        and len(name) >= 4
        and len(hint) > len(name)
        and hint.casefold().startswith(name.casefold())
        and hint[len(name)].isalpha()
    )


def with_hint(text: str, bylines: list[dict], hint: object) -> list[dict]:
    """The credits with the caller's author (``doc._.kalbar_meta["byline_hint"]``) taken into account.

    A credited name the text cuts short is completed from it; where the text credits no one but
    writes the author's name in its last lines, that name is the writer. Otherwise the credits stay
    the text's own."""
    if not isinstance(hint, str) or not valid_name(hint.strip()):
        return bylines
    hint = hint.strip()
    out = [
        {**credit, "name": hint, "rule": f"{credit['rule']}+hint"} if _cut_short(credit, hint) else credit
        for credit in bylines
    ]
    if any(credit["role"] != "agency" for credit in out):
        return out
    found = text.rfind(hint, max(0, len(text) - HINT_WINDOW))
    if found < 0:
        return out
    credit = make_credit(text, found, found + len(hint), "writer", (found, found + len(hint)), "hint")
    return [*out, credit]


class BylineFinder:
    """The caller's author (``doc._.kalbar_meta["byline_hint"]``, from a page's metadata) completes a
    credited name the text cuts short, and is the writer where the text credits no one but writes the
    name in its last lines (:func:`with_hint`); the credits still come from the text.

    Writes ``doc._.kalbar_bylines`` and ``doc.spans["kalbar_bylines"]``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        credit_patterns()  # load the lexicons and compile once, at pipeline build time

    def __call__(self, doc: Doc) -> Doc:
        """Find the credits of ``doc``."""
        text = doc_text(doc)
        bylines = with_hint(text, find_bylines(text), (doc._.kalbar_meta or {}).get("byline_hint"))
        doc._.kalbar_bylines = [{key: credit[key] for key in CREDIT_KEYS} for credit in bylines]
        names = [(credit["name_start"], credit["name_end"], credit["role"]) for credit in bylines]
        set_range_spans(doc, "kalbar_bylines", names)
        return doc


@Language.factory(
    "kalbar_bylines",
    default_config={},
    assigns=["doc._.kalbar_bylines", "doc.spans"],
)
def make_bylines(nlp: Language, name: str) -> BylineFinder:
    """Create the ``kalbar_bylines`` component."""
    return BylineFinder(nlp, name)
