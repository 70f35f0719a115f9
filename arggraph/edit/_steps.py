"""The primitive steps every edit is made of, and applying them.

A step changes one thing in a :class:`~arggraph.model.GraphModel`: it inserts an item
into a section, deletes one, replaces one by its new version, or sets one of the graph's
own fields. Applying a step never changes the model it is given: it returns a new model
(sharing every item it did not touch) and the step that undoes it, so snapshots of the
graph taken before stay as they were, and an edit's inverse is known exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..model import FORMAT_1_1, Actor, Claim, Document, GraphModel, Relation, new_parts

Section = Literal["claims", "relations", "actors", "documents"]
Item = Claim | Relation | Actor | Document
#: The graph's own fields an edit may set.
GraphField = Literal["title", "question", "description", "format"]


@dataclass(frozen=True)
class Insert:
    """Put ``item`` into ``section`` at ``index`` (``None``: at the end)."""

    section: Section
    item: Item
    index: int | None = None


@dataclass(frozen=True)
class Delete:
    """Take the item with id ``ident`` out of ``section``."""

    section: Section
    ident: str


@dataclass(frozen=True)
class Replace:
    """Put ``item`` in the place of the item of ``section`` with id ``ident`` (``None``:
    the same id as ``item``'s; another id renames it where it stands)."""

    section: Section
    item: Item
    ident: str | None = None


@dataclass(frozen=True)
class SetField:
    """Set one of the graph's own fields (``None``: absent)."""

    name: GraphField
    value: str | None


Step = Insert | Delete | Replace | SetField


def _find(items: list[Item], ident: str, section: str) -> int:
    for i, item in enumerate(items):
        if item.id == ident:
            return i
    raise KeyError(f"{section}: no item with id {ident!r}")  # a bug of the edit's builder


def apply_step(model: GraphModel, step: Step) -> tuple[GraphModel, Step]:
    """``model`` with ``step`` done, and the step that undoes it.

    Raises :class:`KeyError` when the step names an item the model lacks (the builders
    in :mod:`arggraph.edit` check first, so this is a fault of theirs)."""
    if isinstance(step, SetField):
        old = getattr(model, step.name)
        return model.model_copy(update={step.name: step.value}), SetField(step.name, old)
    items: list[Item] = list(getattr(model, step.section))
    inverse: Step
    if isinstance(step, Insert):
        at = len(items) if step.index is None else step.index
        items.insert(at, step.item)
        inverse = Delete(step.section, step.item.id)
    elif isinstance(step, Delete):
        at = _find(items, step.ident, step.section)
        inverse = Insert(step.section, items.pop(at), at)
    else:
        old = step.item.id if step.ident is None else step.ident
        at = _find(items, old, step.section)
        inverse = Replace(step.section, items[at], None if old == step.item.id else step.item.id)
        items[at] = step.item
    return model.model_copy(update={step.section: items}), inverse


def apply_steps(
    model: GraphModel, steps: tuple[Step, ...], declared: str
) -> tuple[GraphModel, tuple[Step, ...]]:
    """``model`` with every step done in order, and the steps that undo them all (the
    inverses in reverse order).

    The result says the format it needs: ``arggraph/1.1`` once it uses a part of it,
    else ``declared`` (the format the graph had when it was loaded), so a graph that
    stops using ``arggraph/1.1`` goes back to what it was, and undoing every edit gives
    back the model it started from."""
    inverses: list[Step] = []
    for step in steps:
        model, inverse = apply_step(model, step)
        inverses.append(inverse)
    wanted = FORMAT_1_1 if declared == FORMAT_1_1 or new_parts(model) else declared
    if model.format != wanted:
        model, inverse = apply_step(model, SetField("format", wanted))
        inverses.append(inverse)
    return model, tuple(reversed(inverses))
