"""Saving graded attempts from the command line, and keeping them when saving fails."""

from __future__ import annotations

import sys

from interviewcoach.store import AttemptRecord, ExportFile, HistoryError, SessionRecord, open_history
from interviewcoach.store.unsaved import keep_unsaved


def save_attempts(attempts: list[AttemptRecord], setup: dict) -> int:
    """Save `attempts` as one session; returns 0, or 1 after keeping them in a file and
    saying so when the history cannot take them."""
    if not attempts:
        return 0
    session = SessionRecord(setup=setup, started_at=attempts[0].created_at)
    for attempt in attempts:
        attempt.session_uid = session.uid
    try:
        with open_history() as history:
            history.start_session(session)
            added = history.save_attempts(attempts)
            history.finish_session(session.uid)
    except HistoryError as error:
        print(f"interviewcoach: {error}", file=sys.stderr)
        print(keep_unsaved(ExportFile(sessions=[session], attempts=attempts)), file=sys.stderr)
        return 1
    noun = "attempt" if added == 1 else "attempts"
    print(f"Saved {added} {noun} to your history.", file=sys.stderr)
    return 0
