"""``python -m kalbar_nlp``: the ``kalbar-nlp`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
