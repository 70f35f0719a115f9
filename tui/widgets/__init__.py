"""The main screen's widgets: verdict bar, mode line and breadcrumbs, debate tree, claim
detail with its Why panel and lever chart. Each takes its state from the screen (as
attributes) and reports the user's choices as messages."""

from __future__ import annotations

__all__: list[str] = []
