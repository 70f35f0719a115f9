"""A new user's first hour with export: a file's extension never lies about what it
holds, and ids a format cannot hold come back on import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from arggraph.cli import main
from arggraph.io import load

GRAPH: dict[str, Any] = {
    "format": "arggraph/1",
    "id": "g",
    "claims": [
        {"id": "Withdraw", "text": "Withdraw", "kind": "position", "base": 0.7},
        {"id": "hold", "text": "Hold", "kind": "position"},
        {"id": "cost of lives", "text": "The cost in lives", "base": 0.9},
        {"id": "symbol(s)", "text": "Symbols"},
    ],
    "relations": [
        {"type": "attack", "source": "Withdraw", "target": "hold"},
        {"type": "attack", "source": "hold", "target": "Withdraw"},
        {"type": "attack", "source": "cost of lives", "target": "hold"},
        {"type": "support", "source": "symbol(s)", "target": "hold"},
    ],
}


@pytest.fixture
def graph(tmp_path: Path) -> Path:
    path = tmp_path / "g.json"
    path.write_text(json.dumps(GRAPH), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def triples(path: Path) -> set[tuple[str, str, str]]:
    g = load(path)
    return {(r.type, r.premises[0], r.target) for r in g.relations.values()}


# ------------------------------------------------------------------ format vs extension
@pytest.mark.parametrize(
    ("to", "out", "owner"),
    [("svg", "b.png", "png"), ("dot", "b.mmd", "mermaid"), ("apx", "b.tgf", "tgf")],
)
def test_an_extension_of_another_format_is_refused(
    graph: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    to: str,
    out: str,
    owner: str,
) -> None:
    target = tmp_path / out
    code, stdout, err = run(capsys, "export", str(graph), "--to", to, "-o", str(target))
    assert code == 2
    assert stdout == ""
    assert not target.exists()
    suffix = target.suffix
    assert err.startswith(
        f"arggraph: error: -o {target}: {suffix} is the extension of {owner}, but --to {to} "
        f"writes {to}: name the file {target.stem}.{'dot' if to == 'dot' else to}"
    )
    assert f"or give --to {owner}" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("out", ["b.gv", "b.dot", "b.out", "b"])
def test_the_format_s_own_or_an_unknown_extension_is_fine(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str
) -> None:
    target = tmp_path / out
    code, _, _ = run(capsys, "export", str(graph), "--to", "dot", "-o", str(target))
    assert code == 0
    assert "\ndigraph arggraph {" in target.read_text(encoding="utf-8")


# ------------------------------------------------------------------ ids that come back
def test_apx_keeps_renamed_ids_in_comments_and_import_restores_them(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    apx = tmp_path / "g.apx"
    code, _, err = run(capsys, "export", str(graph), "-o", str(apx))
    assert code == 0
    assert "(kept in '% name' comments)" in err
    text = apx.read_text(encoding="utf-8")
    assert "% name a1 Withdraw\n" in text
    assert "% name a3 cost of lives\n" in text
    assert "arg(a1)." in text
    assert "att(a3,hold)." in text
    back = tmp_path / "back.json"
    assert run(capsys, "import", str(apx), "-o", str(back))[0] == 0
    assert list(load(back).claims) == ["Withdraw", "hold", "cost of lives", "symbol(s)"]
    attacks = {t for t in triples(graph) if t[0] == "attack"}
    assert triples(back) == attacks
    code, out, _ = run(capsys, "extensions", str(apx), "--semantics", "preferred")
    assert code == 0
    assert "  cost of lives\n" in out
    assert "a3" not in out


@pytest.mark.parametrize("fmt", ["tgf", "bag"])
def test_id_map_saves_what_tgf_and_bag_rename_and_import_restores_it(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    written = tmp_path / f"g.{fmt}"
    id_map = tmp_path / "ids.json"
    code, _, err = run(capsys, "export", str(graph), "-o", str(written), "--id-map", str(id_map))
    assert code == 0
    assert "export --id-map FILE.json saves the mapping, import --id-map reads it back" in err
    saved = json.loads(id_map.read_text(encoding="utf-8"))
    assert saved["format"] == "arggraph-id-map/1"
    assert saved["to"] == fmt
    assert saved["ids"]["a3"] == "cost of lives"
    assert "hold" not in saved["ids"]
    back = tmp_path / "back.json"
    code, _, _ = run(capsys, "import", str(written), "--id-map", str(id_map), "-o", str(back))
    assert code == 0
    restored = load(back)
    assert list(restored.claims) == [c["id"] for c in GRAPH["claims"]]
    kept = triples(graph) if fmt == "bag" else {t for t in triples(graph) if t[0] == "attack"}
    assert triples(back) == kept
    if fmt == "bag":
        assert restored.claim("cost of lives").base == 0.9


def test_without_id_map_the_names_stay_as_written(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = tmp_path / "g.tgf"
    assert run(capsys, "export", str(graph), "-o", str(written))[0] == 0
    back = tmp_path / "back.json"
    assert run(capsys, "import", str(written), "-o", str(back))[0] == 0
    assert "a3" in load(back).claims


def test_an_id_map_that_does_not_fit_is_an_error_naming_it(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = tmp_path / "g.tgf"
    assert run(capsys, "export", str(graph), "-o", str(written))[0] == 0
    wrong = tmp_path / "wrong.json"
    wrong.write_text(
        json.dumps({"format": "arggraph-id-map/1", "ids": {"a9": "gone"}}), encoding="utf-8"
    )
    code, out, err = run(capsys, "import", str(written), "--id-map", str(wrong))
    assert code == 2
    assert out == ""
    assert err.startswith(f"arggraph: error: {wrong}: ids.a9: names 'a9', which the imported")
    clash = tmp_path / "clash.json"
    clash.write_text(
        json.dumps({"format": "arggraph-id-map/1", "ids": {"a3": "hold"}}), encoding="utf-8"
    )
    code, _, err = run(capsys, "import", str(written), "--id-map", str(clash))
    assert code == 2
    assert "would give two claims the id 'hold'" in err
    other = tmp_path / "other.json"
    other.write_text("{}", encoding="utf-8")
    code, _, err = run(capsys, "import", str(written), "--id-map", str(other))
    assert code == 2
    assert f"{other}: format: not an id map" in err
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "import", str(written), "--id-map", str(broken))
    assert code == 2
    assert f"{broken}: line 1, column 2: malformed JSON" in err
    assert "Traceback" not in err


def test_id_map_is_refused_where_the_format_keeps_names_itself(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    id_map = tmp_path / "ids.json"
    code, _, err = run(capsys, "export", str(graph), "--to", "i23", "--id-map", str(id_map))
    assert code == 2
    assert not id_map.exists()
    assert "--id-map applies to --to apx, tgf, bag only, not i23" in err
    assert "'# name' comments" in err
