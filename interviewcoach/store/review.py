"""Queries behind the review screens: the history table (filtered, sorted, a page at a
time), the progress charts, readiness, personal bests and what is due. Each reads an
index (schema migration 4), so the screens stay fast at 100,000 attempts.

Days are UTC days, as the history stores its times."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from interviewcoach.store.history import PEER_SESSIONS, HistoryStore, _ids

if TYPE_CHECKING:
    from interviewcoach.store.records import ExportFile

SortKey = Literal["date", "question", "category", "level", "score"]

_ORDER: dict[str, str] = {
    "date": "a.created_at {d}, a.id {d}",
    "question": "a.question_text {d}, a.created_at DESC",
    "category": "a.category {d}, a.created_at DESC",
    "level": "a.level {d}, a.created_at DESC",
    "score": "a.score {d}, a.created_at DESC",
}
"""Each sort follows an index whose first column is the sort key."""

FUZZY_CUTOFF = 75
"""How closely (0-100, rapidfuzz's partial ratio) each word of the filter text must
match part of a question's text: typos and word fragments pass, other words do not."""


@dataclass(frozen=True)
class HistoryFilter:
    """What the history screen shows: every field narrows it; the defaults show all."""

    text: str = ""
    """Matched fuzzily against the question's text."""
    category: str | None = None
    level: str | None = None
    mode: Literal["solo", "peer"] | None = None
    since: date | None = None
    """From the start of this (UTC) day."""
    until: date | None = None
    """To the end of this (UTC) day."""
    missed_cue: str | None = None
    """Only attempts that missed this cue (in their final grade)."""
    sort: SortKey = "date"
    descending: bool = True

    @property
    def is_everything(self) -> bool:
        return self == HistoryFilter(sort=self.sort, descending=self.descending)


@dataclass(frozen=True)
class HistoryRow:
    """One row of the history screen: the stored final grade, never recomputed."""

    id: int
    created_at: datetime
    question_id: str | None
    question_text: str
    category: str | None
    level: str | None
    mode: str
    rubric_id: str
    score: int
    verdict: str
    hits: list[str]
    misses: list[str]
    recovered: list[str] = field(default_factory=list)


def _where(store: HistoryStore, wanted: HistoryFilter) -> tuple[str, list[object]]:
    where: list[str] = []
    parameters: list[object] = []
    if wanted.text.strip():
        texts = matching_texts(store, wanted.text)
        if not texts:
            return " WHERE 0", []
        where.append(f"a.question_text IN ({','.join('?' * len(texts))})")
        parameters.extend(texts)
    if wanted.category:
        where.append("a.category = ?")
        parameters.append(wanted.category)
    if wanted.level:
        where.append("a.level = ?")
        parameters.append(wanted.level)
    if wanted.mode == "peer":
        where.append(f"a.session_id IN {PEER_SESSIONS}")
    elif wanted.mode == "solo":
        # An answer graded with `grade --save` belongs to no session: it was solo.
        where.append(f"(a.session_id IS NULL OR a.session_id NOT IN {PEER_SESSIONS})")
    if wanted.since:
        where.append("a.created_at >= ?")
        parameters.append(wanted.since.isoformat())
    if wanted.until:
        where.append("a.created_at < ?")
        parameters.append((wanted.until + timedelta(days=1)).isoformat())
    if wanted.missed_cue:
        where.append("a.id IN (SELECT attempt_id FROM attempt_cues WHERE cue_id = ? AND hit = 0)")
        parameters.append(wanted.missed_cue)
    return (f" WHERE {' AND '.join(where)}" if where else ""), parameters


def matching_texts(store: HistoryStore, text: str) -> list[str]:
    """The question texts in the history that `text` matches, typos forgiven: each of its
    words must come close to part of the question (so word order does not matter)."""
    from rapidfuzz import fuzz, utils

    words = utils.default_process(text).split()
    texts = [row[0] for row in store._read("SELECT DISTINCT question_text FROM attempts")]
    return [
        candidate
        for candidate in texts
        if all(fuzz.partial_ratio(word, utils.default_process(candidate), score_cutoff=FUZZY_CUTOFF) for word in words)
    ]


def count_attempts(store: HistoryStore, wanted: HistoryFilter = HistoryFilter()) -> int:
    where, parameters = _where(store, wanted)
    return int(store._read(f"SELECT COUNT(*) FROM attempts a{where}", tuple(parameters))[0][0])


_HISTORY_ROWS = (
    "SELECT a.id, a.created_at, a.question_id, a.question_text, a.category, a.level, "
    "COALESCE(s.mode, 'solo'), a.rubric_id, a.score, a.verdict, a.hits, a.misses, a.recovered "
    "FROM attempts a LEFT JOIN sessions s ON a.session_id = s.id"
)
"""The columns of a HistoryRow, in `_history_row`'s order; a WHERE clause goes after it."""


def _history_row(row: tuple[Any, ...]) -> HistoryRow:
    return HistoryRow(
        id=row[0],
        created_at=datetime.fromisoformat(row[1]),
        question_id=row[2],
        question_text=row[3],
        category=row[4],
        level=row[5],
        mode=row[6],
        rubric_id=row[7],
        score=row[8],
        verdict=row[9],
        hits=_ids(row[10]),
        misses=_ids(row[11]),
        recovered=_ids(row[12]),
    )


def page_attempts(
    store: HistoryStore, wanted: HistoryFilter = HistoryFilter(), offset: int = 0, limit: int = 100
) -> list[HistoryRow]:
    """One page of the filtered history, in the filter's order."""
    where, parameters = _where(store, wanted)
    order = _ORDER[wanted.sort].format(d="DESC" if wanted.descending else "ASC")
    sql = f"{_HISTORY_ROWS}{where} ORDER BY {order} LIMIT ? OFFSET ?"
    return [_history_row(row) for row in store._read(sql, (*parameters, limit, offset))]


def export_filtered(store: HistoryStore, wanted: HistoryFilter) -> ExportFile:
    """The attempts the filter shows (and their sessions), oldest first: the export file
    `interviewcoach export` writes, narrowed."""
    if wanted.is_everything:
        return store.export()
    from interviewcoach.store.records import ExportFile

    everything = store.export()
    where, parameters = _where(store, wanted)
    uids = {row[0] for row in store._read(f"SELECT a.uid FROM attempts a{where}", tuple(parameters))}
    attempts = [a for a in everything.attempts if a.uid in uids]
    sessions = {a.session_uid for a in attempts}
    return ExportFile(sessions=[s for s in everything.sessions if s.uid in sessions], attempts=attempts)


def missed_cue_ids(store: HistoryStore) -> list[str]:
    """Every cue some attempt missed, for the history's "missed cue" filter."""
    return [
        row[0]
        for row in store._read(
            "SELECT DISTINCT cue_id FROM cue_totals WHERE attempts > hits AND attempts > 0 ORDER BY cue_id"
        )
    ]


def attempt_mode(store: HistoryStore, attempt_id: int) -> tuple[str, str | None]:
    """(mode, interviewer) of the session an attempt belongs to."""
    rows = store._read(
        "SELECT s.mode, s.interviewer FROM attempts a JOIN sessions s ON a.session_id = s.id WHERE a.id = ?",
        (attempt_id,),
    )
    return (rows[0][0], rows[0][1]) if rows else ("solo", None)


def attempts_at_question(store: HistoryStore, question_id: str | None, question_text: str) -> list[HistoryRow]:
    """Every attempt at one question, newest first (by id, or by text for a question in no bank)."""
    if question_id:
        where, parameters = " WHERE a.question_id = ?", [question_id]
    else:
        where, parameters = " WHERE a.question_id IS NULL AND a.question_text = ?", [question_text]
    sql = f"{_HISTORY_ROWS}{where} ORDER BY a.created_at DESC, a.id DESC LIMIT 200"
    return [_history_row(row) for row in store._read(sql, tuple(parameters))]


# --- progress ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayScore:
    day: date
    attempts: int
    average: float


@dataclass(frozen=True)
class GroupAverage:
    name: str
    attempts: int
    average: float


def scores_by_day(store: HistoryStore) -> list[DayScore]:
    """Attempts and average score per practice day, oldest first (from an index alone)."""
    return [
        DayScore(date.fromisoformat(day), count, average)
        for day, count, average in store._read(
            "SELECT substr(created_at, 1, 10) AS day, COUNT(*), AVG(score) FROM attempts GROUP BY day ORDER BY day"
        )
    ]


def cue_rate_by_day(store: HistoryStore, rubric_id: str, cue_id: str) -> list[tuple[date, float]]:
    """The share of attempts that hit one cue, per practice day, oldest first."""
    return [
        (date.fromisoformat(day), rate)
        for day, rate in store._read(
            "SELECT substr(a.created_at, 1, 10) AS day, AVG(c.hit) FROM attempt_cues c "
            "JOIN attempts a ON a.id = c.attempt_id WHERE c.cue_id = ? AND c.rubric_id = ? "
            "GROUP BY day ORDER BY day",
            (cue_id, rubric_id),
        )
    ]


def averages(store: HistoryStore) -> tuple[list[GroupAverage], list[GroupAverage]]:
    """Attempts and average score by category and by level, in one pass over an index
    that holds all three columns (the planner would otherwise visit every row)."""
    by: dict[str, dict[str, list[int]]] = {"category": {}, "level": {}}
    for category, level, count, total in store._read(
        "SELECT category, level, COUNT(*), SUM(score) FROM attempts INDEXED BY attempts_by_day GROUP BY category, level"
    ):
        for column, name in (("category", category), ("level", level)):
            if name is not None:
                sums = by[column].setdefault(name, [0, 0])
                sums[0] += count
                sums[1] += total

    def groups(column: str) -> list[GroupAverage]:
        return [GroupAverage(name, n, total / n) for name, (n, total) in sorted(by[column].items())]

    return groups("category"), groups("level")


@dataclass(frozen=True)
class RecentAttempt:
    id: int
    created_at: datetime
    question_id: str | None
    question_text: str
    score: int
    hits: list[str]
    misses: list[str]
    rubric_id: str = ""


def recent_in_category(store: HistoryStore, category: str, level: str, limit: int) -> list[RecentAttempt]:
    """The latest attempts in a category at a level, newest first."""
    return [
        RecentAttempt(
            row[0], datetime.fromisoformat(row[1]), row[2], row[3], row[4], _ids(row[5]), _ids(row[6]), row[7]
        )
        for row in store._read(
            "SELECT id, created_at, question_id, question_text, score, hits, misses, rubric_id FROM attempts "
            "WHERE category = ? AND level = ? ORDER BY created_at DESC, id DESC LIMIT ?",
            (category, level, limit),
        )
    ]


def personal_bests(store: HistoryStore) -> dict[str, int]:
    """The best final score per question id."""
    return {
        question_id: best
        for question_id, best in store._read(
            "SELECT question_id, MAX(score) FROM attempts WHERE question_id IS NOT NULL GROUP BY question_id"
        )
    }


@dataclass(frozen=True)
class LastAttempt:
    """A question's latest attempt, for the scheduler."""

    question_id: str
    created_at: datetime
    score: int
    attempts: int


def last_attempts(store: HistoryStore) -> list[LastAttempt]:
    """Each practised question's latest attempt and how many there were."""
    # SQLite takes the bare `score` from the row that holds MAX(created_at).
    return [
        LastAttempt(question_id, datetime.fromisoformat(created), score, count)
        for question_id, created, score, count in store._read(
            "SELECT question_id, MAX(created_at), score, COUNT(*) FROM attempts "
            "WHERE question_id IS NOT NULL GROUP BY question_id"
        )
    ]
