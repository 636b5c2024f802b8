"""Opening the history file: permissions, pragmas, migrations, and telling a damaged
file from a busy or full one."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewcoach import locations
from interviewcoach.store.errors import (
    HistoryReadFailed,
    HistoryTooNew,
    HistoryUnreadable,
    HistoryWriteFailed,
)
from interviewcoach.store.schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from interviewcoach.final_grade import FinalGrade

BUSY_TIMEOUT_S = 10.0
"""How long a write waits for another interviewcoach (a peer's terminal) to finish."""

_DAMAGED = ("not a database", "malformed", "file is encrypted", "unsupported file format")


def is_damage(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return any(marker in text for marker in _DAMAGED)


def unreadable(path: Path, error: Exception) -> HistoryUnreadable:
    return HistoryUnreadable(
        path,
        f"{path} is not a readable interviewcoach history ({error}). It has not been "
        "changed. `interviewcoach history repair` moves it aside to a timestamped backup "
        "(nothing is deleted) and starts a new, empty history.",
    )


def _reason(error: Exception) -> str:
    text = str(error).lower()
    if "full" in text:
        return "the disk is full"
    if "readonly" in text or "read-only" in text or "permission" in text:
        return "the file or its folder is read-only"
    if "locked" in text or "busy" in text:
        return "another interviewcoach kept the history busy for too long"
    return str(error)


def write_failed(path: Path, error: Exception, unsaved: Any = None) -> HistoryWriteFailed:
    return HistoryWriteFailed(path, f"could not save to {path}: {_reason(error)}.", unsaved)


def read_failed(path: Path, error: Exception) -> HistoryReadFailed:
    return HistoryReadFailed(path, f"could not read {path}: {_reason(error)}.")


def connect(path: Path | None = None) -> tuple[Path, sqlite3.Connection]:
    """Open (creating if need be) the history database, up to date with the schema."""
    path = path or locations.history_path()
    locations.ensure_private_dir(path.parent)
    try:
        # Create the file readable by the user alone before SQLite opens it; SQLite
        # gives its -wal and -shm files the same permissions.
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
        os.chmod(path, 0o600)
    except OSError as error:
        if not path.exists():
            raise write_failed(path, error) from None
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as error:
        raise unreadable(path, error) from None
    try:
        connection.execute("PRAGMA journal_mode = WAL").fetchone()
        connection.execute("PRAGMA foreign_keys = ON")
        # A committed attempt must survive a killed process and a power cut alike.
        connection.execute("PRAGMA synchronous = FULL")
        _migrate(path, connection)
    except sqlite3.DatabaseError as error:
        connection.close()
        if is_damage(error):
            raise unreadable(path, error) from None
        raise write_failed(path, error) from None
    except BaseException:
        connection.close()
        raise
    return path, connection


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error: all of a write or none."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        # SQLite has already rolled back after some errors (a full disk): do not let a
        # second ROLLBACK hide the first error.
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    try:
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    """Split a migration into statements; triggers hold semicolons of their own."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def _migrate(path: Path, connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise HistoryTooNew(
            path,
            f"{path} was written by a newer interviewcoach (history schema {version}; this "
            f"version knows up to {SCHEMA_VERSION}). Upgrade interviewcoach to read it.",
        )
    while version < SCHEMA_VERSION:
        with transaction(connection):
            # Another process may have migrated while this one waited for the lock.
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version >= SCHEMA_VERSION:
                break
            for statement in _statements(MIGRATIONS[version]):
                connection.execute(statement)
            step = DATA_STEPS.get(version + 1)
            if step:
                step(connection)
            connection.execute(f"PRAGMA user_version = {version + 1}")
        version += 1


def _backfill_cues(connection: sqlite3.Connection) -> None:
    """Migration 2: per-cue rows and hit/miss columns from each attempt's stored grade."""
    rows = connection.execute("SELECT id, rubric_id, result, overrides FROM attempts").fetchall()
    for attempt_id, rubric_id, result_json, overrides_json in rows:
        cues = json.loads(result_json).get("cues", [])
        overrides = json.loads(overrides_json or "{}")
        hits: list[str] = []
        misses: list[str] = []
        for cue in cues:
            hit = bool(overrides.get(cue["id"], cue["hit"]))
            (hits if hit else misses).append(cue["id"])
            connection.execute(
                "INSERT INTO attempt_cues (attempt_id, rubric_id, cue_id, hit, strength) VALUES (?, ?, ?, ?, ?)",
                (attempt_id, rubric_id, cue["id"], int(hit), float(cue["strength"])),
            )
        connection.execute(
            "UPDATE attempts SET hits = ?, misses = ? WHERE id = ?",
            (",".join(hits), ",".join(misses), attempt_id),
        )


def insert_cue_rows(connection: sqlite3.Connection, attempt_id: int, rubric_id: str, final: FinalGrade) -> None:
    """One row per cue of an attempt, hit as its final grade says; the triggers keep the
    per-cue totals that `stats` reads."""
    connection.executemany(
        "INSERT INTO attempt_cues (attempt_id, rubric_id, cue_id, hit, strength) VALUES (?, ?, ?, ?, ?)",
        [(attempt_id, rubric_id, cue.id, int(final.is_hit(cue.id)), cue.strength) for cue in final.cues],
    )


def _backfill_final_grades(connection: sqlite3.Connection) -> None:
    """Migration 3: attempts with probe replies or interviewer calls store their final
    grade in every column (score, verdict, hits, misses, recovered) and per-cue row.
    Before, the verdict was the answer's own even when replies raised the score."""
    from interviewcoach.final_grade import final_grade
    from interviewcoach.grading.result import GradeResult

    rows = connection.execute(
        "SELECT id, rubric_id, result, probes, overrides FROM attempts "
        "WHERE probes NOT IN ('', '[]') OR overrides NOT IN ('', '{}')"
    ).fetchall()
    for attempt_id, rubric_id, result_json, probes_json, overrides_json in rows:
        result = GradeResult.from_dict(json.loads(result_json))
        replies = [GradeResult.from_dict(p["result"]) for p in json.loads(probes_json or "[]") if p.get("result")]
        final = final_grade(result, replies, json.loads(overrides_json or "{}"))
        connection.execute(
            "UPDATE attempts SET score = ?, verdict = ?, hits = ?, misses = ?, recovered = ?, "
            "final_score = ? WHERE id = ?",
            (
                final.score,
                final.verdict,
                ",".join(final.hits),
                ",".join(final.misses),
                ",".join(final.recovered),
                final.score,
                attempt_id,
            ),
        )
        # Deleted and added again, so the triggers move the per-cue totals too.
        connection.execute("DELETE FROM attempt_cues WHERE attempt_id = ?", (attempt_id,))
        insert_cue_rows(connection, attempt_id, rubric_id, final)


DATA_STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {2: _backfill_cues, 3: _backfill_final_grades}
"""Python steps that run inside a migration's transaction, after its SQL."""


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename a damaged history (and its -wal and -shm files) to a timestamped backup
    beside it. Nothing is deleted. Returns the backup's path."""
    stamp = (now or datetime.now()).strftime("%Y%m%dT%H%M%S")
    backup = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while backup.exists():
        backup = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    for suffix in ("-wal", "-shm"):
        sibling = path.with_name(path.name + suffix)
        if sibling.exists():
            sibling.rename(backup.with_name(backup.name + suffix))
    path.rename(backup)
    return backup
