"""Fuzzing every input format through the command line (issue: hostile input).

For each format arggraph reads, hypothesis mutates small valid files with what hostile
files hold (escape sequences, bidi overrides, lone surrogates raw and escaped, NaN,
integers of thousands of digits, nesting hundreds deep, duplicate keys, unclosed
comments, non-ASCII digits...) or writes noise, and drives ``import``, ``check`` and
``score`` in-process through :func:`arggraph.cli.main`. Whatever the file, the command
exits 0, 1 or 2, raises nothing, and prints no raw control character on stdout or
stderr. A new reader gets its entry in :data:`FORMATS` and is fuzzed the same way.

The budget is fixed (:data:`EXAMPLES` a format), and the set is ``slow``.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arggraph.cli import main
from arggraph.formats import registry

pytestmark = pytest.mark.slow

EXAMPLES = 120

#: What a terminal obeys: C0 controls but tab and newline, DEL, C1 controls, and the
#: bidirectional controls that reorder what it shows.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

#: Pieces any hostile file may hold, whatever its format.
HOSTILE = [
    "\x1b[2J",
    "\x1b]8;;http://evil.example\x07click\x1b]8;;\x07",
    "\x9b31m",
    "\u202e",
    "\x00",
    "\r",
    "\ud800",
    "\\ud800",
    "\\udc00",
    "\\u001b[2J",
    "NaN",
    "-Infinity",
    "1e999",
    "9" * 4400,
    "[" * 150,
    "{" * 150,
    "²",
    "٣",
    "\n",
    " " * 50,
    "\t",
    '"',
    "\\",
    "\ufeff",
]

#: Pieces that mean something to each format.
SYNTAX = {
    "json": ["{", "}", "[", "]", ",", ":", '"', '"id": "a"', '"id": "a", "id": "b"', "null", "0.5"],
    "argdown": [
        "[",
        "]",
        "<",
        ">",
        "<!--",
        "-->",
        "/*",
        "*/",
        "//",
        "#(",
        "*",
        "_",
        "{",
        "}",
        "\n  + ",
        "\n  - ",
        "\n(1) ",
        "\n----\n",
        "===\n",
        "{x: ",
        "[a]: ",
        "<b>: ",
    ],
    "kialo": [
        "\n1. ",
        "\n1.1. Pro: ",
        "\n1.2. Con: ",
        "-> See 1.1.",
        "-> See discussion #",
        "[1]",
        "\nSources:\n",
        "Thesis:",
        "\\n",
        "\\[",
    ],
    "graphml": [
        "<",
        ">",
        "</node>",
        '<node id="',
        '<edge source="a" target="b"/>',
        "&amp;",
        "&#x1b;",
        "&#xD800;",
        "<!DOCTYPE x [<!ENTITY e 'x'>]>",
        '<data key="l">',
    ],
    "apx": ["arg(", "att(", ")", ".", ",", "% name a1 ", "\n"],
    "tgf": ["\n#\n", " ", "\n", "#"],
    "i23": ["p af ", "\n", " ", "# name 1 ", "100000000000", "0"],
    "bag": ["arg(", "att(", "sup(", ", ", ").", "0.5", "%", "#"],
}

GRAPH = {
    "format": "arggraph/1",
    "id": "g",
    "question": "Go?",
    "actors": [{"id": "x", "name": "X", "kind": "analyst"}],
    "documents": [{"id": "d", "title": "D", "published": "2023-03-06"}],
    "claims": [
        {"id": "go", "text": "Go", "kind": "position"},
        {"id": "stay", "text": "Stay", "kind": "position"},
        {
            "id": "cost",
            "text": "It costs",
            "base": 0.8,
            "tags": ["t"],
            "attributions": [{"actor": "x", "document": "d", "quote": "it costs", "date": "2023"}],
            "meta": {"k": [1, {"n": None}]},
        },
    ],
    "relations": [
        {"type": "attack", "source": "cost", "target": "stay", "weight": 0.5},
        {"type": "support", "source": "cost", "target": "go"},
    ],
}

SEEDS: dict[str, list[str]] = {
    "arggraph": [json.dumps(GRAPH, indent=1), json.dumps({"claims": [{"id": "a", "text": "A"}]})],
    "sheets": [
        json.dumps(
            {
                "format": "arggraph-scores/1",
                "graph": "g",
                "scores": {"cost": {"base": 0.3, "note": "why"}},
                "weights": {"attack:cost->stay": {"weight": 1}},
            }
        )
    ],
    "aif": [
        json.dumps(
            {
                "nodes": [
                    {"nodeID": "1", "type": "I", "text": "Go"},
                    {"nodeID": "2", "type": "I", "text": "It costs"},
                    {"nodeID": "3", "type": "RA", "text": "Default Inference"},
                    {"nodeID": "4", "type": "L", "text": "Ana : it costs"},
                    {"nodeID": "5", "type": "YA", "text": "Asserting"},
                ],
                "edges": [
                    {"fromID": "2", "toID": "3"},
                    {"fromID": "3", "toID": "1"},
                    {"fromID": "4", "toID": "5"},
                    {"fromID": "5", "toID": "2"},
                ],
                "locutions": [{"nodeID": "4", "personID": "1"}],
            }
        )
    ],
    "argdown": [
        '===\ntitle: T\npositions: ["Go"]\n===\n\n# Costs\n\n[Go]: We should go. #plan '
        "{base: 0.6}\n  + <Cost>: It *costs* little. // note\n  - [Stay]: Stay. <!-- c -->\n\n"
        "<Cost>\n\n(1) It is cheap.\n----\n(2) [Go]\n"
    ],
    "kialo": [
        "Discussion Title: Go?\n\n1. Thesis: We go.\n1.1. Pro: It is cheap [1].\n"
        "1.1.1. Con: -> See 1.2.\n1.2. Con: It is far.\n\nSources:\n[1] http://x.org\n"
    ],
    "graphml": [
        '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="l" for="node" attr.name="label" attr.type="string"/>'
        '<key id="t" for="edge" attr.name="type" attr.type="string"/>'
        '<graph edgedefault="directed"><node id="a"><data key="l">A</data></node>'
        '<node id="b"><data key="l">B</data></node>'
        '<edge source="a" target="b"><data key="t">attack</data></edge></graph></graphml>\n'
    ],
    "apx": ["% name a1 Cost\narg(a1).\narg(b).\natt(a1,b).\n"],
    "tgf": ["a Cost\nb\n#\na b\n"],
    "i23": ["p af 3\n# name 1 cost\n1 2\n2 3\n"],
    "bag": ["arg(a, 0.5).\narg(b, 0.3).\natt(a, b).\nsup(b, a).\n"],
}


@dataclass(frozen=True)
class Fuzzed:
    """One input format: the file name it is written to, the commands run on it
    (``{file}`` stands for it), and which pieces mean something to it."""

    suffix: str
    commands: tuple[tuple[str, ...], ...]
    syntax: str


FORMATS: dict[str, Fuzzed] = {
    "arggraph": Fuzzed(".json", (("check", "{file}"), ("score", "{file}")), "json"),
    "sheets": Fuzzed(".scores.json", (("score", "{graph}", "--scores", "{file}"),), "json"),
    "aif": Fuzzed(".json", (("import", "{file}", "--from", "aif"),), "json"),
    **{
        name: Fuzzed(
            f".{name}",
            (("import", "{file}", "--from", name),)
            + ((("extensions", "{file}"),) if name in ("apx", "tgf", "i23") else ()),
            name,
        )
        for name in ("argdown", "kialo", "graphml", "apx", "tgf", "i23", "bag")
    },
}


def test_every_format_arggraph_reads_is_fuzzed() -> None:
    read = {f.name for f in registry.imports()}
    assert read <= set(FORMATS), f"no fuzzing for {sorted(read - set(FORMATS))}"


def mutate(seed: str, edits: list[tuple[float, float, str]]) -> str:
    """``seed`` with each edit: at a relative place, cut a relative length and put a
    piece there."""
    text = seed
    for where, cut, piece in edits:
        at = int(where * len(text))
        gone = int(cut * min(20, len(text) - at))
        text = text[:at] + piece + text[at + gone :]
    return text


def texts(name: str) -> st.SearchStrategy[str]:
    pieces = st.sampled_from(HOSTILE + SYNTAX[FORMATS[name].syntax])
    unit = st.floats(min_value=0, max_value=1, allow_nan=False)
    edits = st.lists(st.tuples(unit, unit, pieces), max_size=8)
    mutated = st.builds(mutate, st.sampled_from(SEEDS[name]), edits)
    noise = st.lists(pieces | st.text(max_size=5), max_size=30).map("".join)
    return mutated | noise


@contextmanager
def captured() -> Iterator[Callable[[], tuple[str, str]]]:
    """stdout and stderr as text (what the commands wrote, bytes included)."""
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdout, sys.stderr
    wrappers = (
        io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", write_through=True),
    )
    sys.stdout, sys.stderr = wrappers
    try:
        yield lambda: (out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))
    finally:
        sys.stdout, sys.stderr = saved
        for wrapper in wrappers:
            wrapper.flush()
            wrapper.detach()  # leave the bytes readable


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def fuzz(folder: Path, name: str, text: str) -> None:
    fmt = FORMATS[name]
    file = folder / f"input{fmt.suffix}"
    file.write_bytes(text.encode("utf-8", "surrogatepass"))
    graph = folder / "graph.json"
    graph.write_text(json.dumps(GRAPH), encoding="utf-8")
    for command in fmt.commands:
        argv = [part.format(file=file, graph=graph) for part in command]
        with captured() as output:
            code = main(argv)
        out, err = output()
        assert code in (0, 1, 2), (argv, code, err)
        for stream, written in (("stdout", out), ("stderr", err)):
            raw = RAW_CONTROL.search(written)
            assert raw is None, f"{' '.join(command)}: raw {raw.group()!r} on {stream}"
        if code == 2:  # the input could not be used: one message says why
            assert "arggraph: error: " in err, (argv, err)


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(texts("arggraph"))
def test_fuzz_arggraph_json(folder: Path, text: str) -> None:
    fuzz(folder, "arggraph", text)


@FUZZ
@given(texts("sheets"))
def test_fuzz_score_sheets(folder: Path, text: str) -> None:
    fuzz(folder, "sheets", text)


@FUZZ
@given(texts("aif"))
def test_fuzz_aif(folder: Path, text: str) -> None:
    fuzz(folder, "aif", text)


@FUZZ
@given(texts("argdown"))
def test_fuzz_argdown(folder: Path, text: str) -> None:
    fuzz(folder, "argdown", text)


@FUZZ
@given(texts("graphml"))
def test_fuzz_graphml(folder: Path, text: str) -> None:
    fuzz(folder, "graphml", text)


@FUZZ
@given(texts("kialo"))
def test_fuzz_kialo(folder: Path, text: str) -> None:
    fuzz(folder, "kialo", text)


@FUZZ
@given(texts("apx"))
def test_fuzz_apx(folder: Path, text: str) -> None:
    fuzz(folder, "apx", text)


@FUZZ
@given(texts("tgf"))
def test_fuzz_tgf(folder: Path, text: str) -> None:
    fuzz(folder, "tgf", text)


@FUZZ
@given(texts("i23"))
def test_fuzz_i23(folder: Path, text: str) -> None:
    fuzz(folder, "i23", text)


@FUZZ
@given(texts("bag"))
def test_fuzz_bag(folder: Path, text: str) -> None:
    fuzz(folder, "bag", text)
