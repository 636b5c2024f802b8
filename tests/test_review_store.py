"""The review queries: the history table filtered, sorted and paged; progress figures;
readiness from the latest answers; personal bests and each question's latest attempt."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from interviewcoach.models import Level
from interviewcoach.readiness import RULE, readiness, rubric_for_category
from interviewcoach.store import SessionRecord, open_history
from interviewcoach.store.review import (
    HistoryFilter,
    attempt_mode,
    attempts_at_question,
    averages,
    count_attempts,
    cue_rate_by_day,
    export_filtered,
    last_attempts,
    missed_cue_ids,
    page_attempts,
    personal_bests,
    recent_in_category,
    scores_by_day,
)

from store_helpers import make_attempt

START = datetime(2026, 11, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def store(isolated_home):
    with open_history() as store:
        peer = store.start_session(SessionRecord(mode="peer", interviewer="Lin"))
        questions = ["pd-grocery-blind-shoppers", "pd-commute-app-nurses", "bh-pivot"]
        for n in range(9):
            store.save_attempt(
                make_attempt(
                    n,
                    question_id=questions[n % 3],
                    created_at=START + timedelta(days=n),
                    level="senior-pm" if n == 4 else "pm",
                    session_uid=peer.uid if n == 8 else None,
                    notes="Clear story." if n == 8 else None,
                )
            )
        yield store


def test_pages_follow_the_filter_and_the_sort(store):
    assert count_attempts(store) == 9
    newest = page_attempts(store, limit=4)
    assert [r.created_at.day for r in newest] == [9, 8, 7, 6]
    assert [r.created_at.day for r in page_attempts(store, offset=4, limit=4)] == [5, 4, 3, 2]
    oldest = page_attempts(store, HistoryFilter(descending=False), limit=2)
    assert [r.created_at.day for r in oldest] == [1, 2]
    by_question = page_attempts(store, HistoryFilter(sort="question", descending=False), limit=9)
    assert [r.question_text for r in by_question] == sorted(r.question_text for r in by_question)


def test_filters(store):
    assert count_attempts(store, HistoryFilter(category="behavioural")) == 3
    assert count_attempts(store, HistoryFilter(level="senior-pm")) == 1
    assert count_attempts(store, HistoryFilter(mode="peer")) == 1
    assert count_attempts(store, HistoryFilter(mode="solo")) == 8
    assert count_attempts(store, HistoryFilter(since=date(2026, 11, 3), until=date(2026, 11, 4))) == 2
    # Fuzzy: a typo still finds the blind-shoppers question, and only it.
    rows = page_attempts(store, HistoryFilter(text="grocerys for blnd"))
    assert {r.question_id for r in rows} == {"pd-grocery-blind-shoppers"}
    assert count_attempts(store, HistoryFilter(text="zzzz qqqq")) == 0
    cue = page_attempts(store, limit=1)[0].misses[0]
    missed = page_attempts(store, HistoryFilter(missed_cue=cue))
    assert missed and all(cue in r.misses for r in missed)
    assert set(missed_cue_ids(store)) >= {cue for r in page_attempts(store) for cue in r.misses}


def test_the_command_and_the_screen_agree_on_every_attempts_mode(store):
    from interviewcoach.store.records import PeerDetails

    # A mock attempt whose session was never started makes a peer session of its own.
    store.save_attempt(
        make_attempt(
            9,
            created_at=START + timedelta(days=10),
            session_uid="mock-1",
            peer=PeerDetails(candidate="Ada", interviewer="Ben"),
        )
    )
    screen = {r.id: r.mode for r in page_attempts(store, limit=100)}
    command = {r.id: r.mode for r in store.list_attempts(limit=None)}
    assert screen == command and list(screen.values()).count("peer") == 2
    for mode in ("peer", "solo"):
        shown = {r.id for r in page_attempts(store, HistoryFilter(mode=mode), limit=100)}
        assert (
            shown
            == {r.id for r in store.list_attempts(limit=None, mode=mode)}
            == {i for i, m in screen.items() if m == mode}
        )


def test_rows_carry_the_stored_final_grade_and_mode(store):
    (peer,) = page_attempts(store, HistoryFilter(mode="peer"))
    assert peer.mode == "peer"
    record = store.get_attempt(peer.id)
    final = record.final
    assert (peer.score, peer.verdict, peer.hits) == (final.score, final.verdict, list(final.hits))
    assert attempt_mode(store, peer.id) == ("peer", "Lin")
    assert attempt_mode(store, page_attempts(store, HistoryFilter(mode="solo"), limit=1)[0].id) == ("solo", None)
    at_question = attempts_at_question(store, "bh-pivot", "")
    assert [r.created_at.day for r in at_question] == [9, 6, 3]


def test_export_of_a_filtered_view(store):
    data = export_filtered(store, HistoryFilter(mode="peer"))
    assert len(data.attempts) == 1 and len(data.sessions) == 1 and data.sessions[0].mode == "peer"
    assert len(export_filtered(store, HistoryFilter()).attempts) == 9


def test_progress_figures(store):
    days = scores_by_day(store)
    assert [d.day.day for d in days] == list(range(1, 10)) and all(d.attempts == 1 for d in days)
    record = store.get_attempt(page_attempts(store, limit=1)[0].id)
    cue = record.final.cues[0].id
    rates = cue_rate_by_day(store, record.rubric_id, cue)
    assert rates and all(0 <= rate <= 1 for _, rate in rates)
    by_category, by_level = averages(store)
    assert {g.name: g.attempts for g in by_category} == {"product-design": 6, "behavioural": 3}
    assert {g.name: g.attempts for g in by_level} == {"pm": 8, "senior-pm": 1}
    pm_scores = [r.score for r in page_attempts(store) if r.level == "pm"]
    assert next(g.average for g in by_level if g.name == "pm") == sum(pm_scores) / len(pm_scores)


def test_personal_bests_and_last_attempts(store):
    bests = personal_bests(store)
    assert set(bests) == {"pd-grocery-blind-shoppers", "pd-commute-app-nurses", "bh-pivot"}
    latest = {a.question_id: a for a in last_attempts(store)}
    assert latest["bh-pivot"].created_at.day == 9 and latest["bh-pivot"].attempts == 3


def test_readiness_rule(store, library):
    rubric = rubric_for_category(library, "product-design")
    assert rubric is not None and rubric.id == "product-design"
    recent = recent_in_category(store, "product-design", "pm", 5)
    assert len(recent) == 5 and recent == sorted(recent, key=lambda a: a.created_at, reverse=True)
    signal = readiness("product-design", Level.PM, rubric, recent)
    assert signal.signal in ("not yet", "getting there", "ready")
    assert signal.average == sum(a.score for a in recent) / 5
    too_few = readiness("behavioural", Level.DIRECTOR, rubric, [])
    assert too_few.signal == "not yet" and "0 of the 3" in too_few.why
    assert "last 5 answers" in RULE


def test_readiness_signals_from_scores(library):
    from interviewcoach.store.review import RecentAttempt

    rubric = library.rubrics["product-design"]
    every = [cue.id for cue in rubric.cues]

    def answers(score, hits):
        return [RecentAttempt(n, START, "q", "", score, hits, []) for n in range(5)]

    assert readiness("product-design", Level.PM, rubric, answers(80, every)).signal == "ready"
    short = readiness("product-design", Level.PM, rubric, answers(80, every[1:]))
    assert short.signal == "getting there" and "hit too rarely" in short.why
    assert readiness("product-design", Level.PM, rubric, answers(55, every)).signal == "getting there"
    assert readiness("product-design", Level.PM, rubric, answers(30, every)).signal == "not yet"
