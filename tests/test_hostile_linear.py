"""Every reader is linear in its input: a 200,000-character adversarial input (a run of
``[``, ``<!--``, unclosed emphasis, spaces before a bad character...) takes no longer
per character than a benign input of the same size read in the same run, within a
ratio (issue: hostile input: the comment pattern made 60k characters of ``[`` take 64 s).

Times are compared, never set: each case may take at most :data:`RATIO` times the
benign input's time per character, and is stopped there (an interval timer), so a
quadratic reader fails the test instead of hanging the suite.
"""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Callable, Iterator
from types import FrameType

import pytest

from arggraph.errors import ArggraphError
from arggraph.formats import import_text
from arggraph.io import loads, parse_model
from arggraph.model import ScoreSheet
from arggraph.quotes import quote_parts

pytestmark = pytest.mark.slow

SIZE = 200_000
#: How many times slower per character than the benign input an adversarial one may be.
#: Quadratic readers were hundreds to thousands of times slower at this size; a file
#: that breaks a JSON rule is scanned again by a linear scanner in Python, which is
#: some ten times slower than the C parser.
RATIO = 25.0


def repeat(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def graph_json(claims: list[dict[str, object]]) -> str:
    return json.dumps({"format": "arggraph/1", "id": "g", "claims": claims})


def benign_graph() -> str:
    claims: list[dict[str, object]] = []
    i = size = 0
    while size < SIZE:  # counted as they come: measuring the whole each time is quadratic
        claims.append(
            {
                "id": f"c{i}",
                "text": f"Claim {i}: the city's defence costs more than it gains, said he.",
                "base": 0.5,
                "tags": ["a", "b"],
            }
        )
        size += len(json.dumps(claims[-1])) + 2
        i += 1
    return graph_json(claims)


def benign_argdown() -> str:
    units: list[str] = []
    i = 0
    while sum(map(len, units)) < SIZE:
        units.append(
            f"[s{i}]: Statement {i} with *emphasis*, a [link](http://x.org) and #tag. "
            f"{{base: 0.5}}\n  + <a{i}>: An argument for it. // a comment\n  - [s{i + 1}]\n\n"
        )
        i += 1
    return "".join(units)


def benign_kialo() -> str:
    lines = ["Discussion Title: T", "", "1. Thesis: the thesis"]
    i, size = 0, sum(map(len, lines))
    while size < SIZE:
        lines.append(f"1.{i + 1}. {'Pro' if i % 2 else 'Con'}: reason {i} [1] with some words")
        size += len(lines[-1])
        i += 1
    lines += ["", "Sources:", "[1] http://example.org"]
    return "\n".join(lines) + "\n"


def benign_aif() -> str:
    nodes: list[dict[str, str]] = []
    edges: list[dict[str, str]] = []
    i = size = 0
    while size < SIZE:
        added = [
            {"nodeID": f"i{i}", "type": "I", "text": f"Claim {i} in words"},
            {"nodeID": f"l{i}", "type": "L", "text": f"Speaker {i % 9} : claim {i}"},
            {"nodeID": f"y{i}", "type": "YA", "text": "Asserting"},
        ]
        links = [{"fromID": f"l{i}", "toID": f"y{i}"}, {"fromID": f"y{i}", "toID": f"i{i}"}]
        nodes += added
        edges += links
        size += sum(len(json.dumps(x)) + 2 for x in (*added, *links))
        i += 1
    return json.dumps({"nodes": nodes, "edges": edges})


def benign_graphml() -> str:
    nodes: list[str] = []
    i = 0
    while sum(map(len, nodes)) < SIZE:
        nodes.append(f'<node id="n{i}"><data key="l">Claim {i} in some words</data></node>\n')
        if i:
            nodes.append(
                f'<edge source="n{i}" target="n{i - 1}"><data key="t">attack</data></edge>\n'
            )
        i += 1
    return graphml("".join(nodes))


def graphml(body: str) -> str:
    return (
        '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="l" for="node" attr.name="label" attr.type="string"/>'
        '<key id="t" for="edge" attr.name="type" attr.type="string"/>'
        f'<graph edgedefault="directed">{body}</graph></graphml>\n'
    )


def numbered(template: str, header: str = "") -> str:
    out = [header]
    i, size = 1, len(header)
    while size < SIZE:  # counted as they come: summing the whole each time is quadratic
        out.append(template.format(i=i, j=i + 1))
        size += len(out[-1])
        i += 1
    return "".join(out)


def benign_sheet() -> str:
    scores: dict[str, dict[str, object]] = {}
    i = size = 0
    while size < SIZE:
        scores[f"c{i}"] = {"base": 0.5, "note": "a reason for the score"}
        size += len(json.dumps({f"c{i}": scores[f"c{i}"]}))
        i += 1
    return json.dumps({"format": "arggraph-scores/1", "graph": "g", "scores": scores})


def nested_meta(depth: int) -> str:
    one = "[" * depth + "1" + "]" * depth
    return graph_json([{"id": "a", "text": "A", "meta": {"x": []}}]).replace(
        "[]", "[" + ",".join([one] * (SIZE // (2 * depth + 2))) + "]"
    )


Reader = Callable[[str], object]


def reader(fmt: str) -> Reader:
    def read(text: str) -> object:
        return import_text(text, fmt, path=f"x.{fmt}")

    return read


def read_sheet(text: str) -> object:
    return parse_model(text.encode(), ScoreSheet, "s.json", "arggraph-scores/1")


def one_claim(text: str) -> str:
    return graph_json([{"id": "a", "text": text}])


def l_node(text: str) -> str:
    return json.dumps({"nodes": [{"nodeID": "l", "type": "L", "text": text}], "edges": []})


def kialo_thesis(text: str) -> str:
    return "Discussion Title: T\n\n1. Thesis: " + text + "\n"


def statement_of(unit: str) -> Callable[[], str]:
    """A statement whose text is ``unit`` over and over."""
    return lambda: "[a]: " + repeat(unit)


def long_number_sheet() -> str:
    return '{"graph": "g", "scores": {"a": {"base": 0.' + repeat("5") + "}}}"


def deep_elements() -> str:
    half = SIZE // 7
    return graphml('<node id="a">' + "<x>" * half + "</x>" * half + "</node>")


#: reader name -> (how to read, benign text, adversarial texts by name)
CASES: dict[str, tuple[Reader, Callable[[], str], dict[str, Callable[[], str]]]] = {
    "arggraph": (
        loads,
        benign_graph,
        {
            "open brackets": lambda: repeat("["),
            "nested to the limit": lambda: nested_meta(95),
            "surrogate pairs": lambda: one_claim(repeat("\U0001f600", SIZE // 12)),
            "escaped backslashes and quotes": lambda: one_claim(repeat('\\"', SIZE // 2)),
            "duplicate key at the end": lambda: benign_graph()[:-1] + ', "id": "h"}',
            "NaN at the end": lambda: benign_graph()[:-1] + ', "meta": {"x": NaN}}',
        },
    ),
    "sheets": (
        read_sheet,
        benign_sheet,
        {
            "duplicate key at the end": lambda: benign_sheet()[:-2] + ', "c0": {"base": 1}}}',
            "long number": lambda: (
                '{"graph": "g", "scores": {"a": {"base": 0.' + repeat("5") + "}}}"
            ),
        },
    ),
    "aif": (
        reader("aif"),
        benign_aif,
        {
            "speaker of spaces": lambda: l_node(repeat(" ") + "x"),
            "spaces before a colon-less name": lambda: l_node("a" + repeat(" \t") + "x"),
            "open brackets": lambda: repeat("["),
        },
    ),
    "argdown": (
        reader("argdown"),
        benign_argdown,
        {
            **{
                f"run of {unit!r}": statement_of(unit)
                for unit in ("[", "<", "<!--", "/*", "*a ", "_a ", "**a ", " #(", "\\", "{", "[a](")
            },
            "unclosed data blocks": lambda: "[a]: x " + repeat("{a:[1,") + "}",
            "quoted data": lambda: "[a]: x " + repeat('{a: "\\u00e9 ') + "}",
            "front matter": lambda: "===\n" + repeat("title: x\n") + "===\n\n[a]: A\n",
        },
    ),
    "kialo": (
        reader("kialo"),
        benign_kialo,
        {
            "spaces in a claim": lambda: kialo_thesis("a" + repeat(" ") + "b"),
            "tabs in a claim": lambda: kialo_thesis("a" + repeat("\t") + "b"),
            "open footnotes": lambda: kialo_thesis(repeat(" [1")),
            "deep numbers": lambda: kialo_thesis("a\n" + repeat("1.") + " Pro: x"),
        },
    ),
    "apx": (
        reader("apx"),
        lambda: numbered("arg(a{i}).\natt(a{i},a{i}).\n"),
        {
            "spaces then junk": lambda: "arg(a)" + repeat(" ") + "x",
            "comments": lambda: repeat("% name a b\n"),
            "open statement": lambda: "arg(" + repeat("a"),
        },
    ),
    "tgf": (
        reader("tgf"),
        lambda: numbered("a{i} label {i}\n") + "#\n",
        {"one long line": lambda: "a" + repeat(" b") + "\n#\n"},
    ),
    "i23": (
        reader("i23"),
        lambda: numbered("{i} {j}\n", "p af 100000\n"),
        {
            "long comment": lambda: "p af 1\n# name 1 " + repeat("x") + "\n",
            "long number": lambda: "p af 3\n1 " + repeat("9") + "\n",
        },
    ),
    "bag": (
        reader("bag"),
        lambda: numbered("arg(a{i}, 0.5).\natt(a{i}, a{i}).\n"),
        {"spaces then junk": lambda: "arg(a, 0.5)" + repeat(" ") + "x\n"},
    ),
    "graphml": (
        reader("graphml"),
        benign_graphml,
        {
            "deep elements": deep_elements,
            "long label": lambda: graphml(
                '<node id="a"><data key="l">' + repeat("a &amp; ") + "</data></node>"
            ),
        },
    ),
}


class TooSlow(Exception):
    pass


def seconds(read: Reader, text: str, budget: float | None = None) -> float:
    """How long ``read`` takes on ``text`` (errors are an answer too); stopped with
    :class:`TooSlow` after ``budget`` seconds."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, stop)
    if budget is not None:
        signal.setitimer(signal.ITIMER_REAL, budget)
    started = time.perf_counter()
    try:
        read(text)
    except ArggraphError:
        pass
    finally:
        elapsed = time.perf_counter() - started
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return elapsed


def cases() -> Iterator[tuple[str, str]]:
    for name, (_, _, adversarial) in CASES.items():
        for case in adversarial:
            yield name, case


_RATES: dict[str, float] = {}


def benign_rate(name: str, *, again: bool = False) -> float:
    """Seconds per character of the reader's benign input (best of three), measured once
    per run, or again when asked."""
    if again or name not in _RATES:
        read, make, _ = CASES[name]
        text = make()
        _RATES[name] = min(seconds(read, text) for _ in range(3)) / len(text)
    return _RATES[name]


#: How many times a case is measured (the benign input again each time) before it fails:
#: other processes can slow one run; a quadratic reader is slow every time.
ATTEMPTS = 3


def within_budget(read: Reader, text: str, rate: Callable[[bool], float]) -> tuple[bool, str]:
    """Whether ``read`` takes ``text`` within :data:`RATIO` times the benign ``rate``
    per character in one of :data:`ATTEMPTS` tries (the rate measured again for each
    retry), and what the last try found."""
    found = ""
    for attempt in range(ATTEMPTS):
        allowed = RATIO * rate(attempt > 0) * len(text)
        try:
            taken = seconds(read, text, budget=allowed)
        except TooSlow:
            found = f"stopped after {allowed:.3f} s, {RATIO}x the benign rate"
            continue
        if taken <= allowed:
            return True, ""
        found = f"{taken:.3f} s, allowed {allowed:.3f} s"
    return False, found


@pytest.mark.parametrize(("name", "case"), list(cases()))
def test_adversarial_input_reads_in_linear_time(name: str, case: str) -> None:
    read, _, adversarial = CASES[name]
    text = adversarial[case]()
    assert len(text) >= SIZE * 0.9
    ok, found = within_budget(read, text, lambda again: benign_rate(name, again=again))
    assert ok, f"{name} {case}: {found}"


def test_splitting_hostile_quotes_is_linear() -> None:
    """A quote's ``[insertions]`` and ``...`` omissions are found in linear time (a
    ``[`` with no ``]`` after it searched to the end of the quote, each one)."""
    benign = repeat("we should go, they said ")

    def rate(again: bool) -> float:
        return min(seconds(quote_parts, benign) for _ in range(3)) / len(benign)

    for quote in (repeat("["), repeat(" ["), repeat("[a] "), repeat("a ... ")):
        ok, found = within_budget(quote_parts, quote, rate)
        assert ok, f"quote {quote[:10]!r}: {found}"
