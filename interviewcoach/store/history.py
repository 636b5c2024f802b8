"""The history store: sessions, attempts and drafts, and the queries the history,
stats and export commands need. One connection, guarded by a lock, so the TUI's
worker threads may share it."""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from interviewcoach.store.database import (
    connect,
    insert_cue_rows,
    is_damage,
    read_failed,
    transaction,
    unreadable,
    write_failed,
)

if TYPE_CHECKING:  # loaded on first use: listing and stats need no pydantic
    from interviewcoach.store.records import AttemptRecord, DraftRecord, ExportFile, SessionRecord


@dataclass(frozen=True)
class AttemptSummary:
    """One row of `interviewcoach history`."""

    id: int
    created_at: datetime
    question_id: str | None
    question_text: str
    rubric_id: str
    score: int
    """The final grade's score, verdict, hits, misses and recovered cues, as stored."""
    verdict: str
    hits: list[str]
    misses: list[str]
    recovered: list[str] = field(default_factory=list)
    mode: str = "solo"
    """"peer" for an attempt in a mock interview (a session of mode peer; PEER_SESSIONS)."""
    session_uid: str | None = None


PEER_SESSIONS = "(SELECT id FROM sessions WHERE mode = 'peer')"
"""The sessions that were mock interviews: an attempt is "peer" when it belongs to one,
"solo" otherwise (or in no session, as `grade --save` leaves it). Every list and filter
of the history decides an attempt's mode by this, so `history --mode` and the history
screen never disagree."""


@dataclass(frozen=True)
class CueRate:
    rubric_id: str
    cue_id: str
    attempts: int
    hits: int

    @property
    def rate(self) -> float:
        return self.hits / self.attempts if self.attempts else 0.0


@dataclass(frozen=True)
class CueAgreement:
    """How often a peer interviewer's call on a cue agreed with the grader's."""

    rubric_id: str
    cue_id: str
    calls: int
    agreed: int

    @property
    def rate(self) -> float:
        return self.agreed / self.calls if self.calls else 0.0


@dataclass(frozen=True)
class HistoryStats:
    attempts: int
    average_score: float | None
    cues: list[CueRate] = field(default_factory=list)
    last_10_average: float | None = None
    previous_10_average: float | None = None
    weakest: list[CueRate] = field(default_factory=list)
    """Cues with at least MIN_ATTEMPTS_FOR_WEAKEST attempts, lowest hit rate first."""

    @property
    def trend(self) -> float | None:
        if self.last_10_average is None or self.previous_10_average is None:
            return None
        return self.last_10_average - self.previous_10_average


MIN_ATTEMPTS_FOR_WEAKEST = 3


