"""Saving graded attempts from the command line, and keeping them when saving fails."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from interviewcoach.grading import GradeResult
from interviewcoach.models import Level, Question, Rubric
from interviewcoach.store import AttemptRecord, ExportFile, HistoryError, SessionRecord, open_history


def attempt_for(
    result: GradeResult, answer: str, rubric: Rubric, question: Question | None,
    level: Level | None, session_uid: str,
) -> AttemptRecord:
    return AttemptRecord(
        session_uid=session_uid,
        question_id=question.id if question else None,
        question_text=question.prompt if question else "",
        category=str(question.category) if question else None,
        level=str(level) if level else None,
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        answer=answer,
        result=result,
        time_limit_s=question.time_limit_s if question else None,
    )


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


def keep_unsaved(export: ExportFile) -> str:
    """Write what could not be saved to a file the user can `interviewcoach import` later:
    the working directory first, then the temporary folder. Returns what to tell them."""
    payload = export.model_dump_json(indent=2)
    name = f"interviewcoach-unsaved-{datetime.now():%Y%m%dT%H%M%S}.json"
    for folder in (Path.cwd(), Path(tempfile.gettempdir())):
        target = folder / name
        try:
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                out.write(payload)
            return (
                f"Your graded answer is kept in {target}; bring it into your history later "
                f"with: interviewcoach import {target}"
            )
        except OSError:
            continue
    return "It could not be written to a file either; here it is, to copy somewhere safe:\n" + payload
