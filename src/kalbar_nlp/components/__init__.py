"""spaCy components of kalbar_nlp, one module per component.

Each module registers its factory with ``@Language.factory`` and is listed in
the ``spacy_factories`` entry point, so ``spacy.load`` finds it on a worker that
never imported kalbar_nlp.
"""
