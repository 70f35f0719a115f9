"""Each command imports what it needs only: checked in a fresh interpreter, whose
``sys.modules`` after the command says what it loaded. And the command line's start-up
choices: a command given by name builds its own parser only (its help exactly as the
whole parser's), and OpenBLAS gets one thread unless the user chose."""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from _support import BAKHMUT, FIXTURES

from arggraph.cli import BLAS_THREADS, COMMANDS, PLUGINS, build_parser, main, package_version

PROBE = """
import json, os, runpy, sys
watched = json.loads(sys.argv[2])
sys.argv = ["arggraph", *json.loads(sys.argv[1])]
try:
    runpy.run_module("arggraph", run_name="__main__")
except SystemExit as exit:
    code = exit.code
sys.stderr.write(json.dumps([code, [m for m in watched if m in sys.modules],
                             os.environ.get("OPENBLAS_NUM_THREADS")]) + "\\n")
"""

#: What a small command must not load: the libraries, the metadata of the installed
#: packages (the version is arggraph's own constant), other commands' modules.
HEAVY = ("numpy", "scipy", "pydantic", "textual", "rich", "networkx", "importlib.metadata")
OTHER_COMMANDS = tuple(f"arggraph.cli.{module}" for module in COMMANDS.values())


def probe(*args: str, env: dict[str, str] | None = None) -> tuple[set[str], str | None]:
    """What ``python -m arggraph ARGS`` (which must succeed) imported of :data:`HEAVY`
    and the commands' modules, and the OpenBLAS threads it left in its environment."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(args)), json.dumps(HEAVY + OTHER_COMMANDS)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    code, modules, threads = json.loads(done.stderr.strip().splitlines()[-1])
    assert code in (0, None), done.stderr
    return set(modules), threads


def loaded(*args: str) -> set[str]:
    return probe(*args)[0]


def _own(command: str) -> str:
    return f"arggraph.cli.{COMMANDS[command]}"


@pytest.mark.slow
def test_version_loads_no_library() -> None:
    assert loaded("--version") == set()


@pytest.mark.slow
def test_rules_loads_no_library_and_no_other_command() -> None:
    assert loaded("rules") == {_own("rules")}
    assert loaded("rules", "--format", "json") == {_own("rules")}


@pytest.mark.slow
def test_schema_prints_the_shipped_file_without_pydantic() -> None:
    assert loaded("schema") == {_own("schema")}
    assert loaded("schema", "scores") == {_own("schema")}


@pytest.mark.slow
def test_show_and_score_on_a_small_graph_need_no_scipy() -> None:
    small = loaded("show", str(FIXTURES / "bypass.json"))
    assert not small & {"scipy", "textual", "networkx", "rich"}
    assert small & set(OTHER_COMMANDS) == {_own("show")}
    shown = loaded("show", str(BAKHMUT))  # (attributions: read by the models)
    assert not shown & {"numpy", "scipy", "textual", "networkx", "rich"}
    scored = loaded("score", str(BAKHMUT))
    assert not scored & {"scipy", "textual", "networkx", "rich"}
    assert scored & set(OTHER_COMMANDS) == {_own("score")}


@pytest.mark.slow
def test_a_plugin_s_command_is_registered_alone() -> None:
    assert not loaded("tui", "--help") & set(OTHER_COMMANDS)


@pytest.mark.slow
def test_a_plain_file_is_scored_and_shown_without_pydantic(tmp_path: Path) -> None:
    """Its models are never asked for, so the models' module is never imported."""
    f = tmp_path / "plain.json"
    f.write_text(
        '{"claims": [{"id": "a", "text": "A", "kind": "position"},'
        ' {"id": "b", "text": "B", "base": 0.2}],'
        ' "relations": [{"type": "attack", "source": "b", "target": "a"}]}',
        encoding="utf-8",
    )
    scored = loaded("score", str(f), "--format", "json")  # (its header has the version)
    assert not scored & {"pydantic", "importlib.metadata"}
    assert "pydantic" not in loaded("extensions", str(f), "--format", "json")
    assert "pydantic" not in loaded("show", str(f))


# ------------------------------------------------------------- one parser, or all
def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_each_module_of_the_table_registers_its_command() -> None:
    for name in COMMANDS:
        assert list(_subparsers(build_parser(name))) == [name]
    assert list(_subparsers(build_parser()))[: len(COMMANDS)] == list(COMMANDS)


