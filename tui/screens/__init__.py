"""The screens: the main one, the help, the pickers (actor lens, timeline), search,
results lists (extensions, check findings), export, small dialogs, and the error screen
shown when a graph cannot be opened."""

from __future__ import annotations

__all__: list[str] = []
