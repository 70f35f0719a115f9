"""The Argument Interchange Format (AIF) as AIFdb and OVA write it: import (here) and
export (:mod:`~arggraph.formats.aif_write`).

AIF is the lingua franca of argument corpora (AIFdb, QT30, US2016, the Moral Maze,
Araucaria, the microtexts) and of OVA, the analysis tool that made most of them. A
file is a set of ``nodes`` (``nodeID``, ``text``, ``type``) and ``edges``
(``fromID`` -> ``toID``), plus ``locutions`` tying utterances to speakers
(``personID``) and, in OVA's xAIF (top-level ``AIF`` key), ``participants``:

- **I** nodes are propositions: they become claims (the node id is the claim id).
- **RA** nodes (inference) become supports, **CA** nodes (conflict) attacks, from
  their premises to their conclusion: one relation per node, whose ``sources`` are
  the premises of a *linked* argument (several premises to one RA or CA) and whose
  target, where the conclusion is another RA or CA node, is that node's relation (a CA
  on an RA undercuts it, an RA on an RA backs it). **MA** nodes (rephrase) become
  supports noted as rephrases.
- **L** nodes are utterances (``"Speaker : what they said"``), tied to what they
  assert by **YA** nodes (illocutions) and to each other by **TA** nodes
  (transitions). An L -> YA -> I chain becomes an *attribution*: the speaker (from
  the participants, else from the L text) as actor, the words after the speaker as
  the quote, the locution's start as date, and the YA node's illocution (Asserting,
  Pure Questioning...) as its ``illocution``: whether it commits the speaker is the
  table of :mod:`arggraph.illocutions`. A TA -> YA -> RA/CA chain (someone *argues*)
  attributes the relation to the speaker of the TA's later utterance. In reported
  speech (L -> YA -> L) the reporter's attribution has the illocution ``Reporting``.
- An RA's or CA's argument scheme (``Argument From Expert Opinion``...) is the
  relation's ``scheme``; AIF's defaults (``Default Inference``...) are no scheme.
- Preference (PA) nodes are dropped and reported: arggraph has no preferences.
- The dialogue layer itself (TA nodes, YA nodes between locutions, analysts' copies
  of locutions, OVA's layout) is reported and dropped.

**Positions.** AIF has no node for the question under debate, nor for the answers to it
(arggraph's ``position`` kind), so the import marks them from the structure, as an
analyst would read it. A *top conclusion* is a claim that others argue for or against
and that argues for or against nothing.

- The top conclusions that someone asks about (an L -> YA -> I chain whose illocution is
  Pure Questioning, Assertive Questioning or Questioning: the host's question in a
  Question Time dialogue) are the positions: they are what the dialogue debates.
- Else a map with one top conclusion (one argument, as the microtexts' central claim or
  an Araucaria analysis) has that conclusion as its position, the thesis.
- Else no claim is a position: the several top conclusions of a dialogue (QT30, US2016,
  the Moral Maze) conclude separate arguments, not rival answers to one question;
  marking them would make ``check`` report a speaker who holds two of them as taking both
  sides (R003) and ``score`` give a verdict between them. The import says so, and
  ``check`` notes that the graph has no position (S008): give the answers you want to
  compare the kind ``position``.

A file arggraph exported keeps its kinds (the ``arggraph`` object below).

The export (:func:`to_aif`, in :mod:`~arggraph.formats.aif_write`) writes the same
shape (I, RA/CA/MA, L and YA nodes, locutions and participants, with each attribution's
illocution and each relation's scheme) so AIFdb and OVA tools can read it, plus one extra
top-level object, ``arggraph``, holding what AIF has no field for (claim kinds, base
scores, relation ids and weights, actors' and documents' details); other tools ignore it,
and the import reads it back, so ``arggraph -> aif -> arggraph`` loses nothing. An AIFdb
file imported, exported and imported again gives the same graph, and the export has as
many I, RA, CA and MA nodes, linked (multi-premise) S nodes and S-to-S edges as the file.

>>> from arggraph.model import Claim, GraphModel, Relation
>>> from arggraph.graph import Graph
>>> g = Graph(GraphModel(id="g", claims=[Claim(id="p", text="P", kind="position"),
...     Claim(id="q", text="Q")], relations=[Relation(type="attack", source="q", target="p")]))
>>> import json
>>> [n["type"] for n in json.loads(to_aif(g))["nodes"]]
['I', 'I', 'CA']
>>> back = from_aif(to_aif(g)).model
>>> [(c.id, c.kind) for c in back.claims], back.relations[0].type
([('p', 'position'), ('q', 'claim')], 'attack')

A linked argument and an undercut, as AIF draws them:

>>> aif = {"nodes": [{"nodeID": n, "text": n.upper(), "type": "I"} for n in "abcu"]
...     + [{"nodeID": "1", "text": "Default Inference", "type": "RA"},
...        {"nodeID": "2", "text": "Default Conflict", "type": "CA"}],
...     "edges": [{"fromID": f, "toID": t} for f, t in
...        [("a", "1"), ("b", "1"), ("1", "c"), ("u", "2"), ("2", "1")]]}
>>> m = from_aif(json.dumps(aif)).model
>>> [(r.id, r.type, r.premises, r.target) for r in m.relations]
[('ra1', 'support', ['a', 'b'], 'c'), ('ca2', 'attack', ['u'], 'ra1')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import is_valid_date
from ..illocutions import canonical
from ..model import FORMATS
from .aif_write import DEFAULT_SCHEMES as _DEFAULT_SCHEMES
from .aif_write import EXTRA_KEY, to_aif
from .imported import Ids, ImportResult, fail, model_from, slug
from .imported import graph_id as id_from_path
from .report import Report

#: The illocutions by which someone puts a claim up for debate (IAT): a top conclusion
#: asked about this way is a position (see *Positions* in the module's docstring).
_ASKING = frozenset({"Pure Questioning", "Assertive Questioning", "Questioning"})

__all__ = ["EXTRA_KEY", "from_aif", "speaker_and_words", "to_aif"]

_S_TYPES = {"RA": "support", "CA": "attack", "MA": "support"}
# Possessive white space (\s*+, [ \t]*+): giving it back to the name could not make a
# match but made the search take time cubic in a run of spaces.
_SPEAKER = re.compile(r"\s*+(?P<who>[^:\n]{1,80}?)[ \t]*+:(?: |(?=\S)|$)(?P<said>.*)", re.DOTALL)


def speaker_and_words(text: str) -> tuple[str | None, str]:
    """Split an L node's text, ``"Speaker : words"``, into speaker and words.

    >>> speaker_and_words("Alex Massie : looks to be a terrible mistake")
    ('Alex Massie', 'looks to be a terrible mistake')
    >>> speaker_and_words("Participant Rachel: A")
    ('Participant Rachel', 'A')
    >>> speaker_and_words("no speaker here")
    (None, 'no speaker here')
    """
    m = _SPEAKER.fullmatch(text)
    if m is None or not m.group("who").strip() or "http" in m.group("who"):
        return None, text
    return m.group("who").strip(), m.group("said")


# ====================================================================== import
@dataclass
class _Node:
    nid: str
    type: str
    text: str
    raw: dict[str, Any]
    ins: list[str] = field(default_factory=list)
    outs: list[str] = field(default_factory=list)


def _squash(name: str) -> str:
    return re.sub(r"[\s_-]+", "", name).lower()


def _read_scheme(node: _Node, fulfilled: str | None) -> tuple[str | None, dict[str, str]]:
    """An S node's argument scheme (``None`` for AIF's default inference, conflict or
    rephrase) and what ``meta`` keeps to write the node back as it was: the ``scheme``
    identifier where it differs from the name, the ``schemeID``, a text that is not
    the name, and (``fulfilled``) an OVA3 ``schemefulfillments`` id."""
    default, default_id = _DEFAULT_SCHEMES[node.type]
    plain = {"", node.type, default}
    raw = node.raw.get("scheme")
    key = raw.strip() if isinstance(raw, str) and raw.strip() not in plain else None
    text = node.text.strip() if node.text.strip() not in plain else None
    if key is not None and text is not None and _squash(key) != _squash(text):
        name: str | None = key  # a text that is not the scheme's name: kept below
    else:
        name = text or key
    kept: dict[str, str] = {}
    if key is not None and key != name:
        kept["scheme"] = key
    if name is not None and node.raw.get("schemeID") is not None:
        kept["schemeID"] = str(node.raw["schemeID"])
    elif fulfilled is not None and fulfilled != default_id:
        kept["schemeID"] = fulfilled
    if text is not None and text != name:
        kept["text"] = text
    return name, kept


def _parse_json(text: str, path: str | Path | None) -> Any:
    from ..errors import JSONSyntaxError
    from ..jsonio import parse_json

    try:
        return parse_json(text, path=path)
    except JSONSyntaxError as exc:
        message = exc.message.replace("malformed JSON: ", "not JSON: ", 1)
        raise fail(message, path, place=exc.place) from None


def _read_nodes(
    root: dict[str, Any], path: str | Path | None, prefix: str
) -> tuple[dict[str, _Node], list[tuple[str, str]]]:
    raw_nodes = root.get("nodes")
    raw_edges = root.get("edges")
    if not isinstance(raw_nodes, list) or not isinstance(raw_edges, list):
        raise fail(
            "expected an AIF object with 'nodes' and 'edges' lists (AIFdb, or OVA's "
            "xAIF with an 'AIF' object)",
            path,
            place=prefix.rstrip(".") or None,
        )
    nodes: dict[str, _Node] = {}
    for i, raw in enumerate(raw_nodes):
        place = f"{prefix}nodes[{i}]"
        if not isinstance(raw, dict):
            raise fail("expected a node object", path, place=place)
        nid = raw.get("nodeID")
        if not isinstance(nid, str | int) or isinstance(nid, bool) or str(nid) == "":
            raise fail("node without a nodeID (a string or a number)", path, place=place)
        kind = raw.get("type")
        if not isinstance(kind, str):
            raise fail(
                f"node {nid!r} has no type (I, RA, CA, MA, L, YA, TA...)",
                path,
                place=f"{place}.type",
            )
        text = raw.get("text", "")
        if not isinstance(text, str):
            raise fail(f"node {nid!r}: text must be a string", path, place=f"{place}.text")
        key = str(nid)
        if key in nodes:
            raise fail(f"two nodes have the id {key!r}", path, place=f"{place}.nodeID")
        nodes[key] = _Node(key, kind.strip().upper(), text, raw)
    edges: list[tuple[str, str]] = []
    for i, raw in enumerate(raw_edges):
        place = f"{prefix}edges[{i}]"
        if (
            not isinstance(raw, dict)
            or not isinstance(raw.get("fromID"), str | int)
            or not isinstance(raw.get("toID"), str | int)
        ):
            raise fail("expected an edge object with fromID and toID", path, place=place)
        edges.append((str(raw["fromID"]), str(raw["toID"])))
    return nodes, edges


class _Importer:
    def __init__(self, data: Any, path: str | Path | None, gid: str | None) -> None:
        self.path = path
        self.gid = gid
        self.report = Report()
        if not isinstance(data, dict):
            raise fail("expected a JSON object with AIF 'nodes' and 'edges'", path)
        if data.get("format") in FORMATS:
            raise fail(
                f"this is already an {data['format']} graph: use it directly, no import needed",
                path,
                place="format",
            )
        self.top = data
        self.root: dict[str, Any] = data
        prefix = ""
        if isinstance(data.get("AIF"), dict):
            self.root = data["AIF"]
            prefix = "AIF."
        self.nodes, edges = _read_nodes(self.root, path, prefix)
        missing = 0
        for a, b in edges:
            if a in self.nodes and b in self.nodes:
                self.nodes[a].outs.append(b)
                self.nodes[b].ins.append(a)
            else:
                missing += 1
        self.report.dropped("edge to a node that is not in the file", missing)
        extra = data.get(EXTRA_KEY)
        self.extra: dict[str, Any] = extra if isinstance(extra, dict) else {}
        self._participants()
        self._locutions()
        self.actors: dict[str, dict[str, Any]] = {}
        self.actor_ids = Ids()
        self.documents: dict[str, dict[str, Any]] = {}
        self.document_ids = Ids()

    # ------------------------------------------------------------------ people
    def _participants(self) -> None:
        self.people: dict[str, str] = {}
        raw = self.root.get("participants", self.top.get("participants"))
        for p in raw if isinstance(raw, list) else []:
            if not isinstance(p, dict) or p.get("participantID") is None:
                continue
            name = " ".join(str(p.get(k) or "").strip() for k in ("firstname", "surname"))
            name = " ".join(name.split())
            if name:
                self.people[str(p["participantID"])] = name

    def _locutions(self) -> None:
        self.locution: dict[str, dict[str, Any]] = {}
        raw = self.root.get("locutions", self.top.get("locutions"))
        for loc in raw if isinstance(raw, list) else []:
            if isinstance(loc, dict) and loc.get("nodeID") is not None:
                self.locution.setdefault(str(loc["nodeID"]), loc)

    def actor_for(self, name: str, person: str | None) -> str:
        for aid, known in self.actors.items():
            if known["name"] == name:
                return aid
        aid = self.actor_ids.new(slug(name) or "speaker")
        data: dict[str, Any] = {"id": aid, "name": name, "kind": "speaker"}
        if person is not None:
            data["meta"] = {"aif_person_id": person}
        self.actors[aid] = data
        return aid

    def document_for(self, source: str) -> str:
        for did, d in self.documents.items():
            if source in (d.get("url"), d.get("title")):
                return did
        did = self.document_ids.new(slug(source) or "source")
        doc: dict[str, Any] = {"id": did, "title": source}
        if source.startswith(("http://", "https://")):
            doc["url"] = source
        self.documents[did] = doc
        return did

    def _restore(self, kind: str, ident: str) -> bool:
        """Bring an actor or document back from the ``arggraph`` object, by id."""
        into = self.actors if kind == "actors" else self.documents
        if ident in into:
            return True
        saved = self.extra.get(kind)
        items = saved.values() if isinstance(saved, dict) else saved
        for item in items if isinstance(items, list | type({}.values())) else []:
            if isinstance(item, dict) and item.get("id") == ident:
                (self.actor_ids if kind == "actors" else self.document_ids).take(ident)
                into[ident] = dict(item)
                return True
        return False

    def attribution(self, l_id: str, illocution: str | None) -> dict[str, Any] | None:
        """The attribution an L node (or a node a locution points at) makes, with the
        illocution of the YA node that ties it to what it says."""
        node = self.nodes[l_id]
        loc = self.locution.get(l_id, {})
        person = str(loc["personID"]) if loc.get("personID") not in (None, "") else None
        who, said = speaker_and_words(node.text) if node.type == "L" else (None, "")
        saved = self.extra.get("locutions")
        saved = saved.get(l_id) if isinstance(saved, dict) else None
        # The arggraph object's attribution holds where the L node is as exported.
        if (
            isinstance(saved, dict)
            and saved.get("l_text") == node.text
            and isinstance(saved.get("actor"), str)
            and self._restore("actors", saved["actor"])
            and (
                not isinstance(saved.get("document"), str)
                or self._restore("documents", saved["document"])
            )
        ):
            return {k: v for k, v in saved.items() if k != "l_text"}
        name = self.people.get(person) if person is not None else None
        if name is None:
            name = who
        if name is None and person is not None:
            name = f"person {person}"
        if name is None:
            self.report.dropped("locution without a speaker", 1, "no attribution made")
            return None
        att: dict[str, Any] = {"actor": self.actor_for(name, person), "quote": said}
        start = loc.get("start")
        if isinstance(start, str) and is_valid_date(start[:10]):
            att["date"] = start[:10]
        source = loc.get("source")
        if isinstance(source, str) and source.strip():
            att["document"] = self.document_for(source.strip())
        if illocution:
            att["illocution"] = illocution
        return att

    # ------------------------------------------------------------------ build
    def run(self) -> ImportResult:
        nodes = self.nodes
        claims: dict[str, dict[str, Any]] = {}
        extra_claims = self.extra.get("claims", {})
        extra_claims = extra_claims if isinstance(extra_claims, dict) else {}
        claim_ids = Ids()
        claim_of: dict[str, str] = {}
        for nid, node in nodes.items():
            if node.type != "I":
                continue
            saved = extra_claims.get(nid) if isinstance(extra_claims.get(nid), dict) else None
            cid = claim_ids.new(str(saved["id"]) if saved and saved.get("id") else nid)
            claim_of[nid] = cid
            text = node.text
            if not text:
                text = f"(empty I node {nid})"
                self.report.kept(
                    "I node without text|I nodes without text", 1, "with a placeholder text"
                )
            claim: dict[str, Any] = {"id": cid, "text": text, "kind": "claim", "attributions": []}
            if saved:
                for key in ("kind", "base", "date", "reconstructed", "tags", "note", "meta"):
                    if key in saved:
                        claim[key] = saved[key]
            claims[cid] = claim
        relations, by_snode = self._relations(claim_of)
        self._attributions(claim_of, claims, relations, by_snode)
        self._dialogue()
        if not any(isinstance(extra_claims.get(n), dict) for n in claim_of):
            self._positions(claims, relations)
        graph = self.extra.get("graph") if isinstance(self.extra.get("graph"), dict) else {}
        assert isinstance(graph, dict)
        self._saved_order()
        payload: dict[str, Any] = {
            "id": self.gid or graph.get("id") or id_from_path(self.path),
            "title": graph.get("title", Path(self.path).name if self.path else ""),
            "question": graph.get("question", ""),
            "actors": list(self.actors.values()),
            "documents": list(self.documents.values()),
            "claims": list(claims.values()),
            "relations": [r for r in relations if not r.pop("_drop", False)],
        }
        if graph.get("description"):
            payload["description"] = graph["description"]
        meta = dict(graph.get("meta") or {}) if isinstance(graph.get("meta"), dict) else {}
        if not self.extra:
            meta.setdefault("imported_from", "aif")
        if isinstance(self.top.get("text"), str) and self.top["text"].strip():
            meta.setdefault("aif_text", self.top["text"])
            self.report.kept("OVA source text", 1, "in the graph's meta (aif_text)")
        if isinstance(self.top.get("OVA"), dict):
            self.report.dropped("OVA layout", 1, "node positions on OVA's canvas")
        if meta:
            payload["meta"] = meta
        return ImportResult(model_from(payload, self.path), self.report)

    def _relations(
        self, claim_of: dict[str, str]
    ) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
        """One relation per S node (RA, CA, MA) and conclusion: from its I-node premises
        (``sources`` when there are several: a linked argument), to its conclusion, an I
        node's claim or, where the conclusion is another S node, that node's relation (an
        undercut or a backing). S nodes without a premise or a conclusion, and those aimed
        at such a node, are dropped and reported."""
        saved_all = self.extra.get("relations", {})
        saved_all = saved_all if isinstance(saved_all, dict) else {}
        schemes = {
            str(s.get("nodeID")): str(s.get("schemeID"))
            for s in self.root.get("schemefulfillments", []) or []
            if isinstance(s, dict)
        }
        # Pass 1: each usable S node's premises, conclusions and relation ids, so that a
        # relation aimed at an S node written later in the file finds its id.
        plans: dict[str, tuple[list[str], list[tuple[str, str]]]] = {}
        rel_ids = Ids()
        for sid, node in self.nodes.items():
            if node.type not in _S_TYPES:
                if node.type == "PA":
                    self.report.dropped(
                        "PA (preference) node|PA (preference) nodes",
                        1,
                        "arggraph has no preferences",
                    )
                continue
            premises = [p for p in node.ins if p in claim_of]
            ends = [c for c in node.outs if c in claim_of or self.nodes[c].type in _S_TYPES]
            if not premises or not ends:
                self.report.dropped(
                    f"{node.type} node without premise or conclusion|"
                    f"{node.type} nodes without premise or conclusion",
                    1,
                    example=sid,
                )
                continue
            saved = saved_all.get(sid) if isinstance(saved_all.get(sid), list) else []
            assert isinstance(saved, list)
            planned = []
            for end in ends:
                keep = _saved_entry(saved, end, premises, len(ends))
                wanted = str(keep["id"]) if keep and keep.get("id") else f"{node.type.lower()}{sid}"
                planned.append((end, rel_ids.new(wanted)))
            plans[sid] = (premises, planned)
        # An S node aimed at an S node that makes no relation makes none either.
        while True:
            gone = [
                sid
                for sid, (_, planned) in plans.items()
                if any(end not in claim_of and end not in plans for end, _ in planned)
            ]
            if not gone:
                break
            for sid in gone:
                self.report.dropped(
                    "S node aimed at an S node that is dropped|S nodes aimed at S nodes that "
                    "are dropped",
                    1,
                    example=sid,
                )
                del plans[sid]
        relations: list[dict[str, Any]] = []
        by_snode: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for sid, (premise_nodes, planned) in plans.items():
            node = self.nodes[sid]
            premises = [claim_of[p] for p in premise_nodes]
            scheme, kept = _read_scheme(node, schemes.get(sid))
            aif: dict[str, Any] = {"node": sid, "type": node.type, **kept}
            saved = saved_all.get(sid) if isinstance(saved_all.get(sid), list) else []
            assert isinstance(saved, list)
            for end, rid in planned:
                keep = _saved_entry(saved, end, premise_nodes, len(planned))
                target = claim_of[end] if end in claim_of else plans[end][1][0][1]
                rel: dict[str, Any] = {"id": rid, "type": _S_TYPES[node.type]}
                if len(premises) > 1:
                    rel["sources"] = premises
                else:
                    rel["source"] = premises[0]
                rel["target"] = target
                rel["attributions"] = []
                meta = dict(keep.get("meta") or {}) if keep else {}
                if not keep or node.type == "MA":
                    meta["aif"] = {**aif, **(meta.get("aif") or {})}
                if meta:
                    rel["meta"] = meta
                if keep:
                    for key in ("weight", "scheme", "note"):
                        if key in keep:
                            rel[key] = keep[key]
                elif scheme is not None:
                    rel["scheme"] = scheme
                if node.type == "MA" and not rel.get("note"):
                    rel["note"] = "rephrase (an AIF MA node): the source restates the target"
                relations.append(rel)
                by_snode[sid].append(rel)
            if node.type == "MA":
                self.report.kept(
                    "MA (rephrase) node|MA (rephrase) nodes", 1, "as supports, marked in meta"
                )
        return relations, by_snode

    def _attributions(
        self,
        claim_of: dict[str, str],
        claims: dict[str, dict[str, Any]],
        relations: list[dict[str, Any]],
        by_snode: dict[str, list[dict[str, Any]]],
    ) -> None:
        done: set[tuple[int, str]] = set()  # (item, locution) pairs already attributed

        def add(targets: list[dict[str, Any]], l_id: str, illocution: str | None) -> None:
            att = None
            for item in targets:
                if (id(item), l_id) in done:
                    continue
                done.add((id(item), l_id))
                att = att if att is not None else self.attribution(l_id, illocution)
                if att is None:
                    return
                item["attributions"].append(dict(att))

        def targets_of(nid: str) -> list[dict[str, Any]]:
            if nid in claim_of:
                return [claims[claim_of[nid]]]
            return by_snode.get(nid, [])

        used_l: set[str] = set()
        self.used_ya: set[str] = set()
        for ya in self.nodes.values():
            if ya.type != "YA":
                continue
            said = str(ya.text or ya.raw.get("scheme") or "").strip()
            illocution = canonical(said) if said else None
            for target in ya.outs:
                items = targets_of(target)
                if not items:
                    continue
                self.used_ya.add(ya.nid)
                for source in ya.ins:
                    src = self.nodes[source]
                    if src.type == "L":
                        add(items, source, illocution)
                        used_l.add(source)
                        for reporter, via in self._reporters(source):
                            add(items, reporter, "Reporting")
                            used_l.add(reporter)
                            self.used_ya.add(via)
                    elif src.type == "TA":
                        for later in src.outs:
                            if self.nodes[later].type == "L":
                                add(items, later, illocution)
                                used_l.add(later)
        # Locutions that point straight at I or S nodes (Araucaria, no L nodes).
        for nid in self.locution:
            if nid in self.nodes and self.nodes[nid].type != "L":
                add(targets_of(nid), nid, None)
        unused = [n for n, node in self.nodes.items() if node.type == "L" and n not in used_l]
        self.report.dropped(
            "L node (locution) that asserts no proposition|"
            "L nodes (locutions) that assert no proposition",
            len(unused),
            "analysts' copies, questions and reported layers",
        )

    def _saved_order(self) -> None:
        """Actors and documents the ``arggraph`` object lists, all of them, in its order
        (even those no attribution names), then any the import added."""
        for kind in ("actors", "documents"):
            saved = self.extra.get(kind)
            items = list(saved.values()) if isinstance(saved, dict) else saved
            if not isinstance(items, list):
                continue
            into = self.actors if kind == "actors" else self.documents
            ordered: dict[str, dict[str, Any]] = {}
            for item in items:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    ordered[item["id"]] = into.get(item["id"], dict(item))
            for key, value in into.items():
                ordered.setdefault(key, value)
            into.clear()
            into.update(ordered)

    def _reporters(self, l_id: str) -> list[tuple[str, str]]:
        """L nodes that report this one (L -> YA -> L: reported speech), each with the
        YA node between them; analysts' layers (YA "Analysing") are not speech."""
        out = []
        for ya in self.nodes[l_id].ins:
            node = self.nodes[ya]
            if node.type == "YA" and str(node.raw.get("scheme") or node.text) != "Analysing":
                out += [(s, ya) for s in node.ins if self.nodes[s].type == "L"]
        return out

    def _dialogue(self) -> None:
        counts: dict[str, int] = defaultdict(int)
        for node in self.nodes.values():
            if node.type in ("TA", "YA"):
                counts[node.type] += 1
            elif node.type not in ("I", "L", "PA", *_S_TYPES):
                counts[node.type] += 1
        if counts.get("TA"):
            self.report.dropped(
                "TA (transition) node|TA (transition) nodes",
                counts.pop("TA"),
                "the order of the dialogue",
            )
        unused_ya = counts.pop("YA", 0) - len(self.used_ya)
        self.report.dropped(
            "YA (illocution) node|YA (illocution) nodes",
            unused_ya,
            "between locutions or on transitions: the dialogue's moves",
        )
        for kind, n in sorted(counts.items()):
            self.report.dropped(
                f"{kind} node|{kind} nodes", n, "a node type arggraph does not read"
            )

    def _positions(
        self, claims: dict[str, dict[str, Any]], relations: list[dict[str, Any]]
    ) -> None:
        """Mark the positions by the module's rule (see *Positions* there): the top
        conclusions someone asks about, else a map's only top conclusion, else none."""
        sources = {p for r in relations for p in r.get("sources", [r.get("source")])}
        targets = {r["target"] for r in relations}
        tops = [cid for cid in claims if cid in targets and cid not in sources]
        asked = [
            cid
            for cid in tops
            if any(a.get("illocution") in _ASKING for a in claims[cid]["attributions"])
        ]
        marked = asked or (tops if len(tops) == 1 else [])
        for cid in marked:
            claims[cid]["kind"] = "position"
        n = len(marked)
        if asked:
            self.report.note(
                f"marked {n} claim{'s' if n > 1 else ''} that someone asks about and that "
                f"others argue for or against as position{'s' if n > 1 else ''}"
            )
        elif marked:
            self.report.note(
                "marked the map's one top conclusion (argued for or against, arguing for "
                "or against nothing) as its position"
            )
        elif len(tops) > 1:
            self.report.note(
                f"marked no position: the {len(tops)} top conclusions (argued for or "
                "against, arguing for or against nothing) are not said to answer one "
                'question; give the positions you compare kind "position" (c in '
                "arggraph tui)"
            )


def _saved_entry(
    saved: list[Any], end: str, premises: list[str], ends: int
) -> dict[str, Any] | None:
    """What the ``arggraph`` object keeps of the relation an S node makes towards the
    node ``end``: the entry naming that ``target_node``; in files older exports wrote
    (one entry per premise, ``source_node``), the entry of a node's only premise."""
    for entry in saved:
        if isinstance(entry, dict) and str(entry.get("target_node")) == end:
            return entry
    if len(premises) == 1 and ends == 1:
        for entry in saved:
            if (
                isinstance(entry, dict)
                and "target_node" not in entry
                and str(entry.get("source_node")) == premises[0]
            ):
                return entry
    return None


def from_aif(
    text: str, *, path: str | Path | None = None, graph_id: str | None = None
) -> ImportResult:
    """A graph from AIF JSON (AIFdb's export, or OVA's xAIF with a top-level ``AIF``)."""
    return _Importer(_parse_json(text, path), path, graph_id).run()
