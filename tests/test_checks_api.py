"""The Python API of the checks: check(), selection, sorting, settings, locating lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _support import BAKHMUT, needs_bakhmut, seeds
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.checks import RULES, Finding, check, rule, select_rules
from arggraph.checks.config import CheckConfig, find_config
from arggraph.checks.documents import QuoteFinder
from arggraph.checks.finding import finding_sort_key
from arggraph.errors import FileAccessError, UsageError
from arggraph.io import load, loads
from arggraph.locate import JsonLocator
from arggraph.quotes import find_quote, normalize


def test_check_select_ignore_and_order() -> None:
    g = loads(
        json.dumps(
            {
                "format": "arggraph/1",
                "id": "g",
                "claims": [{"id": "b", "text": "B"}, {"id": "a", "text": "A"}],
                "relations": [{"type": "support", "source": "a", "target": "a"}],
            }
        ),
        strict=False,
    )
    everything = check(g)
    assert everything == sorted(everything, key=finding_sort_key)
    assert {f.code for f in everything} >= {"S003", "S008", "P001", "P002"}
    assert {f.code for f in check(g, select=["S"])} == {"S003", "S008"}
    assert {f.code for f in check(g, ignore=["P", "S008"])} == {"S003"}
    assert check(g, select=["S003"], ignore=["S003"]) == []
    with pytest.raises(UsageError, match="unknown rule selector 'Z'"):
        check(g, select=["Z"])
    with pytest.raises(FileAccessError, match="no such folder"):
        check(g, documents="/nonexistent/folder")


def test_selection_is_most_specific_wins() -> None:
    assert select_rules(["P006"], ["P"]) == {"P006"}
    assert select_rules(["P"], ["P006"]) == {c for c in RULES if c[0] == "P"} - {"P006"}
    assert select_rules(["ALL"], ["ALL"]) == frozenset()
    assert select_rules(None, None) == frozenset(RULES)
    assert select_rules(["s0"]) == {c for c in RULES if c.startswith("S0")}
    assert select_rules(["self-relation"]) == {"S003"}
    assert select_rules([], extend_select=["R"]) == {"R001", "R002", "R003", "R004"}
    with pytest.raises(UsageError, match="did you mean"):
        rule("S0O1")


def test_findings_sort_in_file_order() -> None:
    fs = [
        Finding("P001", "warning", "m", path="claims[10]"),
        Finding("S008", "warning", "m"),
        Finding("S003", "error", "m", path="relations[0]"),
        Finding("P001", "warning", "m", path="claims[2]"),
        Finding("P011", "info", "m", path="documents[0]"),
        Finding("S001", "error", "m", path="claims[2].attributions[0].actor"),
    ]
    assert [(f.code, f.path) for f in sorted(fs, key=finding_sort_key)] == [
        ("S008", None),
        ("P011", "documents[0]"),
        ("P001", "claims[2]"),
        ("S001", "claims[2].attributions[0].actor"),
        ("P001", "claims[10]"),
        ("S003", "relations[0]"),
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_locator_finds_every_value(value: object) -> None:
    """Every value's path leads to the line where the indented dump has that value."""
    text = json.dumps({"root": value}, indent=1)
    loc = JsonLocator(text)

    def walk(v: object, path: str) -> None:
        offset = loc.offset(path)
        assert json.JSONDecoder().raw_decode(text, offset)[0] == v
        if isinstance(v, dict):
            for k, sub in v.items():
                if "." not in k and "[" not in k and k:
                    walk(sub, f"{path}.{k}")
        elif isinstance(v, list):
            for i, sub in enumerate(v):
                walk(sub, f"{path}[{i}]")

    walk(value, "root")


def test_find_config_walks_up_and_caches(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.arggraph.check]\nignore = ["P01"]\ndocuments = "docs"\n', encoding="utf-8"
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    cache: dict[Path, CheckConfig] = {}
    cfg = find_config(deep / "g.json", cache)
    assert cfg.ignore == ("P01",)
    assert cfg.documents == tmp_path / "docs"
    assert cfg.source == tmp_path / "pyproject.toml"
    assert cache[deep.resolve()] is cfg
    assert cache[tmp_path.resolve()] is cfg


def assert_bakhmut_is_clean(findings: list[Finding]) -> None:
    """No error or warning; ISW's change of view between January and March shows as one
    info finding."""
    assert [f for f in findings if f.severity != "info"] == []
    isw = [f for f in findings if f.code == "R002" and f.ids[0] == "isw"]
    assert len(isw) == 1
    assert "2023-01" in isw[0].message
    assert "2023-03" in isw[0].message


@needs_bakhmut
def test_bakhmut_is_clean() -> None:
    """The bundled debate is clean under every check that needs no source article."""
    assert_bakhmut_is_clean(check(load(BAKHMUT, strict=False)))


@pytest.mark.realdata
@needs_bakhmut
def test_bakhmut_is_clean_against_its_source_articles() -> None:
    """... and every quote is found in its article in ``../shared/seeds``."""
    assert_bakhmut_is_clean(check(load(BAKHMUT, strict=False), documents=seeds()))


_WORDS = st.sampled_from(
    [
        "hold",
        "the",
        "line",
        "we",
        "will",
        "Bakhmut",
        "“",
        "”",
        ",",
        "—",
        "-",
        "...",
        "city",
        "a",
        "withdraw",
        "\n",
        "  ",
    ]
)


@settings(max_examples=150, deadline=None)
@given(words=st.lists(_WORDS, min_size=1, max_size=60), data=st.data())
def test_quote_finder_agrees_with_find_quote(words: list[str], data: st.DataObject) -> None:
    """The indexed lookup gives find_quote's answer for quotes cut from the text, joined
    with omissions, or made up."""
    text = " ".join(words)
    doc = normalize(text)
    finder = QuoteFinder(doc, expected=10**9)
    plain = QuoteFinder(doc)
    assert (finder._index is not None) == bool(doc.text)
    assert plain._index is None
    n = len(text)
    i = data.draw(st.integers(0, n - 1))
    j = data.draw(st.integers(i + 1, n))
    k = data.draw(st.integers(j, n))
    made_up = data.draw(st.text("abhilnetw ", max_size=12))
    quotes = [text[i:j], text[i:j] + " ... " + text[k:], made_up]
    for quote in quotes:
        expected = find_quote(quote, doc) is not None
        assert finder.found(quote) == expected, quote
        assert plain.found(quote) == expected