def test_a_command_parsed_alone_helps_and_parses_as_in_the_whole_parser() -> None:
    whole = _subparsers(build_parser())
    assert "tui" in whole  # the terminal UI's command, a plugin's
    assert list(_subparsers(build_parser("tui"))) == ["tui"]
    for name in [*COMMANDS, "tui"]:
        alone = _subparsers(build_parser(name))[name]
        assert alone.format_help() == whole[name].format_help()
        assert alone.format_usage() == whole[name].format_usage()
    top, whole_top = build_parser("score"), build_parser()
    assert top.format_usage() == whole_top.format_usage()
    args = top.parse_args(["score", "g.json", "--format", "json"])
    assert vars(args) == vars(whole_top.parse_args(["score", "g.json", "--format", "json"]))


def test_a_plugin_named_for_another_command_gets_the_whole_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An entry point named ``viewer`` that adds ``tui``: ``arggraph viewer`` is then
    parsed (and refused) by the whole parser, as before."""
    import importlib.metadata as metadata

    odd = metadata.EntryPoint(name="viewer", value="tui.command:register", group=PLUGINS)
    monkeypatch.setattr(metadata, "entry_points", lambda **_: metadata.EntryPoints([odd]))
    assert list(_subparsers(build_parser("viewer"))) == [*COMMANDS, "tui"]


def test_an_unknown_command_is_refused_with_every_command_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["scor", "g.json"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'scor'" in err
    assert all(repr(name) in err for name in [*COMMANDS, "tui"])


def test_version_among_other_arguments_is_argparse_s_own(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version", "show"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"arggraph {package_version()}\n"
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"arggraph {package_version()}\n"


# ------------------------------------------------------------------ BLAS threads
def _env(**given: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in BLAS_THREADS}
    return {**env, **given}


@pytest.mark.slow
def test_the_command_line_asks_openblas_for_one_thread_unless_the_user_chose() -> None:
    assert probe("--version", env=_env())[1] == "1"
    for name in BLAS_THREADS:
        assert probe("--version", env=_env(**{name: "2"}))[1] == (
            "2" if name == "OPENBLAS_NUM_THREADS" else None
        )


def _cyclic_graph(path: Path, n: int = 300, m: int = 700, seed: int = 5) -> Path:
    """A seeded graph of ``n`` claims and ``m`` random relations: one strongly connected
    component of some 200 claims, so ``explain``'s gradients take a dense solve."""
    rng = random.Random(seed)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < m:
        s, t = rng.randrange(n), rng.randrange(n)
        if s != t:
            pairs.add((s, t))
    claims = [{"id": f"c{i}", "text": f"C{i}", "base": round(rng.random(), 3)} for i in range(n)]
    relations = [
        {
            "type": rng.choice(["attack", "support"]),
            "source": f"c{s}",
            "target": f"c{t}",
            "weight": round(rng.uniform(0.1, 0.5), 2),
        }
        for s, t in sorted(pairs)
    ]
    path.write_text(json.dumps({"id": "cyc", "claims": claims, "relations": relations}))
    return path


@pytest.mark.slow
def test_the_number_of_blas_threads_changes_no_score(tmp_path: Path) -> None:
    """Scores, byte for byte, with one OpenBLAS thread and with two; ``explain`` too on
    the bundled debate. The gradients of a large cyclic component come from a dense
    solve, whose last bits depend on the number of threads (as they did on the number of
    cores): there they agree to 1e-15."""

    def out(env: dict[str, str], command: str, graph: Path, *args: str) -> bytes:
        cmd = [sys.executable, "-m", "arggraph", command, str(graph), *args, "--format", "json"]
        return subprocess.run(cmd, capture_output=True, check=True, env=env).stdout

    one, two = _env(), _env(OPENBLAS_NUM_THREADS="2")
    cyclic = _cyclic_graph(tmp_path / "cyclic.json")
    for graph in (BAKHMUT, cyclic):
        for semantics in ("dfquad", "qe", "euler"):
            args = ("score", graph, "--semantics", semantics)
            assert out(one, *args) == out(two, *args)
    assert out(one, "explain", BAKHMUT, "withdraw") == out(two, "explain", BAKHMUT, "withdraw")
    alone, pooled = (json.loads(out(env, "explain", cyclic, "c0")) for env in (one, two))
    assert alone["strength"] == pooled["strength"]
    gradients = [{c["claim"]: c["gradient"] for c in e["contributions"]} for e in (alone, pooled)]
    assert gradients[0] == pytest.approx(gradients[1], abs=1e-15)


def test_one_blas_thread_is_asked_before_numpy_loads_only() -> None:
    import numpy  # noqa: F401 - loaded, it has read its variables already

    from arggraph.cli import one_blas_thread

    env: dict[str, str] = {}
    assert one_blas_thread(env) is False and env == {}
