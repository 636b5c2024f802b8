"""The practice history: one SQLite file in the data folder. Knows nothing of the TUI.

The record models load on first use: listing the history and its stats need neither
pydantic nor the grader."""

from __future__ import annotations

from typing import TYPE_CHECKING

from interviewcoach.store.errors import (
    HistoryError,
    HistoryReadFailed,
    HistoryTooNew,
    HistoryUnreadable,
    HistoryWriteFailed,
)
from interviewcoach.store.history import HistoryStore, open_history

if TYPE_CHECKING:
    from interviewcoach.store.records import (
        AttemptRecord,
        DraftRecord,
        ExportFile,
        ProbeExchange,
        SessionRecord,
    )

_RECORDS = ("AttemptRecord", "DraftRecord", "ExportFile", "ProbeExchange", "SessionRecord")

__all__ = [
    "HistoryError",
    "HistoryReadFailed",
    "HistoryStore",
    "HistoryTooNew",
    "HistoryUnreadable",
    "HistoryWriteFailed",
    "open_history",
    # Loaded on first use, by __getattr__ below.
    "AttemptRecord",
    "DraftRecord",
    "ExportFile",
    "ProbeExchange",
    "SessionRecord",
]


def __getattr__(name: str):
    if name in _RECORDS:
        from interviewcoach.store import records

        return getattr(records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
