"""A new user's first hour with Kialo exports: theses with or without ``Thesis:``,
messages that point at the line at fault, and footnote markers out of claim texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _support import realdata

from arggraph.cli import main
from arggraph.errors import ImportFormatError
from arggraph.formats import import_file
from arggraph.formats.kialo import from_kialo
from arggraph.graph import Graph

BIDEN = "is-biden-an-incompetent-president-44217.txt"
EDU = "what-are-the-most-useful-educational-resources-websites-on-the-internet-14768.txt"
MARKER = re.compile(r"(?<!\\)\[\d+\](?!\()")


def shape(g: Graph) -> tuple[list[tuple[str, str, str]], list[str], dict[str, str]]:
    """What an import says: relations, positions and claim texts."""
    return (
        sorted((r.type, r.premises[0], r.target) for r in g.relations.values()),
        [c.id for c in g.positions],
        {c.id: c.text for c in g.claims.values()},
    )


NEW_WITH = """Discussion Name:
Tea or coffee?

1. Question:
Which is better?

  1.1. Thesis:
  Tea

    1.1.1. Pro:
    It is calm.

  1.2. Thesis:
  Coffee

    1.2.1. Con:
    It keeps you awake [1].

Sources:
[1] https://example.org/sleep
"""


@pytest.mark.parametrize(
    "without",
    [
        NEW_WITH.replace("Thesis:", ""),  # '1.1. ' with a trailing space
        NEW_WITH.replace(" Thesis:", ""),  # '1.1.' alone on its line
        NEW_WITH.replace("  1.1. Thesis:\n  Tea", "  1.1. Tea").replace(
            "  1.2. Thesis:\n  Coffee", "  1.2. Coffee"
        ),
    ],
    ids=["trailing-space", "number-alone", "text-on-the-line"],
)
def test_theses_under_a_question_need_no_thesis_prefix(without: str) -> None:
    assert shape(from_kialo(without).graph()) == shape(from_kialo(NEW_WITH).graph())


def test_the_thesis_needs_no_prefix_in_the_new_layout() -> None:
    with_prefix = "Discussion Name:\nT\n\n1. Thesis:\nTea is good.\n\n  1.1. Pro:\n  Warm.\n"
    for without in (with_prefix.replace(" Thesis:", ""), with_prefix.replace("Thesis:", "")):
        assert shape(from_kialo(without).graph()) == shape(from_kialo(with_prefix).graph())


@pytest.mark.realdata
@pytest.mark.parametrize("name", [BIDEN, EDU])
def test_real_exports_read_the_same_without_thesis_prefixes(name: str, tmp_path: Path) -> None:
    source = realdata("kialo", name)
    text = source.read_bytes().decode("utf-8")
    stripped = tmp_path / name
    stripped.write_bytes(text.replace("Thesis:", "").encode("utf-8"))
    assert text.count("Thesis:") > 0
    assert shape(import_file(stripped).graph()) == shape(import_file(source).graph())


def test_a_claim_below_a_numbered_line_without_a_role_points_at_that_line() -> None:
    text = "Discussion Title: T\n\n1. Tea is good.\n1.1. It is warm.\n1.1.1. Pro: Very.\n"
    with pytest.raises(ImportFormatError) as info:
        from_kialo(text, path="k.txt")
    err = info.value
    assert err.line == 4
    assert str(err).startswith(
        "k.txt: line 4: '1.1.' has no role, so it was read as text of the claim above it, "
        "and claim 1.1.1. (line 5) has no parent: Kialo writes 'Pro:' or 'Con:'"
    )


def test_a_missing_parent_is_said_to_be_missing() -> None:
    text = "Discussion Title: T\n\n1. Tea is good.\n1.2.1. Pro: Very.\n"
    with pytest.raises(ImportFormatError) as info:
        from_kialo(text, path="k.txt")
    assert str(info.value) == (
        "k.txt: line 4: claim 1.2.1. has no parent 1.2. anywhere in the file (a claim's "
        "number is its parent's with one more part)"
    )
    assert "above it" not in str(info.value)


def test_footnote_markers_leave_the_text_and_their_sources_stay() -> None:
    g = from_kialo(NEW_WITH).graph()
    claim = g.claim("1.2.1")
    assert claim.text == "It keeps you awake."
    assert claim.meta is not None
    assert claim.meta["kialo"]["sources"] == ["source-1"]
    assert g.documents["source-1"].url == "https://example.org/sleep"


def test_only_markers_of_listed_sources_go() -> None:
    text = (
        "Discussion Name:\nT\n\n1. Thesis:\nTea [1], [see](https://x.org) and \\[2\\] "
        "and [2].\n\nSources:\n[1] https://example.org/tea\n"
    )
    assert from_kialo(text).graph().claim("1").text == (
        "Tea, [see](https://x.org) and [2] and [2]."
    )


@pytest.mark.realdata
@pytest.mark.parametrize("name", [BIDEN, EDU])
def test_real_exports_keep_no_footnote_marker(name: str) -> None:
    g = import_file(realdata("kialo", name)).graph()
    assert g.documents
    marked = [c.id for c in g.claims.values() if MARKER.search(c.text)]
    assert marked == []
    cited = [c for c in g.claims.values() if c.meta and c.meta["kialo"].get("sources")]
    assert cited
    assert all(s in g.documents for c in cited for s in c.meta["kialo"]["sources"])  # type: ignore[index]


@pytest.mark.realdata
def test_biden_claim_reads_as_a_sentence() -> None:
    g = import_file(realdata("kialo", BIDEN)).graph()
    assert g.claim("1.1.1").text == (
        "Politicians with political experience can still behave in corrupt and, thus, "
        "incompetent ways."
    )


def test_the_cli_reports_a_kialo_fault_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "k.txt"
    path.write_text("Discussion Title: T\n\n1. A\n1.1. B\n1.1.1. Con: C\n", encoding="utf-8")
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"arggraph: error: {path}: line 4: '1.1.' has no role")
    assert "Traceback" not in err
