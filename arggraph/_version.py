"""arggraph's version: the one place it is written (``pyproject.toml`` reads it from here),
so the command line says it without reading the installed packages' metadata."""

__version__ = "0.1.0"
