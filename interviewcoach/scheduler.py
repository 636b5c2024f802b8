"""What to practise next: when each question comes back, biased toward the weakest cues,
with never-practised questions mixed in. No Textual, no clock of its own: the same
history, seed and `now` always give the same plan.

The rule, and why not a flashcard scheduler. A question comes back after a number of
days set by how its latest attempt went:

    score 75+ (strong)  14 days      35-54 (partial)   3 days
    55-74 (solid)        7 days      below 35           1 day

and a question answered strongly three times or more waits twice as long (28 days).
FSRS (the `fsrs` package) models memory of a fact from its review log; an interview
answer is a skill whose quality the grader already measures, so its score band maps
directly onto an interval that a user can read in a reason line ("due again: scored 41
on 3 Nov") and check by hand. The plan then interleaves three pools, slot by slot:
due questions (those exercising a weakest cue first, then the most overdue), questions
that exercise the weakest cue (never answered, or last answered below strong), and new
questions (in an order fixed by the seed), so
that every third entry is new while new ones are left."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from interviewcoach.models import Level, Question, Rubric

if TYPE_CHECKING:
    from interviewcoach.banks import Library
    from interviewcoach.store.history import CueRate
    from interviewcoach.store.review import LastAttempt

INTERVAL_DAYS: tuple[tuple[int, int], ...] = ((75, 14), (55, 7), (35, 3), (0, 1))
"""(lowest score, days until the question is due again), best band first."""
STRONG = INTERVAL_DAYS[0][0]
"""A score this high keeps a question out of the weakest-cue pool until it is due."""
MASTERED_AFTER = 3
"""Attempts after which a strong answer's interval doubles."""
PATTERN: tuple[Literal["due", "weak", "new"], ...] = ("due", "weak", "new")
"""The pool each slot of the plan draws from, repeated; an empty pool gives way to the
next one in this order."""

Kind = Literal["due", "weak", "new", "upcoming"]


@dataclass(frozen=True)
class DueItem:
    """One entry of the plan: a question, when it is due and why it is here."""

    question_id: str
    text: str
    due: datetime
    reason: str
    kind: Kind

    def as_json(self) -> dict[str, str]:
        return {
            "question_id": self.question_id,
            "text": self.text,
            "due": self.due.isoformat(),
            "reason": self.reason,
            "kind": self.kind,
        }


def interval_days(score: int, attempts: int = 1) -> int:
    """Days until a question answered with `score` comes back."""
    days = next(days for floor, days in INTERVAL_DAYS if score >= floor)
    if score >= STRONG and attempts >= MASTERED_AFTER:
        days *= 2
    return days


def day_text(moment: datetime) -> str:
    return f"{moment.day} {moment:%b}"


def cue_weight(rubric: Rubric, cue_id: str, level: Level | None) -> float:
    """A cue's share of its rubric's weight at a level (0 when the rubric lacks it)."""

    def weight(cue) -> float:
        return cue.weight * (cue.level_weights.get(level, 1.0) if level else 1.0)

    total = sum(weight(cue) for cue in rubric.cues)
    cue = rubric.cue(cue_id)
    return weight(cue) / total if cue and total else 0.0


def questions_for_drill(library: Library, rubric_id: str, cue_id: str, level: Level | None) -> list[Question]:
    """The questions that exercise a cue most: graded with its rubric, the cue among the
    question's focus cues (if it names any); those focused on the cue first, then those
    with phrases of their own for it, then those whose rubric weighs it most at the level. Questions at the level when there are any."""
    rubric = library.rubrics.get(rubric_id)
    if rubric is None or rubric.cue(cue_id) is None:
        return []
    candidates = [
        q for q in library.questions.values() if q.rubric == rubric_id and (not q.focus_cues or cue_id in q.focus_cues)
    ]
    at_level = [q for q in candidates if level is None or level in q.levels]
    candidates = at_level or candidates

    def rank(question: Question) -> tuple[bool, bool, float, str]:
        # A question that asks about the cue itself (its focus, its own phrases for it)
        # exercises it more than one that merely grades it.
        level_of_question = level if level in question.levels else question.levels[0]
        return (
            cue_id not in question.focus_cues,
            cue_id not in question.extra_phrases,
            -cue_weight(rubric, cue_id, level_of_question),
            question.id,
        )

    return sorted(candidates, key=rank)


def plan_due(
    library: Library,
    last: Iterable[LastAttempt],
    weakest: Sequence[CueRate],
    now: datetime,
    seed: int,
    *,
    level: Level | None = None,
    limit: int = 10,
) -> list[DueItem]:
    """What to practise next, best first: at most `limit` entries. When too few are due,
    new or weak-cue, the plan is filled with practised questions by when they come back."""
    questions = {q.id: q for q in library.questions.values() if level is None or level in q.levels}
    latest = {a.question_id: a for a in last if a.question_id in questions}

    weak_ids: dict[str, str] = {}
    """Question id -> the label of the weakest cue it exercises (the weakest first)."""
    for rate in weakest:
        rubric = library.rubrics.get(rate.rubric_id)
        cue = rubric.cue(rate.cue_id) if rubric else None
        if cue is None:
            continue
        for question in questions_for_drill(library, rate.rubric_id, rate.cue_id, level):
            if question.id in questions:
                weak_ids.setdefault(question.id, cue.label)

    due: list[DueItem] = []
    upcoming: list[DueItem] = []
    for question_id, attempt in latest.items():
        when = attempt.created_at + timedelta(days=interval_days(attempt.score, attempt.attempts))
        scored = f"scored {attempt.score} on {day_text(attempt.created_at)}"
        if when <= now:
            due.append(DueItem(question_id, questions[question_id].prompt, when, f"due again: {scored}", "due"))
        else:
            reason = f"comes back on {day_text(when)}: {scored}"
            upcoming.append(DueItem(question_id, questions[question_id].prompt, when, reason, "upcoming"))
    # Due questions that exercise a weakest cue first, then the longest overdue.
    due.sort(key=lambda item: (item.question_id not in weak_ids, item.due, item.question_id))
    upcoming.sort(key=lambda item: (item.due, item.question_id))

    due_ids = {item.question_id for item in due}
    # A question answered strongly is not brought back early for a weak cue: it comes
    # back when it is due.
    weak = [
        DueItem(qid, questions[qid].prompt, now, f"exercises your weakest cue: {label}", "weak")
        for qid, label in weak_ids.items()
        if qid not in due_ids and (qid not in latest or latest[qid].score < STRONG)
    ]
    weak_set = {item.question_id for item in weak}
    fresh = sorted(qid for qid in questions if qid not in latest and qid not in weak_set)
    random.Random(seed).shuffle(fresh)
    new = [DueItem(qid, questions[qid].prompt, now, "new", "new") for qid in fresh]

    pools: dict[str, list[DueItem]] = {"due": due, "weak": weak, "new": new}
    plan: list[DueItem] = []
    slot = 0
    while len(plan) < limit and any(pools.values()):
        wanted = PATTERN[slot % len(PATTERN)]
        order = [wanted, *(kind for kind in PATTERN if kind != wanted)]
        kind = next(kind for kind in order if pools[kind])
        plan.append(pools[kind].pop(0))
        slot += 1
    planned = {item.question_id for item in plan}
    plan.extend(item for item in upcoming if item.question_id not in planned)
    return plan[:limit]
