"""Write what the official Argdown tool makes of the project's Argdown fixtures.

For each ``tests/fixtures/argdown/NAME.argdown`` this writes ``NAME.official.json``, the
model ``@argdown/core`` (pinned in ``package.json`` here) builds of it (``model.mjs``),
and for the fixtures listed in ``YED`` their yEd GraphML export (``yed.mjs``) into
``tests/fixtures/graphml/``. The tests compare arggraph's readings with these files, so
they run where node is not installed; ``--check`` writes nothing and exits 1 naming the
files that are stale (a test runs it where node and the package are installed).

Usage (after ``npm ci`` in this folder)::

    python tests/argdown/regenerate.py [--check]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
ARGDOWN = FIXTURES / "argdown"
#: Argdown fixtures whose yEd export is a GraphML fixture, and where it goes.
YED = {"vaccination.argdown": FIXTURES / "graphml" / "vaccination-argdown-yed.graphml"}


def _node(script: str, *args: Path) -> str:
    return subprocess.run(
        ["node", str(HERE / script), *map(str, args)],
        cwd=HERE,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout


def expected() -> dict[Path, str]:
    """Every generated file and the text it should hold."""
    sources = sorted(ARGDOWN.glob("*.argdown"))
    models = json.loads(_node("model.mjs", *sources))
    out = {
        src.with_suffix(".official.json"): json.dumps(
            models[str(src)], indent=2, ensure_ascii=False
        )
        + "\n"
        for src in sources
    }
    for name, target in YED.items():
        out[target] = _node("yed.mjs", ARGDOWN / name)
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path, text in expected().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if not check:
                path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{'stale' if check else 'wrote'}: {path.relative_to(HERE.parent.parent)}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
