"""ICCMA apx/tgf/i23 and Uncertainpy BAG: real files, exports, errors with lines."""

from __future__ import annotations

import pytest
from _support import realdata

from arggraph.errors import ImportFormatError
from arggraph.formats import import_file
from arggraph.formats.bag import from_bag, to_bag
from arggraph.formats.iccma import from_apx, from_i23, from_tgf, to_apx, to_i23, to_tgf
from arggraph.formats.registry import Reader
from arggraph.formats.report import Report
from arggraph.graph import Graph
from arggraph.model import Claim, GraphModel, Relation


def attacks(g: Graph) -> set[tuple[str, str]]:
    return {(r.premises[0], r.target) for r in g.relations.values() if r.type == "attack"}


@pytest.mark.realdata
@pytest.mark.parametrize("n", [1, 2, 3])
def test_probo_apx_and_tgf_are_the_same_framework(n: int) -> None:
    apx = import_file(realdata("iccma", f"probo_ex{n}.apx")).graph()
    tgf = import_file(realdata("iccma", f"probo_ex{n}.tgf")).graph()
    assert set(apx.claims) == set(tgf.claims)
    assert attacks(apx) == attacks(tgf)
    assert all(r.type == "attack" for r in apx.relations.values())


@pytest.mark.realdata
def test_probo_ex3_keeps_declaration_order_and_self_attack() -> None:
    g = import_file(realdata("iccma", "probo_ex3.apx")).graph()
    assert list(g.claims)[:3] == ["a2", "a1", "a4"]
    assert len(g.claims) == 10
    assert len(g.relations) == 25
    assert ("a9", "a9") in attacks(g)


@pytest.mark.realdata
def test_apx_export_reproduces_the_file() -> None:
    for n in (1, 2, 3):
        path = realdata("iccma", f"probo_ex{n}.apx")
        text = path.read_text()
        assert to_apx(from_apx(text).graph()) == text


@pytest.mark.realdata
def test_i23_real_file_with_unattacked_arguments() -> None:
    result = import_file(realdata("iccma", "taas-fudge_test.i23"))
    g = result.graph()
    assert list(g.claims) == ["1", "2", "3", "4", "5", "6"]
    assert attacks(g) == {("1", "2"), ("2", "1"), ("2", "3"), ("3", "3"), ("3", "4")}
    assert to_i23(g) == realdata("iccma", "taas-fudge_test.i23").read_text()


def bipolar() -> Graph:
    return Graph(
        GraphModel(
            id="g",
            claims=[
                Claim(id="withdraw", text="W", kind="position", base=0.7),
                Claim(id="hold", text="H", kind="position"),
                Claim(id="cost of lives", text="C", base=0.9),
            ],
            relations=[
                Relation(type="attack", source="withdraw", target="hold"),
                Relation(type="support", source="cost of lives", target="withdraw"),
                Relation(type="attack", source="cost of lives", target="hold", weight=0.4),
                Relation(type="attack", source="hold", target="withdraw", weight=0.0),
            ],
        )
    )


def test_exports_report_what_they_drop() -> None:
    report = Report()
    text = to_apx(bipolar(), report=report)
    assert text == (
        "% name a3 cost of lives\n"
        "arg(withdraw).\narg(hold).\narg(a3).\natt(withdraw,hold).\natt(a3,hold).\n"
    )
    lines = "\n".join(report.lines())
    assert "dropped: 1 support (apx holds attacks only)" in lines
    assert "dropped: 1 attack of weight 0" in lines
    assert "dropped: 1 attack weight" in lines
    assert "renamed 1 claim id" in lines
    assert "'cost of lives' -> a3" in lines
    assert to_tgf(bipolar()) == "withdraw\nhold\na3\n#\nwithdraw hold\na3 hold\n"
    i23 = to_i23(bipolar())
    assert i23.startswith("p af 3\n# name 1 withdraw\n# name 2 hold\n# name 3 cost of lives\n")
    back = from_i23(i23).graph()
    assert list(back.claims) == ["withdraw", "hold", "cost of lives"]
    assert attacks(back) == {("withdraw", "hold"), ("cost of lives", "hold")}


def test_bag_export_and_import() -> None:
    report = Report()
    text = to_bag(bipolar(), report=report)
    assert text.splitlines() == [
        "arg(withdraw, 0.7).",
        "arg(hold, 0.5).",
        "arg(a3, 0.9).",
        "att(withdraw, hold).",
        "sup(a3, withdraw).",
        "att(a3, hold).",
        "att(hold, withdraw).",
    ]
    assert "dropped: 2 relation weights" in "\n".join(report.lines())
    g = from_bag(text).graph()
    assert {c.id: c.base for c in g.claims.values()} == {"withdraw": 0.7, "hold": 0.5, "a3": 0.9}
    assert {(r.type, r.premises[0], r.target) for r in g.relations.values()} == {
        ("attack", "withdraw", "hold"),
        ("support", "a3", "withdraw"),
        ("attack", "a3", "hold"),
        ("attack", "hold", "withdraw"),
    }
    # a score sheet's base scores replace the claims' own
    assert "arg(hold, 0.25)." in to_bag(bipolar(), base={"hold": 0.25})


def test_uncertainpy_example_file() -> None:
    # Uncertainpy's own example, RagoEtAlEDemocracy.bag, in its layout: blank lines
    # between statements and no final newline.
    text = (
        "arg(A1, 0.5).\narg(A2, 0.5).\narg(P1, 0.7).\narg(C1, 0.2).\n\n\n"
        "att(C1, A2).\n\nsup(P1, A1)."
    )
    g = from_bag(text).graph()
    assert len(g.claims) == 4
    assert g.claim("P1").base == 0.7
    assert to_bag(g) == (
        "arg(A1, 0.5).\narg(A2, 0.5).\narg(P1, 0.7).\narg(C1, 0.2).\natt(C1, A2).\nsup(P1, A1).\n"
    )


@pytest.mark.parametrize(
    ("reader", "text", "line", "expected"),
    [
        (from_apx, "arg(a).\narg(b).\natt(a,b)\n", 3, "expected arg(NAME). or att(NAME,NAME)."),
        (from_apx, "arg(a).\n% comment\natt(a,c).\n", 3, "no arg(c). declares"),
        (from_apx, "arg(a,b).\n", 1, "arg() takes one name"),
        (from_tgf, "a\nb\n#\na\n", 4, "expected an edge 'SOURCE TARGET'"),
        (from_tgf, "a\n#\na b\n", 3, "which is not a node"),
        (from_tgf, "a\na\n#\n", 2, "listed twice"),
        (from_i23, "# c\np af x\n", 2, "expected the header 'p af N'"),
        (from_i23, "p af 2\n1 3\n", 2, "outside 1..2"),
        (from_i23, "p af 2\n1 2 3\n", 2, "expected an attack 'i j'"),
        (from_i23, "1 2\n", 1, "expected the header"),
        (from_bag, "arg(a, 0.5).\nfoo\n", 2, "expected arg(NAME, BASE)."),
        (from_bag, "arg(a, 1.5).\n", 1, "between 0 and 1"),
        (from_bag, "arg(a, x).\n", 1, "not a number"),
        (from_bag, "arg(a, 0.5).\nsup(a, b).\n", 2, "no arg(b, BASE). declares"),
    ],
)
def test_malformed_files_name_the_line(reader: Reader, text: str, line: int, expected: str) -> None:
    with pytest.raises(ImportFormatError) as err:
        reader(text, path="f.txt")
    assert err.value.place == f"line {line}"
    assert expected in str(err.value)
    assert str(err.value).startswith(f"f.txt: line {line}: ")
