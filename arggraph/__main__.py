"""``python -m arggraph``: the same command line as the ``arggraph`` script."""

import sys

from .cli import main

sys.exit(main())
