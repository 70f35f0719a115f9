"""The arggraph terminal UI: walk a debate, score its arguments, watch the verdict move.

This package stands on :mod:`arggraph` and is never imported by it.
"""
