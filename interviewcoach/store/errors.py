"""What can go wrong with the history file, each with a message a user can act on."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class HistoryError(Exception):
    """A problem with the history database; `str()` is the message to show."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(message)


class HistoryUnreadable(HistoryError):
    """The file is not a SQLite database, or is damaged. It is never deleted: the user
    may move it aside (kept, renamed with a timestamp) and start a new history."""


class HistoryTooNew(HistoryError):
    """The file was written by a newer interviewcoach with a schema this one does not know."""


class HistoryReadFailed(HistoryError):
    """The history could not be read just now (another interviewcoach kept it busy, an
    I/O error); the file itself is not damaged."""


class HistoryWriteFailed(HistoryError):
    """Nothing was written (read-only file, full disk...). `unsaved` holds what was to be
    saved, so the caller can keep it in memory or export it elsewhere."""

    def __init__(self, path: Path, message: str, unsaved: Any = None) -> None:
        super().__init__(path, message)
        self.unsaved = unsaved
