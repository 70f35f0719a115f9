"""Rule S013: control characters in ids, texts, names, titles and quotes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from arggraph.checks import check
from arggraph.io import loads


def found(data: dict[str, Any]) -> list[tuple[tuple[str, ...], str | None, str]]:
    g = loads(json.dumps(data), path="g.json", strict=False)
    return [(f.ids, f.path, f.message) for f in check(g, select=["S013"])]


def test_every_field_is_checked_and_named() -> None:
    data = {
        "format": "arggraph/1.1",
        "id": "g",
        "documents": [{"id": "d", "title": "Report\u202eevil"}],
        "actors": [{"id": "a\x07", "name": "Ann\x00", "kind": "analyst"}],
        "claims": [
            {"id": "p", "text": "Hold\tthe\ncity", "kind": "position"},  # tab, newline: fine
            {
                "id": "c",
                "text": "Costs\r\n",
                "attributions": [{"actor": "a\x07", "document": "d", "quote": "we \x1b[2J"}],
            },
        ],
        "relations": [{"id": "r\x85", "type": "support", "source": "c", "target": "p"}],
    }
    assert found(data) == [
        (("d",), "documents[0].title", "document 'd': its title holds a control character "
         "(\\u202e at character 7)"),
        (("a\x07",), "actors[0].id", "actor 'a\\x07': its id holds a control character "
         "(\\x07 at character 2)"),
        (("a\x07",), "actors[0].name", "actor 'a\\x07': its name holds a control character "
         "(\\x00 at character 4)"),
        (("c",), "claims[1].attributions[0].quote", "claim 'c': its quote holds a control "
         "character (\\x1b at character 4)"),
        (("c",), "claims[1].text", "claim 'c': its text holds a control character "
         "(\\x0d at character 6)"),
        (("r\x85",), "relations[0].id", "relation 'r\\x85': its id holds a control "
         "character (\\x85 at character 2)"),
    ]  # fmt: skip


def test_an_id_may_not_hold_a_tab_and_a_default_relation_id_is_not_reported_twice() -> None:
    data = {
        "claims": [
            {"id": "p\tq", "text": "P", "kind": "position"},
            {"id": "c", "text": "C"},
        ],
        "relations": [{"type": "support", "source": "c", "target": "p\tq"}],
    }
    assert [path for _, path, _ in found(data)] == ["claims[0].id"]


def test_a_plain_graph_with_none_is_checked_without_its_models() -> None:
    data = {
        "claims": [{"id": f"c{i}", "text": f"Claim {i}\twith a tab"} for i in range(50)],
        "relations": [{"type": "attack", "source": "c1", "target": "c0"}],
    }
    g = loads(json.dumps(data), path="g.json", strict=False)
    assert g.columns is not None
    assert check(g, select=["S013"]) == []
    assert g._model is None
    data["claims"][7]["text"] = "Claim 7 \x1b[8mhidden"
    assert [path for _, path, _ in found(data)] == ["claims[7].text"]


def test_line_separators_and_the_arabic_letter_mark_are_shown_not_folded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from arggraph.cli import main
    from arggraph.text import one_line, terminal_safe

    assert one_line("x\u2028") == "x\\u2028" != one_line("x")
    assert terminal_safe("a\u2029b\u061cc") == "a\\u2029b\\u061cc"
    data = {
        "claims": [
            {"id": "x", "text": "X", "kind": "position"},
            {"id": "x\u2028", "text": "Y", "kind": "position"},
        ],
        "relations": [{"type": "attack", "source": "x\u2028", "target": "x"}],
    }
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["score", str(path)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert any(" x\\u2028 " in row for row in rows)  # two ids, two names
    assert [p for _, p, _ in found(data)] == ["claims[1].id"]


# ------------------------------------------------------------ invisible characters
INVISIBLE = [
    "\u200b",  # zero-width space
    "\u200c",  # zero-width non-joiner
    "\u200d",  # zero-width joiner
    "\u2060",  # word joiner
    "\ufeff",  # zero-width no-break space (a BOM inside text)
    "\u00ad",  # soft hyphen
    "\u3164",  # Hangul filler
    "\u115f",  # Hangul choseong filler
    "\u1160",  # Hangul jungseong filler
    "\U000e0041",  # tag latin capital letter A
    "\ufe0f",  # variation selector 16
]


@pytest.mark.parametrize("ch", INVISIBLE)
def test_an_invisible_character_in_an_id_is_escaped_and_reported(
    ch: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two ids that differ only by an invisible character print apart, in check's
    messages and in score's table, and S013 names the one that holds it."""
    from arggraph.cli import main
    from arggraph.text import identifier, one_line

    escaped = f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}"
    if ord(ch) < 0x100:
        escaped = f"\\x{ord(ch):02x}"
    assert identifier(f"x{ch}y") == f"x{escaped}y"
    data = {
        "claims": [
            {"id": "xy", "text": "X", "kind": "position"},
            {"id": f"x{ch}y", "text": "Y", "kind": "position"},
        ],
        "relations": [{"type": "attack", "source": f"x{ch}y", "target": "xy"}],
    }
    assert found(data) == [
        (
            (f"x{ch}y",),
            "claims[1].id",
            f"claim 'x{escaped}y': its id holds an invisible character ({escaped} at character 2)",
        )
    ]
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["score", str(path)]) == 0
    out = capsys.readouterr().out
    if ch not in "\u200c\u200d\ufe0f":  # (texts keep these where they show: see below)
        assert f"x{escaped}y" in out
        assert one_line(f"x{ch}y") == f"x{escaped}y"
    assert main(["check", str(path), "--select", "S013"]) == 0  # a warning
    out = capsys.readouterr().out
    assert f"S013 warning [x{escaped}y] claim 'x{escaped}y'" in out


