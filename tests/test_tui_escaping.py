"""Text from a graph reaches the screen through one module, and it escapes everything.

``tui.render`` is the only UI module that calls the library's escaping
(:mod:`arggraph.text`); every widget and screen takes graph text through it. Each of its
funnels is fed every hostile string the suite knows: none lets a control character,
an escape sequence or a bidirectional override through, and none lets Rich markup act.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from _support import HOSTILE
from rich.text import Text

import tui
from tui.render import fit, flat, ident, line, literal, safe

TUI = Path(tui.__file__).resolve().parent

#: What no terminal must receive raw: C0 controls, DEL, C1 controls, bidi controls.
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

ATTACKS = [
    "\x1b[31mred\x1b[0m",
    "\x1b[2J\x1b[H cleared",
    "\x1b]8;;https://x.invalid\x07click\x1b]8;;\x07",
    "\x1b]0;new title\x07",
    "\x9b31m C1 CSI",
    "\x85 next line",
    "\u202eevil\u202c",
    "a\u2066isolate\u2069b\u200f",
    "\x00\x01\x07\x08\x7f",
    "carriage\r return",
    "[bold]bold[/bold]",
    "[link=file:///etc/passwd]x[/link]",
    "[/] unbalanced",
    "[@click=app.quit]quit[/]",
    ":warning: emoji code",
    "tab\tand\nnewline",
]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def hostile() -> list[str]:
    """Every string of the hostile fixture, and the attacks above."""
    found = set(_strings(json.loads(HOSTILE.read_text(encoding="utf-8"))))
    return sorted(found | set(ATTACKS))


FUNNELS: dict[str, Callable[[str], str | Text]] = {
    "literal": literal,
    "line": lambda s: line(s, 40),
    "safe": safe,
    "flat": flat,
    "fit": lambda s: fit(s, 40),
    "ident": ident,
}


def test_only_render_calls_the_librarys_escaping() -> None:
    offenders = []
    for path in TUI.rglob("*.py"):
        if path.name == "render.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "arggraph.text":
                offenders.append(str(path.relative_to(TUI)))
    assert offenders == []


@pytest.mark.parametrize("name", list(FUNNELS))
@pytest.mark.parametrize("text", hostile())
def test_every_funnel_shows_hostile_text_as_data(name: str, text: str) -> None:
    out = FUNNELS[name](text)
    plain = out.plain if isinstance(out, Text) else out
    assert not RAW.search(plain), repr(plain)
    if isinstance(out, Text):
        assert out.spans == []  # no markup was parsed into styles
    if name in ("line", "flat", "fit", "ident"):
        assert "\n" not in plain
    if "[bold]" in text and name in ("literal", "safe", "flat"):
        assert "[bold]" in plain  # markup stays the characters it is


@pytest.mark.parametrize("twin", ["a\u00a0", "a\u200b", "a\u2060", "\u3164a", "a\ufe0f"])
def test_ids_that_differ_by_an_invisible_character_show_apart(twin: str) -> None:
    assert ident(twin).plain != ident("a").plain
