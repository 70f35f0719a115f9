"""Rule P016: an attribution's illocution that is no IAT name (it commits no one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from arggraph import check, loads
from arggraph.checks.registry import RULES
from arggraph.cli import main
from arggraph.illocutions import ILLOCUTIONS

FIXTURE = Path(__file__).parent / "fixtures" / "bridge.json"
QUOTE = '"quote": "cracking was found in piers 2 and 3"'


def with_illocution(name: str) -> str:
    text = FIXTURE.read_text(encoding="utf-8")
    assert QUOTE in text
    return text.replace(QUOTE, f'{QUOTE}, "illocution": "{name}"')


def test_the_rule_is_a_provenance_warning() -> None:
    rule = RULES["P016"]
    expected = ("unknown-illocution", "warning", "provenance")
    assert (rule.name, rule.severity, rule.family) == expected


def test_an_unknown_illocution_is_named_with_the_nearest_iat_name() -> None:
    (f,) = check(loads(with_illocution("Asertng"), strict=False), select=["P016"])
    assert f.message == (
        "the attribution of claim 'cracks' to 'engineer' has illocution 'Asertng', which is "
        "no IAT name: it commits the actor to nothing"
    )
    assert (f.ids, f.path, f.hint) == (
        ("cracks", "engineer"),
        "claims[2].attributions[0].illocution",
        "did you mean 'Asserting'?",
    )


def test_a_name_far_from_every_iat_name_has_no_guess() -> None:
    (f,) = check(loads(with_illocution("Zzzzzz"), strict=False), select=["P016"])
    assert f.hint is None


@pytest.mark.parametrize("name", [i.name for i in ILLOCUTIONS] + ["PureQuestioning", "asserting"])
def test_every_iat_name_passes_however_spaced_or_cased(name: str) -> None:
    assert check(loads(with_illocution(name), strict=False), select=["P016"]) == []


def test_check_reports_it_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "g.json"
    path.write_text(with_illocution("Shouting"), encoding="utf-8")
    assert main(["check", "--no-config", str(path), "--fail-on", "warning"]) == 1
    out = capsys.readouterr().out
    assert f"{path}: P016 warning [cracks, engineer] " in out
    assert f"    at {path}:22 claims[2].attributions[0].illocution\n" in out
