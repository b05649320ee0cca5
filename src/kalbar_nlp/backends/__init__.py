"""Optional analysis backends that annotate the same spaCy ``Doc`` as the default pipeline."""
