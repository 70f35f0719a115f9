"""JSON results: the header that says what produced them, and the bulk writer that
writes exactly what the standard encoder writes."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from _support import BAKHMUT
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.cli import main, package_version
from arggraph.jsonio import _JSON_UNSAFE, dumps


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert main(list(argv)) == 0
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


@pytest.mark.parametrize(
    ("argv", "semantics", "tolerance"),
    [
        (["score", "--format", "json"], "dfquad", 1e-9),
        (["score", "--format", "json", "--semantics", "qe"], "qe", 1e-9),
        (["extensions", "--format", "json"], "grounded", None),
        (["extensions", "--format", "json", "--claim", "withdraw"], "grounded", None),
        (["explain", "--format", "json", "--top", "3"], "dfquad", 1e-9),
    ],
)
def test_json_results_start_with_what_produced_them(
    capsys: pytest.CaptureFixture[str], argv: list[str], semantics: str, tolerance: float | None
) -> None:
    args = [argv[0], str(BAKHMUT), *argv[1:]]
    if argv[0] == "explain":
        args.insert(2, "withdraw")
    data = run(capsys, *args)
    header: dict[str, Any] = {
        "arggraph": package_version(),
        "graph": "bakhmut-2023",
        "graph_sha256": hashlib.sha256(BAKHMUT.read_bytes()).hexdigest(),
        "semantics": semantics,
    }
    if tolerance is not None:
        header["tolerance"] = tolerance
    assert list(data)[: len(header)] == list(header)
    assert {k: data[k] for k in header} == header


def test_an_abstract_framework_has_no_file_hash(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    af = tmp_path / "af.apx"
    af.write_text("arg(a).\narg(b).\natt(a,b).\n", encoding="utf-8")
    data = run(capsys, "extensions", str(af), "--format", "json")
    assert data["graph_sha256"] is None
    assert data["extensions"] == [["a"]]


JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(st.text(max_size=5), inner, max_size=5),
        st.dictionaries(st.integers(), inner, max_size=3),
        st.tuples(inner, inner),
    ),
    max_leaves=40,
)


@pytest.mark.slow
@settings(max_examples=500)
@given(JSON_VALUES)
def test_the_bulk_writer_writes_what_the_standard_encoder_writes(value: Any) -> None:
    """The same text as ``json.dumps(indent=2, ensure_ascii=False)``, with what a
    terminal would obey escaped as before (DEL, C1 and bidirectional controls, lone
    surrogates: ``_JSON_UNSAFE``)."""
    expected = _JSON_UNSAFE.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False, indent=2)
    )
    assert dumps(value) == expected


@pytest.mark.parametrize(
    "bad", [float("nan"), float("inf"), [1.0, float("-inf")], {"a": [float("nan")]}]
)
def test_the_bulk_writer_refuses_what_json_has_no_name_for(bad: Any) -> None:
    with pytest.raises(ValueError, match="not JSON compliant"):
        dumps(bad)
