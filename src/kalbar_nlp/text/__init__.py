"""The text layer: what several components read from a ``Doc`` the same way.

Character ranges that are not article content (boilerplate, bylines, the dateline) and the
tests on them live in :mod:`kalbar_nlp.text.ranges`; the shapes of boilerplate and of credit
lines in :mod:`~kalbar_nlp.text.boilerplate`, :mod:`~kalbar_nlp.text.credits` and
:mod:`~kalbar_nlp.text.bylines`; calendar arithmetic and the reading of publication dates in
:mod:`~kalbar_nlp.text.calendar` and :mod:`~kalbar_nlp.text.published`. Components import this
layer and :mod:`kalbar_nlp.lexicons`, never each other.
"""
