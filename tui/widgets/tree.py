"""The debate as a tree: question, positions, then what supports and attacks each claim.

Children are added only when a node is opened, so a 10k-claim graph opens at once.
A claim that already appears on the path above it (a cycle: the two positions attack
each other) is shown once more, marked ``↻``, and not expanded again. An argument from
linked premises is shown once under its conclusion, as its first premise with "+ N
linked premises" (the detail pane names them all); relations aimed at a relation are
counted in the detail pane of the link they aim at, not drawn in the tree.

The screen owns the :class:`~tui.state.Session` and hands a frozen
:class:`~tui.viewmodels.Snapshot` of it down (``tree.state``); the tree reads strengths
and the view from that and posts nothing of its own beyond Textual's ``Tree`` messages
and :class:`DebateTree.Follow`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode, UnknownNodeID

from arggraph.views import loose_tops

from ..render import (
    ACCENT,
    CYCLE_GLYPH,
    INFERENCE_GLYPH,
    LENS,
    POSITION_GLYPH,
    PREMISE_GLYPH,
    QUESTION_GLYPH,
    figure,
    fit,
    glyph,
    strength_style,
)
from ..viewmodels import Item, Key, Location, Snapshot

__all__ = ["DebateTree", "Node"]


#: How much of a claim's text a tree line shows (the detail pane shows all of it).
LABEL_WIDTH = 76


Node = TreeNode[Item]


class DebateTree(Tree[Item]):
    """The navigable debate tree."""

    ICON_NODE = "▸ "
    ICON_NODE_EXPANDED = "▾ "

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "follow", "follow", show=False, id="tree.follow"),
        Binding("j", "cursor_down", "Down", show=False, id="tree.down"),
        Binding("k", "cursor_up", "Up", show=False, id="tree.up"),
        Binding("left,h", "close_or_parent", "Close / up", show=False, id="tree.close"),
        Binding("right,l", "open_node", "Open", show=False, id="tree.open"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text(""), Item("question"), id=id)
        self.state: Snapshot | None = None
        self.guide_depth = 3
        self.auto_expand = False
        #: The nodes whose children are added, by node id. Textual numbers nodes afresh
        #: after a rebuild, so a late message about a node of the old tree may carry the
        #: id of a new one: a node counts as filled only if it is the very node stored.
        self._filled: dict[int, Node] = {}
        self._by_claim: dict[str, list[Node]] = {}
        #: Nodes whose line shows a relation's weight or value (arguments, inferences).
        self._by_relation: dict[str, list[Node]] = {}
        self._inferences: list[Node] = []
        self._loose: Node | None = None
        self._question = ""

    # ------------------------------------------------------------------ building
    def reopen(self) -> None:
        """Rebuild, open every position, and put the cursor on the first of them."""
        self.rebuild()
        for node in self.root.children:
            if node.data is not None and node.data.role == "position":
                self.open(node)
        self.place_cursor(self.root.children[0] if self.root.children else self.root)

    def rebuild(self) -> None:
        """Rebuild from the snapshot: the question, its positions, and the claims that
        bear on no position (after a change of view)."""
        snap = self.state
        assert snap is not None
        self.clear()
        self._filled = {self.root.id: self.root}
        self._by_claim = {}
        self._by_relation = {}
        self._inferences = []
        self._loose = None
        question = snap.graph.model.question or snap.graph.model.title or snap.graph.id
        self.root.data = Item("question")
        self._question = question
        self.root.set_label(self._question_label(question, self._room(self.root)))
        for pid in snap.positions:
            if self._shown_claim(pid):
                self._add(self.root, Item("position", pid, above=frozenset()))
        tops = loose_tops(snap.graph, snap.dated_view)
        if tops:
            if snap.positions:
                group = self.root.add(Text(""), Item("loose-group"), allow_expand=True)
                self._loose = group
                self._set_label(group)
            else:
                for cid in tops:
                    self._add(self.root, Item("loose", cid))
        self.root.expand()

    def _shown_claim(self, claim: str) -> bool:
        snap = self.state
        assert snap is not None
        return snap.dated(claim)

    def _add(self, parent: Node, item: Item) -> Node:
        snap = self.state
        assert snap is not None
        if item.role == "inference":
            has_children = not item.repeat
        else:
            assert item.claim is not None
            has_children = bool(snap.children.get(item.claim)) and not item.repeat
        node = parent.add(Text(""), item, allow_expand=has_children)
        if item.claim is not None:
            self._by_claim.setdefault(item.claim, []).append(node)
        if item.relation is not None and item.role != "premise":
            self._by_relation.setdefault(item.relation, []).append(node)
        if item.role == "inference":
            self._inferences.append(node)
        self._set_label(node)
        return node

    def fill(self, node: Node) -> None:
        """Add a node's children if they are not there yet."""
        if self._filled.get(node.id) is node or node.data is None:
            return
        self._filled[node.id] = node
        snap = self.state
        assert snap is not None
        item = node.data
        if item.role == "loose-group":
            for cid in loose_tops(snap.graph, snap.dated_view):
                self._add(node, Item("loose", cid))
            return
        for child in snap.child_items(item):
            self._add(node, child)

    def open(self, node: Node) -> None:
        """Fill and expand a node."""
        self.fill(node)
        if node.allow_expand and not node.is_expanded:
            node.expand()

    def _on_tree_node_expanded(self, event: Tree.NodeExpanded[Item]) -> None:
        try:
            current = self.get_node_by_id(event.node.id) is event.node
        except UnknownNodeID:
            current = False
        if current:  # not a node of a tree rebuilt since (its id is reused)
            self.fill(event.node)

    # ------------------------------------------------------------------ labels
    def _question_label(self, question: str, room: int) -> Text:
        out = Text(no_wrap=True)
        out.append(f"{QUESTION_GLYPH} ", style=f"bold {ACCENT}")
        out.append(fit(question, max(12, room - 2)), style="bold")
        return out

    def _room(self, node: Node | None) -> int:
        """Cells left for a node's line after its indentation and expand icon."""
        width = self.size.width - 1  # the vertical scrollbar
        if width <= 0:
            return LABEL_WIDTH + 12
        depth = 0
        here = node.parent if node is not None else None
        while here is not None:
            depth += 1
            here = here.parent
        return width - depth * self.guide_depth - len(self.ICON_NODE)

    def _set_label(self, node: Node) -> None:
        node.set_label(self.label_for(node.data, self._room(node)))

    def label_for(self, item: Item | None, room: int = LABEL_WIDTH + 12) -> Text:
        """The one-line label of a node from the snapshot's state, fitted into
        ``room`` cells."""
        snap = self.state
        assert snap is not None
        out = Text(no_wrap=True, overflow="ellipsis")
        if item is None or item.role == "question":
            return out
        if item.role == "loose-group":
            count = len(loose_tops(snap.graph, snap.dated_view))
            out.append("… ", style="dim")
            out.append(f"Claims that bear on no position ({count})", style="italic")
            return out
        if item.role == "inference":
            return self._inference_label(item, room)
        assert item.claim is not None
        claim = snap.graph.claims[item.claim]
        value = snap.strength(item.claim)
        highlight = snap.view.highlight
        lensed_out = bool(highlight) and item.claim not in highlight
        weight = None
        if item.role == "position":
            out.append(f"{POSITION_GLYPH} ", style=f"bold {ACCENT}")
        elif item.role == "premise":
            out.append(f"{PREMISE_GLYPH} ", style="bold")
        elif item.relation is not None:
            rel = snap.graph.relations[item.relation]
            out.append_text(glyph(rel.type))
            out.append(" ")
            weight = snap.weight(item.relation)
        else:
            out.append("· ", style="dim")
        out.append(figure(value), style=strength_style(value))
        out.append(" ")
        if weight is not None and weight != 1.0:
            out.append(f"×{weight:.2f} ", style="italic")
        if highlight and not lensed_out:
            out.append("● ", style=f"bold {LENS}")
        if item.repeat:
            out.append(f"{CYCLE_GLYPH} ", style="bold")
        text_style = "dim" if (lensed_out or item.repeat) else ""
        if item.role == "position":
            text_style = "bold"
        width = max(12, min(room - out.cell_len, 200))
        out.append(fit(claim.text, width), style=text_style)
        return out

    def _inference_label(self, item: Item, room: int) -> Text:
        """``+ ∴ 0.30 ×0.80 2 together · 1 undercut: A & B``: the relation's type, the
        strength it bears on its claim with, its weight when not 1, what bears on it and
        its premises."""
        snap = self.state
        assert snap is not None and item.relation is not None
        rel = snap.graph.relations[item.relation]
        out = Text(no_wrap=True, overflow="ellipsis")
        out.append_text(glyph(rel.type))
        out.append(f" {INFERENCE_GLYPH} ", style="bold")
        value = snap.inference(rel.id)
        out.append(figure(value), style=strength_style(value))
        out.append(" ")
        weight = snap.weight(rel.id)
        if weight != 1.0:
            out.append(f"×{weight:.2f} ", style="italic")
        if item.repeat:
            out.append(f"{CYCLE_GLYPH} ", style="bold")
        width = max(12, min(room - out.cell_len, 200))
        out.append(fit(snap.inference_line(rel), width), style="dim" if item.repeat else "")
        return out

    def on_resize(self) -> None:
        self.refresh_labels()

    def refresh_labels(self, claims: Iterable[str] | None = None) -> None:
        """Redraw the labels of the given claims' nodes (all nodes when None)."""
        if claims is None:
            if self.state is None:
                return
            self.root.set_label(self._question_label(self._question, self._room(self.root)))
            for nodes in self._by_claim.values():
                for node in nodes:
                    self._set_label(node)
            for node in self._inferences:
                self._set_label(node)
            if self._loose is not None:
                self._set_label(self._loose)
            return
        for cid in claims:
            for node in self._by_claim.get(cid, ()):
                self._set_label(node)
        for node in self._inferences:  # what an inference bears with moves with its claims
            self._set_label(node)

    def refresh_relation(self, relation: str) -> None:
        """Redraw the nodes that show ``relation`` (its weight is on their line)."""
        for node in self._by_relation.get(relation, ()):
            self._set_label(node)

    # ------------------------------------------------------------------ moving
    def nodes_of(self, claim: str) -> list[Node]:
        """The nodes created so far that show ``claim``."""
        return list(self._by_claim.get(claim, ()))

    def reveal(
        self,
        top: str | None,
        relations: Sequence[str],
        *,
        loose: bool = False,
        claim: str | None = None,
    ) -> Node | None:
        """Open the tree along a chain of relations and put the cursor on its end.

        ``top`` is the claim of a top-level node (a position, or a loose claim when
        ``loose``), or ``None`` for the question itself; ``relations`` the relation ids
        down from it, as :func:`arggraph.views.path_from_position` gives them (each bears
        on a premise of the one before, or on that relation itself), and ``claim`` the
        claim at the end (a premise of the last relation; its first premise if not
        given). Returns the node reached, or ``None`` when the path is not in the tree
        (the view hides part of it).
        """
        snap = self.state
        assert snap is not None
        keys: list[Key] = []
        for i, rid in enumerate(relations):
            rel = snap.graph.relations[rid]
            last = i + 1 == len(relations)
            if last:
                lands = claim or rel.premises[0]
            else:
                lands = snap.graph.relations[relations[i + 1]].target
            if snap.is_inference(rel):
                keys.append((rid, None))
                if lands != rid:  # on to a premise (else to what backs or undercuts it)
                    keys.append((rid, lands))
            else:
                keys.append((rid, lands))
        return self.go((top, tuple(keys), loose))

    def go(self, where: Location) -> Node | None:
        """Open the tree down to a place :meth:`location` gave and put the cursor there
        (``None`` when the view hides part of the way). A step that is now shown another
        way (an inference whose undercut the view left out is a plain argument again,
        and the other way round) is followed all the same."""
        top, keys, loose = where
        if top is None:
            self.place_cursor(self.root)
            return self.root
        parent: Node = self.root
        if loose and self._loose is not None:
            self.open(self._loose)
            parent = self._loose
        node = next(
            (n for n in parent.children if n.data is not None and n.data.claim == top), None
        )
        if node is None:
            return None
        for key in keys:
            here = node.data
            if here is not None and here.key == key:
                continue  # an inference shown as its premise now: already there
            found = self.child(node, key)
            if found is None:
                return None
            node = found
        self.place_cursor(node)
        return node

    def child(self, node: Node, key: Key) -> Node | None:
        """The child of ``node`` with ``key`` (opening ``node``), or the nearest stand-in
        (see :meth:`go`)."""
        self.open(node)
        relation, claim = key
        kids = [c for c in node.children if c.data is not None and c.data.relation == relation]
        exact = next((c for c in kids if c.data is not None and c.data.claim == claim), None)
        if exact is not None or not kids:
            return exact
        child = kids[0]
        if child.data is not None and child.data.role == "inference" and claim is not None:
            self.open(child)  # asked for the premise of what is an inference node now
            return next(
                (c for c in child.children if c.data is not None and c.data.key == key), None
            )
        return child  # asked for an inference node that is a plain argument now

    def place_cursor(self, node: Node) -> None:
        """Put the cursor on ``node`` now, even if it was added this very moment."""
        self._tree_lines  # noqa: B018 - builds the line index, so node.line is current
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)

    def location(self, node: Node | None) -> Location:
        """Where ``node`` is, as :meth:`go` takes it: (top claim, the keys of the nodes
        down from it, under the loose group?)."""
        if node is None or node.data is None or node.data.role == "question":
            return None, (), False
        keys: list[Key] = []
        here: Node | None = node
        while here is not None and here.data is not None and here.data.relation is not None:
            keys.append(here.data.key)
            here = here.parent
        if here is None or here.data is None or here.data.claim is None:
            return None, (), False
        keys.reverse()
        return here.data.claim, tuple(keys), here.data.role == "loose"

    class Follow(Message):
        """Enter on a node: the user wants it opened (a click only selects)."""

        def __init__(self, node: Node) -> None:
            self.node = node
            super().__init__()

    # ------------------------------------------------------------------ actions
    def action_follow(self) -> None:
        """Enter: ask the screen to open the claim under the cursor."""
        if self.cursor_node is not None:
            self.post_message(self.Follow(self.cursor_node))

    def action_open_node(self) -> None:
        """Open the node under the cursor, or step into its first child if open."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and not node.is_expanded:
            self.open(node)
        elif node.children:
            self.place_cursor(node.children[0])

    def action_close_or_parent(self) -> None:
        """Close the node under the cursor, or go to its parent if it is closed."""
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.allow_expand and node is not self.root:
            node.collapse()
        elif node.parent is not None:
            self.place_cursor(node.parent)
