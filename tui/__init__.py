"""The arggraph terminal UI: walk a debate, score its arguments, watch the verdict move.

This package stands on :mod:`arggraph` and is never imported by it. It is kept free of
imports so that ``arggraph --help`` (which loads :mod:`tui.command` through its entry
point) does not pay for Textual; the app is :class:`tui.app.ArggraphApp`, made by
:func:`tui.factory.create_app`.
"""

from __future__ import annotations

__all__: list[str] = []
