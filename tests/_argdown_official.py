"""arggraph's reading of an Argdown file against the official parser's model of it.

``tests/argdown/model.mjs`` prints the model ``@argdown/core`` builds (statements,
arguments with their premise-conclusion structures, relations, errors); the golden files
beside the project's Argdown fixtures (``NAME.official.json``) hold it for each fixture,
and :func:`run_official` makes it afresh where node and the pinned package are installed.
:func:`official_view` and :func:`our_view` bring both to one shape, compared whole:

- elements: each titled statement, each untitled statement that takes part in a
  relation or a premise-conclusion structure (named by its text), and each argument
  without a premise-conclusion structure (arggraph's claims), with its text (white
  space folded; Argdown keeps ``#tags`` in the text, arggraph as tags only, so they are
  compared as tags; a text that only repeats the title counts as none), tags and
  section (optional: the real primer's headings use Argdown's shortcodes, ``:heart:``,
  which arggraph does not expand);
- relations: (type, from, to), support for Argdown's ``support``/``entails`` and attack
  for ``attack``/``contrary``/``undercut`` (a contradiction is an attack each way); an
  end that is an inference (what an undercut bears on), or an argument with a
  premise-conclusion structure (its main inference), is named by the argument and the
  place of the conclusion the inference leads to; the inferences themselves are
  arggraph's relations from premises to conclusions, compared as structures;
- structures: each argument with a premise-conclusion structure (an untitled one named by
  its statements' texts), its description, and its premises and conclusions in order;
- whether the file is refused.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _support import ROOT

from arggraph.errors import ImportFormatError
from arggraph.formats.argdown import from_argdown

TOOL = ROOT / "tests" / "argdown"
MODEL_SCRIPT = TOOL / "model.mjs"
INSTALLED = TOOL / "node_modules" / "@argdown" / "core" / "package.json"

Ref = tuple[str, str]
Element = tuple[str, str, str, tuple[str, ...], str | None]


@dataclass(frozen=True)
class View:
    """What both readings are compared on (see the module's docstring)."""

    elements: frozenset[Element]
    relations: frozenset[tuple[str, Ref, Ref]]
    structures: frozenset[tuple[Ref, str, tuple[tuple[str, Ref], ...]]]
    refused: bool


_TAG = re.compile(r"(?:(?<=\s)|^)#(\([^)]+\)|[\w\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+)")


def _fold(text: str | None) -> str:
    return " ".join((text or "").split())


def _untagged(text: str | None) -> str:
    return _fold(_TAG.sub("", text or ""))


def official_available() -> str | None:
    """Why the official parser cannot run here, or ``None`` when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not INSTALLED.exists():
        return f"@argdown/core is not installed: run `npm ci` in {TOOL}"
    return None


def run_official(*paths: Path) -> dict[str, Any]:
    """The official model of each file, keyed by its path as given."""
    out = subprocess.run(
        ["node", str(MODEL_SCRIPT), *(str(p.resolve()) for p in paths)],
        cwd=TOOL,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    models: dict[str, Any] = json.loads(out)
    return {str(p): models[str(p.resolve())] for p in paths}


_SUPPORT = {"support", "entails"}
_ATTACK = {"attack", "contrary", "undercut"}


def _text(text: str, title: str) -> str:
    return "" if text == title else text


def official_view(model: dict[str, Any], sections: bool = True) -> View:
    """The official model (one file's entry of :func:`run_official`) as a :class:`View`;
    ``sections=False`` leaves sections out. A refused file is compared on that alone."""
    if model["errors"]:
        return View(frozenset(), frozenset(), frozenset(), True)
    texts = {s["title"]: _untagged(s["text"]) for s in model["statements"]}
    untitled = {t for t in texts if t.startswith("Untitled ")}

    def statement(title: str) -> Ref:
        return ("statement", "≈" + texts[title] if title in untitled else title)

    arguments: dict[str, Ref] = {}
    last: dict[str, int] = {}
    for a in model["arguments"]:
        name = a["title"]
        if name.startswith("Untitled "):
            name = "≈" + " | ".join(texts[p["title"]] for p in a["pcs"])
        arguments[a["title"]] = ("argument", name)
        if a["pcs"]:
            last[a["title"]] = len(a["pcs"]) - 1

    def ref(member: dict[str, Any]) -> Ref:
        if member["kind"] == "statement":
            return statement(member["title"])
        name = arguments[member["title"]][1]
        if member["kind"] == "inference":
            return ("inference", f"{name} @{member['conclusion']}")
        if member["title"] in last:  # a reconstructed argument: its main inference
            return ("inference", f"{name} @{last[member['title']]}")
        return arguments[member["title"]]

    relations: set[tuple[str, Ref, Ref]] = set()
    for r in model["relations"]:
        a, b = ref(r["from"]), ref(r["to"])
        if r["type"] in _SUPPORT:
            relations.add(("support", a, b))
        elif r["type"] in _ATTACK:
            relations.add(("attack", a, b))
        else:  # contradictory
            relations |= {("attack", a, b), ("attack", b, a)}
    in_relation = {x for _, a, b in relations for x in (a, b)}
    in_pcs = {statement(p["title"]) for a in model["arguments"] for p in a["pcs"]}

    def section(value: str | None) -> str | None:
        return (_untagged(value) or None) if sections else None

    elements = {
        (
            *statement(s["title"]),
            _text(texts[s["title"]], s["title"]),
            tuple(sorted(s["tags"])),
            section(s["section"]),
        )
        for s in model["statements"]
        if s["title"] not in untitled or statement(s["title"]) in in_relation | in_pcs
    }
    elements |= {
        (
            *arguments[a["title"]],
            _text(_untagged(a["text"]), a["title"]),
            tuple(sorted(a["tags"])),
            section(a["section"]),
        )
        for a in model["arguments"]
        if not a["pcs"]
    }
    structures = {
        (
            arguments[a["title"]],
            _text(_untagged(a["text"]), a["title"]),
            tuple(
                ("premise" if p["role"] == "premise" else p["role"], statement(p["title"]))
                for p in a["pcs"]
            ),
        )
        for a in model["arguments"]
        if a["pcs"]
    }
    return View(frozenset(elements), frozenset(relations), frozenset(structures), False)


def our_view(text: str, sections: bool = True) -> View:
    """arggraph's reading of an Argdown text as a :class:`View` (``sections=False``
    leaves sections out)."""
    try:
        g = from_argdown(text).graph()
    except ImportFormatError:
        return View(frozenset(), frozenset(), frozenset(), True)
    refs: dict[str, Ref] = {}
    for c in g.claims.values():
        meta = (c.meta or {})["argdown"]
        title = meta.get("title")
        refs[c.id] = (meta["type"], "≈" + _fold(c.text) if title is None else title)
    elements = set()
    for c in g.claims.values():
        meta = (c.meta or {})["argdown"]
        kind, name = refs[c.id]
        text = _text(_fold(c.text), name)
        section = meta.get("section") if sections else None
        elements.add((kind, name, text, tuple(sorted(c.tags)), section))
    # Each premise-conclusion structure: its main inference holds it whole, and names the
    # argument; a step to an intermediary conclusion names the main inference.
    structures = set()
    argument_of: dict[str, Ref] = {}
    for r in g.relations.values():
        meta = (r.meta or {}).get("argdown", {})
        if "pcs" not in meta:
            continue
        entries = meta["pcs"]
        title = meta.get("argument")
        if title is None:
            title = "≈" + " | ".join(_fold(g.claims[e["claim"]].text) for e in entries)
        argument_of[r.id] = ("argument", title)
        roles = []
        for i, e in enumerate(entries):
            role = "premise"
            if e.get("conclusion"):
                role = "main-conclusion" if i == len(entries) - 1 else "intermediary-conclusion"
            roles.append((role, refs[e["claim"]]))
        structures.add((argument_of[r.id], _fold(r.note), tuple(roles)))
    inference: dict[str, Ref] = {}
    for r in g.relations.values():
        meta = (r.meta or {}).get("argdown", {})
        if meta.get("premise_conclusion"):
            main = meta.get("of", r.id)
            name = argument_of[main][1]
            inference[r.id] = ("inference", f"{name} @{meta['at']}")
    relations = {
        (r.type, refs[r.premises[0]], refs[r.target] if r.target in refs else inference[r.target])
        for r in g.relations.values()
        if not (r.meta or {}).get("argdown", {}).get("premise_conclusion")
    }
    return View(frozenset(elements), frozenset(relations), frozenset(structures), False)
