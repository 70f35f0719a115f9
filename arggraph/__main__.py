"""``python -m arggraph``: the same command line as the ``arggraph`` script."""

import sys

from .cli import main, one_blas_thread

one_blas_thread()  # before NumPy loads (see there)
sys.exit(main())
