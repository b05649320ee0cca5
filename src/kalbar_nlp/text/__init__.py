"""The text layer: what several components read from a ``Doc`` the same way.

Character ranges that are not article content (boilerplate, bylines, the dateline) and the
tests on them live in :mod:`kalbar_nlp.text.ranges`. Components import this layer and
:mod:`kalbar_nlp.lexicons`, never each other.
"""
