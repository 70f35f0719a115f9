"""``python -m arggraph.schema``: rewrite the shipped schema files from the models."""

from . import SCHEMA_FILES, schema_text

for which, path in SCHEMA_FILES.items():
    path.write_text(schema_text(which), encoding="utf-8")  # type: ignore[arg-type]
    print(f"wrote {path}")
