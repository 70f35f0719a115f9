"""The line index of `arggraph check` (:mod:`arggraph.checks._lines`) gives every path the
line :class:`arggraph.locate.JsonLocator` gives it, whatever the file's layout and text."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.checks._lines import LineIndex
from arggraph.locate import JsonLocator

# Text that would fool a scanner: quotes, backslashes, brackets, newlines, non-ASCII.
tricky = st.text(alphabet=st.sampled_from(list('ab "\\[]{}:,\n\té€𝄞')), max_size=8)


@st.composite
def graph_files(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    claims = [
        {
            "id": draw(tricky),
            "text": draw(tricky),
            "attributions": [{"actor": draw(tricky), "quote": draw(tricky)}]
            if draw(st.booleans())
            else [],
        }
        for _ in range(draw(st.integers(0, 4)))
    ]
    relations = [
        {"type": "attack", "source": draw(tricky), "target": draw(tricky)}
        for _ in range(draw(st.integers(0, 3)))
    ]
    data: dict[str, Any] = {"format": "arggraph/1", "id": draw(tricky), "claims": claims}
    if draw(st.booleans()):
        data["meta"] = {"nested": [[1, {"claims": [2]}], draw(tricky)]}
    data["relations"] = relations
    indent = draw(st.sampled_from([None, 0, 1, 2, "\t"]))
    separators = draw(st.sampled_from([(", ", ": "), (",", ":"), (" ,\n", " :\n ")]))
    text = json.dumps(data, indent=indent, separators=separators, ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()):
        text = "\n\n  " + text + "\n"
    json.loads(text)
    paths: list[str | None] = [None, "format", "id", "meta", "claims", "relations", "nowhere"]
    for i, claim in enumerate(claims):
        paths += [f"claims[{i}]", f"claims[{i}].text", f"claims[{i}].absent"]
        paths += [f"claims[{i}].attributions[{j}].quote" for j in range(len(claim["attributions"]))]
    paths += [f"relations[{i}].target" for i in range(len(relations))]
    paths += [f"claims[{len(claims)}]", "relations[7].source", "nowhere[0].x"]
    bom = b"\xef\xbb\xbf" if draw(st.booleans()) else b""
    return bom + text.encode("utf-8"), [p for p in paths if p is not None] + [""]


@settings(max_examples=300, deadline=None)
@given(graph_files())
def test_every_path_has_the_locators_line(case: tuple[bytes, list[str]]) -> None:
    data, paths = case
    index = LineIndex(data)
    locator = JsonLocator(data.decode("utf-8-sig"))
    for path in paths:
        assert index.line(path) == locator.line(path or None), path


def test_an_empty_graph() -> None:
    index = LineIndex(b'{"format": "arggraph/1"}')
    assert index.line("claims[0]") == 1
    assert index.line(None) == 1
