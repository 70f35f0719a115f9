"""Every real file other tools wrote (``../shared/realdata``) imports, and the graph it
gives loads and can be checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from _support import REALDATA

from arggraph.cli import main
from arggraph.io import load

#: The files to import: everything but the ICCMA solution files and the notes.
FILES = sorted(
    p.relative_to(REALDATA).as_posix()
    for p in REALDATA.glob("*/*")
    if ".EE-" not in p.name and p.suffix != ".md"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.realdata
def test_the_real_files_are_there() -> None:
    if not REALDATA.exists():
        pytest.skip(f"{REALDATA} is not here")
    kinds = {name.split("/")[0] for name in FILES}
    assert kinds == {"aif", "argdown", "iccma", "kialo"}


@pytest.mark.realdata
@pytest.mark.parametrize("name", FILES)
def test_imports_loads_and_checks(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "graph.json"
    code, out, err = run(["import", str(REALDATA / name), "-o", str(target)], capsys)
    assert (code, out) == (0, ""), err
    assert "Traceback" not in err
    g = load(target)
    assert g.claims
    code, _, err = run(["check", str(target), "--format", "json"], capsys)
    assert code in (0, 1), err
