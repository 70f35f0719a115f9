"""AIF export: the graph as AIFdb and OVA write AIF, plus the ``arggraph`` object.

Each claim is an I node; each relation an RA (support), CA (attack) or MA (a support an
AIF import noted as a rephrase) node with an edge from each of its premises (linked
premises: several edges into one node) and one to its conclusion, an I node or, for a
relation aimed at a relation (an undercut or a backing), that relation's S node; the
relation's argument scheme is the node's text and ``scheme`` (AIF's default inference,
conflict or rephrase when it has none). Each attribution is an L node (``"Speaker :
quote"``) tied by a YA node, named by its illocution (``Asserting`` for a claim,
``Arguing``, ``Disagreeing`` or ``Restating`` for a relation when it names none), with
its locution (speaker, date, source) and the participants. What AIF has no field for
rides in the top-level ``arggraph`` object, which :func:`~arggraph.formats.aif.from_aif`
reads back.
"""

from __future__ import annotations

import json
from typing import Any

from ..graph import Graph
from ..io import needed_format
from ..model import Attribution, Relation
from .report import Report

__all__ = ["DEFAULT_SCHEMES", "EXTRA_KEY", "to_aif"]

#: The top-level key of the object that carries what AIF has no field for.
EXTRA_KEY = "arggraph"

#: AIF's default scheme (name and AIFdb's id) of each S node type: no scheme at all.
DEFAULT_SCHEMES = {
    "RA": ("Default Inference", "72"),
    "CA": ("Default Conflict", "71"),
    "MA": ("Default Rephrase", "144"),
}

#: The illocution an S node's speaker performs when the attribution names none.
_ILLOCUTION_OF = {"RA": "Arguing", "CA": "Disagreeing", "MA": "Restating"}


def _scheme_of(s_type: str, scheme: str | None, aif: dict[str, Any]) -> tuple[str, str, str | None]:
    """An S node's text, ``scheme`` and ``schemeID``: the relation's scheme (with the
    identifiers an AIF import kept in ``meta``), else AIF's default for the node type.

    >>> _scheme_of("RA", None, {})
    ('Default Inference', 'Default Inference', '72')
    >>> _scheme_of("RA", "Argument From Authority", {"scheme": "ArgumentFromAuthority"})
    ('Argument From Authority', 'ArgumentFromAuthority', None)
    """
    default, default_id = DEFAULT_SCHEMES[s_type]
    saved_id = str(aif["schemeID"]) if aif.get("schemeID") is not None else None
    if scheme is None:
        return str(aif.get("text") or default), default, saved_id or default_id
    key = aif.get("scheme") if isinstance(aif.get("scheme"), str) else scheme
    return str(aif.get("text") or scheme), str(key), saved_id


def _aif_meta(rel: Relation) -> dict[str, Any]:
    """What an AIF import kept of a relation's S node (``meta["aif"]``), or ``{}``."""
    aif = rel.meta.get("aif") if isinstance(rel.meta, dict) else None
    return aif if isinstance(aif, dict) else {}


def _s_type(rel: Relation) -> str:
    """The S node a relation is: CA for an attack, MA for a support an AIF import
    noted as a rephrase, RA for any other support."""
    if rel.type == "attack":
        return "CA"
    return "MA" if _aif_meta(rel).get("type") == "MA" else "RA"


def _timestamp(date: str | None) -> str | None:
    return f"{date} 00:00:00" if date is not None and len(date) == 10 else None


