"""A small graph for every rule that trips it: ``arggraph rules CODE`` shows it with the
finding it gives, and the tests hold every rule to its example, so the documentation
cannot drift from what the rules do.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..graph import Graph
from ..io import loads
from .finding import Finding
from .registry import RULES
from .runner import check

__all__ = ["EXAMPLES", "Example"]


@dataclass(frozen=True)
class Example:
    """A graph (as JSON data) and, for the rules that read documents, their texts.

    ``passing`` is the same case put right, which the rule finds nothing in (the tests
    hold it to that, and ``arggraph rules CODE`` shows it beside the one that trips it).
    """

    graph: dict[str, Any]
    documents: dict[str, str] = field(default_factory=dict)
    passing: Example | None = None

    def load(self) -> Graph:
        """The example as a graph (integrity problems kept, not raised)."""
        import json

        return loads(json.dumps(self.graph), path="example.json", strict=False)

    def findings(self, code: str) -> list[Finding]:
        """What rule ``code`` finds in the example (its documents in a temporary folder)."""
        graph = self.load()
        if not self.documents and not RULES[code].needs_documents:
            return check(graph, select=[code])
        with tempfile.TemporaryDirectory() as folder:
            for name, text in self.documents.items():
                (Path(folder) / name).write_text(text, encoding="utf-8")
            return check(graph, documents=folder, select=[code])

    def text(self) -> str:
        """The example graph as JSON, one item a line.

        >>> print(EXAMPLES["S003"].text())
        {
          "format": "arggraph/1",
          "id": "example",
          "claims": [
            {"id": "withdraw", "text": "Ukraine should withdraw from Bakhmut", "kind": "position"},
            {"id": "costs", "text": "The defence costs too many lives", "attributions": []}
          ],
          "relations": [
            {"type": "support", "source": "costs", "target": "costs"}
          ]
        }
        """
        import json

        lines = ["{"]
        entries = list(self.graph.items())
        for n, (key, value) in enumerate(entries):
            comma = "," if n < len(entries) - 1 else ""
            if isinstance(value, list):
                lines.append(f"  {json.dumps(key)}: [")
                lines += [
                    f"    {json.dumps(item, ensure_ascii=False)}{',' if i < len(value) - 1 else ''}"
                    for i, item in enumerate(value)
                ]
                lines.append(f"  ]{comma}")
            else:
                lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
        lines.append("}")
        return "\n".join(lines)


def _g(**sections: Any) -> dict[str, Any]:
    return {"format": "arggraph/1", "id": "example", **sections}


def _g11(**sections: Any) -> dict[str, Any]:
    return {"format": "arggraph/1.1", "id": "example", **sections}


def _pos(ident: str, text: str) -> dict[str, Any]:
    return {"id": ident, "text": text, "kind": "position"}


def _claim(ident: str, text: str, *attributions: dict[str, Any]) -> dict[str, Any]:
    return {"id": ident, "text": text, "attributions": list(attributions)}


def _att(
    actor: str,
    document: str | None = "doc",
    quote: str = "as quoted",
    date: str | None = "2023-03-06",
) -> dict[str, Any]:
    out: dict[str, Any] = {"actor": actor, "quote": quote}
    if document is not None:
        out["document"] = document
    if date is not None:
        out["date"] = date
    return out


def _rel(type_: str, source: str, target: str, ident: str | None = None) -> dict[str, Any]:
    out = {"type": type_, "source": source, "target": target}
    if ident is not None:
        out["id"] = ident
    return out


_WITHDRAW = _pos("withdraw", "Ukraine should withdraw from Bakhmut")
_HOLD = _pos("hold", "Ukraine should keep holding Bakhmut")
_ISW = {"id": "isw", "name": "Institute for the Study of War", "kind": "think-tank"}
_DOC = {"id": "doc", "title": "A report", "published": "2023-03-06"}


def _said_as(illocution: str) -> dict[str, Any]:
    """P016's example: the ISW's claim that supports withdrawing, said as ``illocution``."""
    costs = _claim(
        "costs", "The defence costs too many lives", {**_att("isw"), "illocution": illocution}
    )
    support = {**_rel("support", "costs", "withdraw"), "attributions": [_att("isw")]}
    return _g(actors=[_ISW], documents=[_DOC], claims=[_WITHDRAW, costs], relations=[support])


_P013_GRAPH = _g11(
    actors=[_ISW],
    documents=[
        {
            **_DOC,
            "file": "report.txt",
            # the SHA-256 of "The defence costs too many lives.\n", the text quoted
            "sha256": "3674269929729d62111072ef51804b294e4c3aedba2c61c24fd908edd2af5d2b",
            "accessed": "2023-03-07",
        }
    ],
    claims=[
        _claim(
            "costs",
            "The defence costs too many lives",
            _att("isw", quote="The defence costs too many lives"),
        )
    ],
)

EXAMPLES: dict[str, Example] = {
    "S001": Example(
        _g(
            claims=[_WITHDRAW, _claim("costs", "The defence costs too many lives")],
            relations=[_rel("support", "costs", "withdrawl")],
        ),
        passing=Example(
            _g(
                claims=[_WITHDRAW, _claim("costs", "The defence costs too many lives")],
                relations=[_rel("support", "costs", "withdraw")],
            )
        ),
    ),
    "S002": Example(
        _g(
            claims=[
                _WITHDRAW,
                _claim("costs", "The defence costs too many lives"),
                _claim("costs", "The defence ties down Russian forces"),
            ]
        )
    ),
    "S003": Example(
        _g(
            claims=[_WITHDRAW, _claim("costs", "The defence costs too many lives")],
            relations=[_rel("support", "costs", "costs")],
        )
    ),
    "S004": Example(
        _g(
            claims=[_WITHDRAW, _claim("costs", "The defence costs too many lives")],
            relations=[_rel("support", "costs", "withdraw"), _rel("attack", "withdraw", "costs")],
        )
    ),
    "S005": Example(
        _g(
            claims=[
                _WITHDRAW,
                _claim("a", "Bakhmut is lost"),
                _claim("b", "Holding Bakhmut is futile"),
            ],
            relations=[
                _rel("support", "a", "b"),
                _rel("support", "b", "a"),
                _rel("support", "b", "withdraw"),
            ],
        )
    ),
    "S006": Example(_g(claims=[_WITHDRAW, _claim("weather", "The spring thaw came late")])),
    "S007": Example(
        _g(
            claims=[_WITHDRAW, _HOLD, _claim("symbolic", "Bakhmut has symbolic value")],
            relations=[
                _rel("attack", "withdraw", "hold"),
                _rel("attack", "hold", "withdraw"),
                _rel("support", "symbolic", "hold"),
            ],
        )
    ),
    "S008": Example(
        _g(
            claims=[_claim("a", "Argument a"), _claim("b", "Argument b")],
            relations=[_rel("attack", "a", "b")],
        )
    ),
    "S009": Example(
        _g(
            claims=[_WITHDRAW, _claim("costs", "The defence costs too many lives")],
            relations=[
                _rel("support", "costs", "withdraw", "r1"),
                _rel("support", "costs", "withdraw", "r2"),
            ],
        )
    ),
    "S010": Example(
        _g(
            claims=[
                _WITHDRAW,
                _claim("a", "Bakhmut has symbolic value."),
                _claim("b", "Bakhmut has  symbolic value."),
            ],
            relations=[_rel("attack", "a", "withdraw"), _rel("attack", "b", "withdraw")],
        )
    ),
    "S011": Example(
        _g11(
            claims=[_WITHDRAW, _claim("costs", "The defence costs too many lives")],
            relations=[{"type": "support", "sources": ["costs"], "target": "withdraw"}],
        ),
        passing=Example(
            _g11(
                claims=[_WITHDRAW, _claim("costs", "The defence costs too many lives")],
                relations=[_rel("support", "costs", "withdraw")],
            )
        ),
    ),
    "S013": Example(
        _g(
            claims=[
                _WITHDRAW,
                _claim("costs", "The defence costs too many lives\x1b[8m, say officials"),
            ],
            relations=[_rel("support", "costs", "withdraw")],
        ),
        passing=Example(
            _g(
                claims=[_WITHDRAW, _claim("costs", "The defence costs too many lives")],
                relations=[_rel("support", "costs", "withdraw")],
            )
        ),
    ),
    "S012": Example(
        _g11(
            claims=[
                _WITHDRAW,
                _claim("costs", "The defence costs too many lives"),
                _claim("reserves", "Ukraine has reserves to spare"),
            ],
            relations=[
                {
                    "id": "r",
                    "type": "support",
                    "sources": ["costs", "reserves"],
                    "target": "withdraw",
                },
                _rel("attack", "reserves", "r"),
            ],
        ),
        passing=Example(
            _g11(
                claims=[
                    _WITHDRAW,
                    _claim("costs", "The defence costs too many lives"),
                    _claim("reserves", "Ukraine has reserves to spare"),
                    _claim("replaced", "Losses are replaced faster than they occur"),
                ],
                relations=[
                    {
                        "id": "r",
                        "type": "support",
                        "sources": ["costs", "reserves"],
                        "target": "withdraw",
                    },
                    _rel("attack", "replaced", "r"),
                ],
            )
        ),
    ),
    "P001": Example(
        _g(
            claims=[_WITHDRAW, _claim("costs", "The defence costs too many lives")],
            relations=[_rel("support", "costs", "withdraw")],
        )
    ),
    "P002": Example(
        _g(
            actors=[_ISW],
            documents=[_DOC],
            claims=[_WITHDRAW, _claim("costs", "The defence costs too many lives", _att("isw"))],
            relations=[_rel("support", "costs", "withdraw")],
        )
    ),
    "P003": Example(
        _g(
            actors=[_ISW],
            documents=[_DOC],
            claims=[_claim("costs", "The defence costs too many lives", _att("isw", quote=""))],
        )
    ),
    "P004": Example(
        _g(
            actors=[_ISW],
            documents=[{"id": "doc", "title": "An undated report"}],
            claims=[_claim("costs", "The defence costs too many lives", _att("isw", date=None))],
        )
    ),
    "P005": Example(
        _g(
            actors=[_ISW],
            claims=[
                _claim("costs", "The defence costs too many lives", _att("isw", document=None))
            ],
        )
    ),
    "P006": Example(
        _g(
            actors=[_ISW],
            documents=[{**_DOC, "file": "report.txt"}],
            claims=[
                _claim(
                    "smartest",
                    "Withdrawing may now be the smartest option",
                    _att("isw", quote="the smartest option for Kyiv is to withdraw"),
                )
            ],
        ),
        documents={
            "report.txt": "The think tank considered that the smartest option now "
            "for Kyiv may be to withdraw to positions that are easier to defend."
        },
    ),
    "P007": Example(
        _g(
            actors=[_ISW],
            documents=[_DOC],
            claims=[
                _claim("costs", "The defence costs too many lives", _att("isw", date="2023-04"))
            ],
        )
    ),
    "P008": Example(
        _g(
            actors=[_ISW],
            documents=[{**_DOC, "file": "report.txt"}],
            claims=[_claim("costs", "The defence costs too many lives", _att("isw"))],
        ),
        documents={"other.txt": "Another text."},
    ),
    "P009": Example(
        _g(
            actors=[_ISW],
            documents=[_DOC],
            claims=[_claim("costs", "The defence costs too many lives", _att("isw"))],
        ),
        documents={"other.txt": "Another text."},
    ),
    "P010": Example(
        _g(
            actors=[_ISW, {"id": "kofman", "name": "Michael Kofman", "kind": "analyst"}],
            documents=[_DOC],
            claims=[_claim("costs", "The defence costs too many lives", _att("isw"))],
        )
    ),
    "P011": Example(
        _g(
            actors=[_ISW],
            documents=[_DOC, {"id": "unread", "title": "A report nobody cites"}],
            claims=[_claim("costs", "The defence costs too many lives", _att("isw"))],
        )
    ),
    "P012": Example(
        _g(
            actors=[_ISW],
            documents=[_DOC],
            claims=[_claim("costs", "The defence costs too many lives", _att("isw"), _att("isw"))],
        )
    ),
    "P013": Example(
        _P013_GRAPH,
        documents={"report.txt": "The defence costs too many lives, the report says.\n"},
        passing=Example(
            _P013_GRAPH,
            documents={"report.txt": "The defence costs too many lives.\n"},
        ),
    ),
    "P015": Example(
        _g(
            actors=[
                _ISW,
                {"id": "kofman", "name": "Michael Kofman", "kind": "analyst"},
                {"id": "m-kofman", "name": "michael  Kofman", "kind": "analyst"},
            ],
            documents=[_DOC],
            claims=[
                _claim("costs", "The defence costs too many lives", _att("kofman")),
                _claim("ground", "Every metre is paid for in lives", _att("m-kofman")),
            ],
        ),
        passing=Example(
            _g(
                actors=[_ISW, {"id": "kofman", "name": "Michael Kofman", "kind": "analyst"}],
                documents=[_DOC],
                claims=[
                    _claim("costs", "The defence costs too many lives", _att("kofman")),
                    _claim("ground", "Every metre is paid for in lives", _att("kofman")),
                ],
            )
        ),
    ),
    "P016": Example(_said_as("Asertng"), passing=Example(_said_as("Asserting"))),
    "P014": Example(
        _g11(
            actors=[_ISW],
            documents=[_DOC],
            claims=[
                _WITHDRAW,
                {
                    **_claim("lives", "Soldiers' lives matter more than ground", _att("isw")),
                    "reconstructed": True,
                },
            ],
        ),
        passing=Example(
            _g11(
                actors=[_ISW],
                documents=[_DOC],
                claims=[
                    _WITHDRAW,
                    {
                        **_claim(
                            "lives",
                            "Soldiers' lives matter more than ground",
                            _att("isw", quote=""),
                        ),
                        "reconstructed": True,
                    },
                ],
            )
        ),
    ),
    "R001": Example(
        _g(
            actors=[_ISW],
            documents=[_DOC],
            claims=[
                _claim("sound", "Defending Bakhmut is strategically sound", _att("isw")),
                _claim("futile", "Defending Bakhmut is futile", _att("isw")),
            ],
            relations=[_rel("attack", "futile", "sound")],
        )
    ),
    "R002": Example(
        _g(
            actors=[_ISW],
            documents=[_DOC],
            claims=[
                _claim(
                    "sound",
                    "Defending Bakhmut is strategically sound",
                    _att("isw", date="2023-01-21"),
                ),
                _claim(
                    "smartest",
                    "Withdrawing may now be the smartest option",
                    _att("isw", date="2023-03-06"),
                ),
            ],
            relations=[_rel("attack", "smartest", "sound")],
        )
    ),
    "R003": Example(
        _g(
            actors=[_ISW],
            documents=[_DOC],
            claims=[
                {**_WITHDRAW, "attributions": [_att("isw")]},
                {**_HOLD, "attributions": [_att("isw")]},
            ],
            relations=[_rel("attack", "withdraw", "hold"), _rel("attack", "hold", "withdraw")],
        )
    ),
    "R004": Example(
        _g(
            claims=[
                _HOLD,
                _claim("lost", "Bakhmut is already lost"),
                _claim("roads", "Both supply roads are still open"),
            ],
            relations=[_rel("attack", "lost", "hold"), _rel("attack", "roads", "lost")],
        )
    ),
}
