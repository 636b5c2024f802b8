"""What to practise next: due dates from the score band, the weakest-cue bias, new
questions mixed in, and the same plan for the same seed and clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from interviewcoach.models import Level
from interviewcoach.scheduler import cue_weight, interval_days, plan_due, questions_for_drill
from interviewcoach.store.history import CueRate
from interviewcoach.store.review import LastAttempt

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def last(question_id: str, days_ago: float, score: int, attempts: int = 1) -> LastAttempt:
    return LastAttempt(question_id, NOW - timedelta(days=days_ago), score, attempts)


@pytest.mark.parametrize(
    ("score", "attempts", "days"),
    [(90, 1, 14), (75, 2, 14), (75, 3, 28), (74, 5, 7), (55, 1, 7), (54, 1, 3), (35, 1, 3), (34, 9, 1), (0, 1, 1)],
)
def test_interval_follows_the_score_band(score, attempts, days):
    assert interval_days(score, attempts) == days


def test_due_dates_and_reasons(library):
    history = [
        last("pd-grocery-blind-shoppers", 4, 41),  # partial: due after 3 days, one day overdue
        last("pd-commute-app-nurses", 2, 41),  # partial: due tomorrow
        last("bh-pivot", 20, 80),  # strong: due after 14 days
    ]
    plan = plan_due(library, history, [], NOW, seed=1, limit=40)
    by_id = {item.question_id: item for item in plan}
    grocery = by_id["pd-grocery-blind-shoppers"]
    assert grocery.kind == "due" and grocery.due == NOW - timedelta(days=1)
    assert grocery.reason == "due again: scored 41 on 16 Nov"
    assert by_id["bh-pivot"].kind == "due" and by_id["bh-pivot"].due == NOW - timedelta(days=6)
    # The longest overdue comes first.
    assert [item.question_id for item in plan if item.kind == "due"] == ["bh-pivot", "pd-grocery-blind-shoppers"]
    # Not due yet: at the end, saying when it comes back.
    nurses = [item for item in plan if item.question_id == "pd-commute-app-nurses"]
    assert not nurses or nurses[0].kind in ("upcoming", "weak")


def test_upcoming_fills_the_plan_when_nothing_else_is_left(ui_lib):
    history = [last(q, 1, 90) for q in ("ui-video-calls", "ui-night-commute", "ui-conflict")]
    plan = plan_due(ui_lib, history, [], NOW, seed=1)
    assert [item.kind for item in plan] == ["upcoming"] * 3
    assert plan[0].reason == "comes back on 3 Dec: scored 90 on 19 Nov"


def test_weakest_cue_questions_come_first_among_due_and_are_offered(library):
    weakest = [CueRate("metrics", "guardrails", 10, 1)]
    drill = questions_for_drill(library, "metrics", "guardrails", Level.PM)
    assert drill and all(q.rubric == "metrics" for q in drill)
    exercising = drill[0].id
    history = [last("pd-grocery-blind-shoppers", 30, 20), last(exercising, 2, 20)]
    plan = plan_due(library, history, weakest, NOW, seed=1, level=Level.PM, limit=6)
    assert plan[0].question_id == exercising and plan[0].kind == "due"  # less overdue, but weak first
    assert plan[1].kind == "weak" and plan[1].reason.startswith("exercises your weakest cue: ")
    assert plan[1].question_id in {q.id for q in drill}


def test_drill_questions_are_those_that_weigh_the_cue_most(library):
    rubric = library.rubrics["leadership"]
    cue = max(rubric.cues, key=lambda c: c.level_weights.get(Level.DIRECTOR, 1.0) * c.weight)
    drill = questions_for_drill(library, "leadership", cue.id, Level.DIRECTOR)
    weights = [cue_weight(rubric, cue.id, Level.DIRECTOR if Level.DIRECTOR in q.levels else q.levels[0]) for q in drill]
    assert weights == sorted(weights, reverse=True)
    assert all(not q.focus_cues or cue.id in q.focus_cues for q in drill)


def test_new_questions_are_mixed_in(library):
    history = [last(q, 30, 10) for q in list(library.questions)[:12]]
    plan = plan_due(library, history, [], NOW, seed=3, limit=9)
    kinds = [item.kind for item in plan]
    # No weak pool: due and new alternate, so new questions appear among the first three.
    assert "new" in kinds[:3]
    assert kinds.count("new") >= 3 and kinds.count("due") >= 4
    assert all(item.reason == "new" for item in plan if item.kind == "new")


def test_a_new_user_gets_only_new_questions_at_their_level(library):
    plan = plan_due(library, [], [], NOW, seed=5, level=Level.CPO, limit=5)
    assert len(plan) == 5 and {item.kind for item in plan} == {"new"}
    assert all(Level.CPO in library.questions[item.question_id].levels for item in plan)


def test_the_plan_is_deterministic_given_seed_and_clock(library):
    history = [last(q, n, 30 + n) for n, q in enumerate(list(library.questions)[:20])]
    weakest = [CueRate("product-design", "metrics", 9, 2)]
    one = plan_due(library, history, weakest, NOW, seed=7, limit=15)
    assert one == plan_due(library, list(reversed(history)), weakest, NOW, seed=7, limit=15)
    assert one != plan_due(library, history, weakest, NOW, seed=8, limit=15)
    later = plan_due(library, history, weakest, NOW + timedelta(days=3), seed=7, limit=15)
    assert [i.kind for i in later].count("due") >= [i.kind for i in one].count("due")


@pytest.fixture
def ui_lib():
    from fakes import ui_library

    return ui_library()


def test_a_strong_answer_is_not_brought_back_early_for_a_weak_cue(ui_lib):
    weakest = [CueRate("ui-design", "tradeoffs", 10, 2)]
    history = [last("ui-video-calls", 1, 90), last("ui-night-commute", 1, 50)]
    plan = plan_due(ui_lib, history, weakest, NOW, seed=1)
    kinds = {item.question_id: item.kind for item in plan}
    assert kinds == {"ui-night-commute": "weak", "ui-conflict": "weak", "ui-video-calls": "upcoming"}