def utc_text(moment: datetime) -> str:
    """Timestamps are stored as UTC ISO 8601 text, so that text order is time order.
    A time without a zone (from an imported file) is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


class HistoryStore:
    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection
        self._lock = threading.Lock()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    # --- writing -------------------------------------------------------------------------

    def _write(self, work, unsaved=None):
        """Run `work(connection)` in one transaction; a failure writes nothing and says why."""
        with self._lock:
            try:
                with transaction(self._connection) as connection:
                    return work(connection)
            except sqlite3.DatabaseError as error:
                if is_damage(error):
                    raise unreadable(self.path, error) from None
                raise write_failed(self.path, error, unsaved) from None

    def start_session(self, session: SessionRecord) -> SessionRecord:
        self._write(lambda c: self._insert_session(c, session), unsaved=session)
        return session

    @staticmethod
    def _insert_session(connection: sqlite3.Connection, session: SessionRecord) -> int:
        cursor = connection.execute(
            "INSERT INTO sessions (uid, started_at, ended_at, mode, candidate, interviewer, setup, score) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING",
            (
                session.uid,
                utc_text(session.started_at),
                utc_text(session.ended_at) if session.ended_at else None,
                session.mode,
                session.candidate,
                session.interviewer,
                json.dumps(session.setup),
                session.score,
            ),
        )
        if cursor.rowcount and cursor.lastrowid is not None:
            return cursor.lastrowid
        return int(connection.execute("SELECT id FROM sessions WHERE uid = ?", (session.uid,)).fetchone()[0])

    def finish_session(self, uid: str) -> float | None:
        """Mark a session ended and store its summary score (the mean attempt score)."""
        from interviewcoach.store.records import utc_now

        def work(connection):
            (score,) = connection.execute(
                "SELECT AVG(a.score) FROM attempts a JOIN sessions s ON a.session_id = s.id WHERE s.uid = ?",
                (uid,),
            ).fetchone()
            connection.execute(
                "UPDATE sessions SET ended_at = ?, score = ? WHERE uid = ?",
                (utc_text(utc_now()), score, uid),
            )
            return score

        return self._write(work)

    def save_attempt(self, attempt: AttemptRecord, draft_key: str | None = None) -> int:
        """Store a graded attempt (and drop its draft) in one transaction; returns its id.
        On failure nothing is written and HistoryWriteFailed carries the attempt."""

        def work(connection):
            attempt_id = self._insert_attempt(connection, attempt)
            if draft_key:
                connection.execute("DELETE FROM drafts WHERE key = ?", (draft_key,))
            return attempt_id

        return self._write(work, unsaved=attempt)

    def save_attempts(self, attempts: list[AttemptRecord]) -> int:
        """Store many attempts in one transaction (a graded batch); returns how many were new."""
        return self._write(
            lambda c: sum(1 for attempt in attempts if self._insert_attempt(c, attempt)),
            unsaved=attempts,
        )

    def _insert_attempt(self, connection: sqlite3.Connection, attempt: AttemptRecord) -> int | None:
        from interviewcoach.store.records import SessionRecord

        session_id = None
        if attempt.session_uid:
            row = connection.execute("SELECT id FROM sessions WHERE uid = ?", (attempt.session_uid,)).fetchone()
            session_id = (
                row[0]
                if row
                else self._insert_session(
                    # A mock's attempt makes a mock's session: the mode lives with the session.
                    connection,
                    SessionRecord(
                        uid=attempt.session_uid,
                        started_at=attempt.created_at,
                        mode="peer" if attempt.peer else "solo",
                    ),
                )
            )
        final = attempt.final
        cursor = connection.execute(
            "INSERT INTO attempts (uid, session_id, created_at, question_id, question_text, category, "
            "level, rubric_id, rubric_version, answer, probes, result, score, verdict, time_taken_s, "
            "time_limit_s, notes, overrides, ratings, hits, misses, recovered, final_score, peer, "
            "recommendation, story_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (uid) DO NOTHING",
            (
                attempt.uid,
                session_id,
                utc_text(attempt.created_at),
                attempt.question_id,
                attempt.question_text,
                attempt.category,
                attempt.level,
                attempt.rubric_id,
                attempt.rubric_version,
                attempt.answer,
                json.dumps([p.model_dump(mode="json") for p in attempt.probes]),
                attempt.result.to_json(),
                final.score,
                final.verdict,
                attempt.time_taken_s,
                attempt.time_limit_s,
                attempt.notes,
                json.dumps(attempt.overrides),
                json.dumps(attempt.ratings),
                ",".join(final.hits),
                ",".join(final.misses),
                ",".join(final.recovered),
                final.score,
                attempt.peer.model_dump_json() if attempt.peer else None,
                attempt.peer.recommendation if attempt.peer else None,
                attempt.story_id,
            ),
        )
        if not cursor.rowcount or cursor.lastrowid is None:
            return None  # already stored (an import of the same file)
        attempt_id = cursor.lastrowid
        insert_cue_rows(connection, attempt_id, attempt.rubric_id, final)
        return attempt_id

    # --- drafts ------------------------------------------------------------------------------

    def save_draft(self, draft: DraftRecord) -> None:
        """Autosave of an answer being typed; one row per key, overwritten each time."""
        self._write(
            lambda c: c.execute(
                "INSERT INTO drafts (key, question_id, text, context, updated_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET question_id = excluded.question_id, "
                "text = excluded.text, context = excluded.context, updated_at = excluded.updated_at",
                (draft.key, draft.question_id, draft.text, json.dumps(draft.context), utc_text(draft.updated_at)),
            ),
            unsaved=draft,
        )

    def drafts(self) -> list[DraftRecord]:
        """Drafts left behind (a killed terminal, a crash), newest first."""
        rows = self._read("SELECT key, question_id, text, context, updated_at FROM drafts ORDER BY updated_at DESC")
        if not rows:
            return []  # the record models (pydantic) load only for a draft to show
        from interviewcoach.store.records import DraftRecord

        return [
            DraftRecord(
                key=key,
                question_id=question_id,
                text=text,
                context=json.loads(context),
                updated_at=datetime.fromisoformat(updated_at),
            )
            for key, question_id, text, context, updated_at in rows
        ]

    def discard_draft(self, key: str) -> None:
        self._write(lambda c: c.execute("DELETE FROM drafts WHERE key = ?", (key,)))

    # --- reading -----------------------------------------------------------------------------

    def _read(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._connection.execute(sql, parameters).fetchall()
            except sqlite3.DatabaseError as error:
                if is_damage(error):
                    raise unreadable(self.path, error) from None
                raise read_failed(self.path, error) from None

    def list_attempts(
        self,
        since: datetime | None = None,
        category: str | None = None,
        question_id: str | None = None,
        limit: int | None = 20,
        mode: str | None = None,
    ) -> list[AttemptSummary]:
        """Attempts newest first, filtered; each filter uses an index. `mode` is "peer"
        for attempts in mock interviews, "solo" for the rest."""
        where: list[str] = []
        parameters: list[str | int] = []
        if mode == "peer":
            where.append(f"session_id IN {PEER_SESSIONS}")
        elif mode == "solo":
            where.append(f"(session_id IS NULL OR session_id NOT IN {PEER_SESSIONS})")
        if since is not None:
            where.append("created_at >= ?")
            parameters.append(utc_text(since))
        if category:
            where.append("category = ?")
            parameters.append(category)
        if question_id:
            where.append("question_id = ?")
            parameters.append(question_id)
        sql = (
            "SELECT id, created_at, question_id, question_text, rubric_id, score, verdict, hits, misses, "
            f"recovered, session_id IN {PEER_SESSIONS}, (SELECT uid FROM sessions WHERE sessions.id = session_id) "
            "FROM attempts" + (f" WHERE {' AND '.join(where)}" if where else "") + " ORDER BY created_at DESC, id DESC"
        )
        if limit is not None:
            sql += " LIMIT ?"
            parameters.append(limit)
        return [
            AttemptSummary(
                id=row[0],
                created_at=datetime.fromisoformat(row[1]),
                question_id=row[2],
                question_text=row[3],
                rubric_id=row[4],
                score=row[5],
                verdict=row[6],
                hits=_ids(row[7]),
                misses=_ids(row[8]),
                recovered=_ids(row[9]),
                mode="peer" if row[10] else "solo",
                session_uid=row[11],
            )
            for row in self._read(sql, tuple(parameters))
        ]

    def session_attempts(self, session_uid: str) -> list[AttemptRecord]:
        """Every attempt of one session (a whole mock interview), oldest first. A unique
        prefix of the uid is enough."""
        rows = self._read(
            f"{_ATTEMPT_SELECT} WHERE s.uid = ? OR s.uid LIKE ? ORDER BY a.created_at, a.id",
            (session_uid, session_uid.replace("%", "").replace("_", "") + "%"),
        )
        found = [_attempt_from_row(row) for row in rows]
        uids = {attempt.session_uid for attempt in found}
        return found if len(uids) == 1 else []

    def set_round_feedback(self, session_uid: str, round_number: int, **fields: str) -> int:
        """Write a mock round's wrap-up (keep, stop, start, focus_notes) into each of its
        attempts' peer details; returns how many attempts it reached."""
        from interviewcoach.store.records import PeerDetails

        def work(connection):
            rows = connection.execute(
                "SELECT a.id, a.peer FROM attempts a JOIN sessions s ON a.session_id = s.id "
                "WHERE s.uid = ? AND a.peer IS NOT NULL",
                (session_uid,),
            ).fetchall()
            changed = 0
            for attempt_id, peer_json in rows:
                peer = PeerDetails.model_validate_json(peer_json)
                if peer.round != round_number:
                    continue
                peer = peer.model_copy(update=fields)
                connection.execute("UPDATE attempts SET peer = ? WHERE id = ?", (peer.model_dump_json(), attempt_id))
                changed += 1
            return changed

        return self._write(work)

    def cue_rates_for(self, candidate: str, include_solo: bool) -> list[CueRate]:
        """Hit rates per cue of one person's answers: as the candidate in mocks, and their
        solo practice when `include_solo` (the history's owner)."""
        totals: dict[tuple[str, str], list[int]] = {}
        for rubric_id, hits, misses in self._read(
            "SELECT rubric_id, hits, misses FROM attempts "
            "WHERE (peer IS NOT NULL AND json_extract(peer, '$.candidate') = ?) OR (? AND peer IS NULL)",
            (candidate, int(include_solo)),
        ):
            for cue_id, hit in [*((c, 1) for c in _ids(hits)), *((c, 0) for c in _ids(misses))]:
                counts = totals.setdefault((rubric_id, cue_id), [0, 0])
                counts[0] += 1
                counts[1] += hit
        return [CueRate(r, c, n, h) for (r, c), (n, h) in sorted(totals.items())]

    def peer_agreement(self) -> list[CueAgreement]:
        """Per cue, over every peer attempt: how often the interviewer's call agreed with
        the grader's (an overridden cue is a disagreement)."""
        totals: dict[tuple[str, str], list[int]] = {}
        for rubric_id, hits, misses, overrides in self._read(
            "SELECT rubric_id, hits, misses, overrides FROM attempts WHERE peer IS NOT NULL"
        ):
            called = json.loads(overrides or "{}")
            for cue_id in [*_ids(hits), *_ids(misses)]:
                counts = totals.setdefault((rubric_id, cue_id), [0, 0])
                counts[0] += 1
                counts[1] += cue_id not in called
        return [CueAgreement(r, c, n, agreed) for (r, c), (n, agreed) in sorted(totals.items())]

    def practised_question_ids(self) -> set[str]:
        """Every question answered at least once (read from an index, not the attempts)."""
        return {row[0] for row in self._read("SELECT DISTINCT question_id FROM attempts WHERE question_id IS NOT NULL")}

    def get_attempt(self, attempt_id: int) -> AttemptRecord | None:
        rows = self._read(f"{_ATTEMPT_SELECT} WHERE a.id = ?", (attempt_id,))
        return _attempt_from_row(rows[0]) if rows else None

    def stats(self) -> HistoryStats:
        ((count, average),) = self._read("SELECT COUNT(*), AVG(score) FROM attempts")
        recent = [row[0] for row in self._read("SELECT score FROM attempts ORDER BY created_at DESC, id DESC LIMIT 20")]
        cues = [
            CueRate(rubric_id, cue_id, attempts, hits)
            for rubric_id, cue_id, attempts, hits in self._read(
                "SELECT rubric_id, cue_id, attempts, hits FROM cue_totals WHERE attempts > 0 ORDER BY rubric_id, cue_id"
            )
        ]
        weakest = sorted(
            (cue for cue in cues if cue.attempts >= MIN_ATTEMPTS_FOR_WEAKEST),
            key=lambda cue: (cue.rate, -cue.attempts),
        )
        return HistoryStats(
            attempts=count,
            average_score=average,
            cues=cues,
            last_10_average=sum(recent[:10]) / len(recent[:10]) if len(recent) >= 10 else None,
            previous_10_average=sum(recent[10:]) / 10 if len(recent) >= 20 else None,
            weakest=weakest[:3],
        )

    # --- export and import --------------------------------------------------------------------

    def export(self) -> ExportFile:
        from interviewcoach.store.records import ExportFile, SessionRecord

        sessions = [
            SessionRecord(
                uid=uid,
                started_at=datetime.fromisoformat(started),
                ended_at=datetime.fromisoformat(ended) if ended else None,
                mode=mode,
                candidate=candidate,
                interviewer=interviewer,
                setup=json.loads(setup),
                score=score,
            )
            for uid, started, ended, mode, candidate, interviewer, setup, score in self._read(
                "SELECT uid, started_at, ended_at, mode, candidate, interviewer, setup, score "
                "FROM sessions ORDER BY started_at, id"
            )
        ]
        attempts = [_attempt_from_row(row) for row in self._read(f"{_ATTEMPT_SELECT} ORDER BY a.created_at, a.id")]
        return ExportFile(sessions=sessions, attempts=attempts)

    def import_file(self, data: ExportFile) -> tuple[int, int]:
        """Add what `data` holds that is not here yet; returns (added, already here)."""

        def work(connection):
            for session in data.sessions:
                self._insert_session(connection, session)
            added = sum(1 for attempt in data.attempts if self._insert_attempt(connection, attempt))
            return added

        added = self._write(work)
        return added, len(data.attempts) - added