def test_a_trailing_no_break_space_in_an_id_is_shown_not_folded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from arggraph.cli import main
    from arggraph.text import identifier, one_line

    assert one_line("x\u00a0") == identifier("x\u00a0") == "x\\xa0" != one_line("x")
    assert one_line("10\u00a0km") == "10\u00a0km"  # inside a text it stays a space
    assert identifier("a\u00a0b") == "a\\xa0b"
    data = {
        "claims": [
            {"id": "x", "text": "X", "kind": "position"},
            {"id": "x\u00a0", "text": "Y\u00a0words", "kind": "position"},
        ],
        "relations": [{"type": "attack", "source": "x\u00a0", "target": "x"}],
    }
    assert found(data) == [
        (
            ("x\u00a0",),
            "claims[1].id",
            "claim 'x\\xa0': its id holds a blank other than the space (\\xa0 at character 2)",
        )
    ]
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["score", str(path)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert any(" x\\xa0 " in row for row in rows)
    assert main(["show", str(path)]) == 0
    assert "[x\\xa0]" in capsys.readouterr().out


EMOJI = [
    "\U0001f469\u200d\U0001f680",  # woman astronaut
    "\U0001f3f3\ufe0f\u200d\U0001f308",  # rainbow flag
    "\u2764\ufe0f",  # red heart, emoji presentation
    "1\ufe0f\u20e3",  # keycap one
    "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",  # England
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian, with a ZWNJ
    "\u0915\u094d\u200d\u0937",  # Devanagari, with a ZWJ
]


@pytest.mark.parametrize("text", EMOJI)
def test_emoji_sequences_stay_readable_in_texts_but_not_in_ids(text: str) -> None:
    from arggraph.text import identifier, terminal_safe

    assert terminal_safe(text) == text
    assert identifier(text) != text
    data = {"claims": [{"id": "c", "text": f"Said {text} today", "kind": "position"}]}
    assert found(data) == []
    data = {"claims": [{"id": f"c{text}", "text": "C", "kind": "position"}]}
    assert [p for _, p, _ in found(data)] == ["claims[0].id"]


def test_invisible_characters_outside_a_sequence_are_escaped_in_texts_and_reported() -> None:
    from arggraph.text import terminal_safe

    assert terminal_safe("a\u200db \u200cc d\ufe0f x\U000e0067") == (
        "a\\u200db \\u200cc d\\ufe0f x\\U000e0067"
    )
    data = {
        "actors": [{"id": "a", "name": "Ann\u3164", "kind": "analyst"}],
        "claims": [
            {"id": "p", "text": "Soft\u00adhyphen", "kind": "position"},
            {"id": "q", "text": "Zero\u200bwidth", "kind": "position"},
        ],
    }
    assert [(p, m.split(": ", 1)[1]) for _, p, m in found(data)] == [
        ("actors[0].name", "its name holds an invisible character (\\u3164 at character 4)"),
        ("claims[0].text", "its text holds an invisible character (\\xad at character 5)"),
        ("claims[1].text", "its text holds an invisible character (\\u200b at character 5)"),
    ]


def test_a_plain_graph_with_an_invisible_character_is_checked_from_its_columns() -> None:
    data = {
        "claims": [{"id": f"c{i}", "text": f"Claim {i}"} for i in range(20)],
        "relations": [{"type": "attack", "source": "c1", "target": "c0"}],
    }
    data["claims"][3]["id"] = "c3\u2800"  # braille blank: a blank in an id
    data["relations"][0]["source"] = "c3\u2800"
    assert [p for _, p, _ in found(data)] == ["claims[3].id"]


@given(
    st.text(alphabet=st.characters(blacklist_characters="\\")),
    st.text(alphabet=st.characters(blacklist_characters="\\")),
)
def test_ids_that_differ_print_differently(a: str, b: str) -> None:
    """Escapes start with a backslash and have a fixed length, so for ids with no
    backslash the printed form is one-to-one; and it holds nothing that would be
    escaped again."""
    from arggraph.text import control_character, identifier

    assume(a != b)
    assert identifier(a) != identifier(b)
    assert control_character(identifier(a), ident=True) is None