def to_aif(graph: Graph, *, report: Report | None = None) -> str:
    """The graph as AIFdb-style JSON, with the ``arggraph`` object alongside."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    counter = iter(range(1, 10**12))

    def new_node(kind: str, text: str, **extra: Any) -> str:
        nid = str(next(counter))
        node: dict[str, Any] = {"nodeID": nid, "text": text, "type": kind}
        node.update({k: v for k, v in extra.items() if v is not None})
        nodes.append(node)
        return nid

    def link(a: str, b: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b, "formEdgeID": None})

    person = {aid: str(i) for i, aid in enumerate(graph.actors, start=1)}
    extra_claims: dict[str, Any] = {}
    extra_relations: dict[str, list[dict[str, Any]]] = {}
    extra_locutions: dict[str, Any] = {}

    def speak(att: Attribution, target: str, default: str) -> None:
        actor = graph.actors.get(att.actor)
        name = actor.name if actor is not None else att.actor
        l_text = f"{name} : {att.quote}"
        l_id = new_node("L", l_text)
        illocution = att.illocution or default
        ya = new_node("YA", illocution, scheme=illocution.replace(" ", ""))
        link(l_id, ya)
        link(ya, target)
        doc = graph.documents.get(att.document) if att.document else None
        locutions.append(
            {
                "nodeID": l_id,
                "personID": person.get(att.actor, att.actor),
                "timestamp": None,
                "start": _timestamp(att.date),
                "end": None,
                "source": (doc.url or doc.title) if doc is not None else None,
            }
        )
        extra_locutions[l_id] = {"l_text": l_text, **att.model_dump(mode="json", exclude_none=True)}

    i_node: dict[str, str] = {}
    for cid, claim in graph.claims.items():
        nid = new_node("I", claim.text, timestamp=_timestamp(claim.date))
        i_node[cid] = nid
        data = claim.model_dump(mode="json", exclude_none=True, exclude={"text", "attributions"})
        extra_claims[nid] = data
        for att in claim.attributions:
            speak(att, nid, "Asserting")

    # One S node per relation, from its premises' I nodes to its target's I or S node;
    # relations an AIF import made of one S node with several conclusions go back into it.
    groups: dict[tuple[str, ...], list[Relation]] = {}
    for rel in graph.relations.values():
        if not graph.is_usable(rel) or rel.target == rel.id:
            continue  # a missing end (kept by strict=False loading): nothing to draw
        s_type = _s_type(rel)
        aif = _aif_meta(rel)
        key: tuple[str, ...] = ("rel", rel.id)
        if aif.get("node") is not None:
            key = ("node", str(aif["node"]), s_type, *rel.premises)
        groups.setdefault(key, []).append(rel)
    s_of_relation: dict[str, str] = {}
    for rels in groups.values():
        first = rels[0]
        s_type = _s_type(first)
        text, scheme, scheme_id = _scheme_of(s_type, first.scheme, _aif_meta(first))
        sid = new_node(s_type, text, scheme=scheme, schemeID=scheme_id)
        for premise in first.premises:
            link(i_node[premise], sid)
        for rel in rels:
            s_of_relation[rel.id] = sid
    for rels in groups.values():
        sid = s_of_relation[rels[0].id]
        entries = []
        for rel in rels:
            end = i_node.get(rel.target) if rel.target in graph.claims else None
            end = end if end is not None else s_of_relation.get(rel.target)
            if end is None:
                continue  # aimed at a relation with a missing end, not drawn either
            link(sid, end)
            entries.append(
                {
                    "target_node": end,
                    **rel.model_dump(
                        mode="json",
                        exclude_none=True,
                        exclude={"attributions", "source", "sources", "target", "type"},
                    ),
                }
            )
        extra_relations[sid] = entries
        written: list[Attribution] = []
        for rel in rels:
            for att in rel.attributions:
                if len(rels) > 1 and att in written:
                    continue  # the conclusions of one S node share its speakers
                written.append(att)
                speak(att, sid, _ILLOCUTION_OF[_s_type(rels[0])])
    # Undercuts kept in meta by the AIF import of earlier versions go back as S nodes.
    for rel in graph.relations.values():
        if rel.id not in s_of_relation:
            continue
        for under in _aif_meta(rel).get("undercut_by", []) or []:
            if not isinstance(under, dict):
                continue
            premises = [i_node[p] for p in under.get("premises", []) if p in i_node]
            if not premises:
                continue
            u_type = "RA" if under.get("type") == "RA" else "CA"
            scheme, scheme_id = DEFAULT_SCHEMES[u_type]
            uid = new_node(u_type, scheme, scheme=scheme, schemeID=scheme_id)
            for p in premises:
                link(p, uid)
            link(uid, s_of_relation[rel.id])
    participants = []
    for aid, pid in person.items():
        given, _, last = graph.actors[aid].name.partition(" ")
        participants.append({"participantID": pid, "firstname": given, "surname": last})
    m = graph.model
    extra = {
        "format": needed_format(m),
        "graph": m.model_dump(
            mode="json",
            exclude_none=True,
            by_alias=False,
            include={"id", "title", "question", "description", "meta"},
        ),
        "actors": {person[a.id]: a.model_dump(mode="json", exclude_none=True) for a in m.actors},
        "documents": [d.model_dump(mode="json", exclude_none=True) for d in m.documents],
        "claims": extra_claims,
        "relations": extra_relations,
        "locutions": extra_locutions,
    }
    payload = {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": participants,
        EXTRA_KEY: extra,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