_ATTEMPT_SELECT = (
    "SELECT a.uid, s.uid, a.created_at, a.question_id, a.question_text, a.category, a.level, "
    "a.rubric_id, a.rubric_version, a.answer, a.probes, a.result, a.time_taken_s, a.time_limit_s, "
    "a.notes, a.overrides, a.ratings, a.recovered, a.final_score, a.peer, a.story_id FROM attempts a "
    "LEFT JOIN sessions s ON a.session_id = s.id"
)


def _attempt_from_row(row: tuple) -> AttemptRecord:
    from interviewcoach.store.records import AttemptRecord

    (
        uid,
        session_uid,
        created_at,
        question_id,
        question_text,
        category,
        level,
        rubric_id,
        rubric_version,
        answer,
        probes,
        result,
        time_taken_s,
        time_limit_s,
        notes,
        overrides,
        ratings,
        recovered,
        final_score,
        peer,
        story_id,
    ) = row
    return AttemptRecord.model_validate(
        {
            "uid": uid,
            "session_uid": session_uid,
            "created_at": created_at,
            "question_id": question_id,
            "question_text": question_text,
            "category": category,
            "level": level,
            "rubric_id": rubric_id,
            "rubric_version": rubric_version,
            "answer": answer,
            "probes": json.loads(probes),
            "result": json.loads(result),
            "time_taken_s": time_taken_s,
            "time_limit_s": time_limit_s,
            "notes": notes,
            "overrides": json.loads(overrides),
            "ratings": json.loads(ratings),
            "recovered": _ids(recovered),
            "final_score": final_score,
            "peer": json.loads(peer) if peer else None,
            "story_id": story_id,
        }
    )


def _ids(column: str) -> list[str]:
    return [cue for cue in column.split(",") if cue]


def open_history(path: Path | None = None) -> HistoryStore:
    """The user's history (INTERVIEWCOACH_HOME/history.db unless `path` is given)."""
    path, connection = connect(path)
    return HistoryStore(path, connection)
