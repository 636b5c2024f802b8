"""A seeded history for the review screens: three weeks of solo practice over the test
bank and a fixed grade, with a peer mock interview in it (notes, calls, ratings)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from interviewcoach.models import Level
from interviewcoach.store import AttemptRecord, HistoryStore, ProbeExchange, SessionRecord

NOW = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)
"""The wall clock of every review test: the history ends the day before."""

ANSWERS = [
    "I would build a big screen with large buttons for everyone.",
    "Grandparents who live alone miss their family because calls are hard to start.",
    "Grandparents who live alone miss their family because calls are hard to start. A beta with a charity first.",
    "Grandparents who live alone, because the family is far away. A beta with a charity, and we track calls "
    "per week; I'd build auto-answer rather than photo sharing.",
]
PLAN = [
    # (days before NOW, question, answer index, probe reply or None, peer)
    (21, "ui-video-calls", 0, None, False),
    (20, "ui-night-commute", 0, None, False),
    (18, "ui-video-calls", 1, "We would count calls per week.", False),
    (17, "ui-conflict", 1, None, False),
    (15, "ui-night-commute", 1, None, False),
    (12, "ui-video-calls", 2, None, True),
    (9, "ui-conflict", 2, None, False),
    (6, "ui-night-commute", 2, "A beta, rather than a launch.", False),
    (3, "ui-video-calls", 3, None, False),
    (2, "ui-conflict", 3, None, False),
    (1, "ui-night-commute", 3, None, False),
]


def seed_history(store: HistoryStore, library, grader, now: datetime = NOW) -> list[int]:
    """Save PLAN's attempts; returns their ids in order."""
    ids = []
    peer = store.start_session(
        SessionRecord(uid="peer-session", mode="peer", candidate="Ada", interviewer="Lin", started_at=now)
    )
    solo = store.start_session(SessionRecord(uid="solo-session", started_at=now))
    for n, (days, question_id, answer, reply, is_peer) in enumerate(PLAN):
        question = library.questions[question_id]
        rubric = library.rubrics[question.rubric]
        text = ANSWERS[answer]
        result = grader(text, rubric, question, Level.PM)
        probes = []
        if reply:
            probe = next(c for c in result.cues if not c.hit)
            reply_result = grader(reply, rubric, question, Level.PM, follow_up=True)
            probes.append(
                ProbeExchange(probe=probe.probe or "Tell me more.", cue=probe.id, answer=reply, result=reply_result)
            )
        extra = {}
        if is_peer:
            extra = dict(
                notes="Warm opening; jumped to features before the problem.",
                overrides={"tradeoffs": True},
                ratings={"overall": 3, "structure": 4},
            )
        record = AttemptRecord(
            uid=f"seed-{n}",
            session_uid=peer.uid if is_peer else solo.uid,
            created_at=now - timedelta(days=days, hours=n % 3),
            question_id=question.id,
            question_text=question.prompt,
            category=str(question.category),
            level="pm",
            rubric_id=rubric.id,
            rubric_version=rubric.version,
            answer=text,
            probes=probes,
            result=result,
            time_taken_s=120.0 + n,
            time_limit_s=question.time_limit_s,
            **extra,
        )
        ids.append(store.save_attempt(record))
    return ids
