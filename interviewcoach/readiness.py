"""Readiness: per category at the user's target level, a plain signal (not yet, getting
there, ready) from a rule anyone can check against their history. No Textual.

The rule (RULE below is what the app shows), over the last RECENT answers in the
category at that level:

- fewer than MIN_ANSWERS answers: *not yet* (too little to judge);
- *ready*: their average final score is READY_AVERAGE or more, and every required cue
  (a cue the category's rubric weighs 1.0 or more at that level) was hit in at least
  CUE_SHARE of them;
- *getting there*: an average of GETTING_THERE_AVERAGE or more;
- otherwise *not yet*."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from interviewcoach.models import Level, Rubric

if TYPE_CHECKING:
    from interviewcoach.banks import Library
    from interviewcoach.store.review import RecentAttempt

RECENT = 5
MIN_ANSWERS = 3
READY_AVERAGE = 70
GETTING_THERE_AVERAGE = 50
CUE_SHARE = 0.6
REQUIRED_WEIGHT = 1.0

Signal = Literal["not yet", "getting there", "ready"]

RULE = (
    f"Over your last {RECENT} answers in a category at your target level: ready when they "
    f"average {READY_AVERAGE}+ and every required cue (one the rubric weighs {REQUIRED_WEIGHT:g} or more "
    f"at that level) was hit in at least {CUE_SHARE:.0%} of them; getting there from an average of "
    f"{GETTING_THERE_AVERAGE}; otherwise not yet. Fewer than {MIN_ANSWERS} answers: not yet."
)


@dataclass(frozen=True)
class CueShare:
    cue_id: str
    label: str
    hits: int
    of: int

    @property
    def share(self) -> float:
        return self.hits / self.of if self.of else 0.0


@dataclass(frozen=True)
class Readiness:
    category: str
    level: str
    signal: Signal
    why: str
    """One line: what decided the signal."""
    average: float | None
    attempts: list[RecentAttempt]
    """The answers behind it, newest first."""
    required: list[CueShare]


def rubric_for_category(library: Library, category: str) -> Rubric | None:
    """The rubric most questions of a category are graded with."""
    used = Counter(q.rubric for q in library.questions.values() if q.category == category)
    if not used:
        return None
    rubric_id = sorted(used.items(), key=lambda item: (-item[1], item[0]))[0][0]
    return library.rubrics.get(rubric_id)


def required_cues(rubric: Rubric, level: Level) -> list[tuple[str, str]]:
    """(cue id, label) of the cues the rubric weighs REQUIRED_WEIGHT or more at a level."""
    return [
        (cue.id, cue.label) for cue in rubric.cues if cue.weight * cue.level_weights.get(level, 1.0) >= REQUIRED_WEIGHT
    ]


def readiness(category: str, level: Level, rubric: Rubric | None, recent: Sequence[RecentAttempt]) -> Readiness:
    """The signal for one category from its latest answers (newest first; the first
    RECENT count)."""
    attempts = list(recent[:RECENT])
    if len(attempts) < MIN_ANSWERS:
        why = f"{len(attempts)} of the {MIN_ANSWERS} answers needed to judge"
        return Readiness(category, str(level), "not yet", why, None, attempts, [])
    average = sum(a.score for a in attempts) / len(attempts)
    shares = [
        CueShare(cue_id, label, sum(1 for a in attempts if cue_id in a.hits), len(attempts))
        for cue_id, label in (required_cues(rubric, level) if rubric else [])
    ]
    short = [share for share in shares if share.share < CUE_SHARE]
    if average >= READY_AVERAGE and not short:
        return Readiness(
            category, str(level), "ready", f"average {average:.0f}, every required cue hit", average, attempts, shares
        )
    if average >= READY_AVERAGE:
        why = f"average {average:.0f}, but {', '.join(s.label for s in short)} hit too rarely"
    else:
        why = f"average {average:.0f} of the {READY_AVERAGE} needed"
    signal: Signal = "getting there" if average >= GETTING_THERE_AVERAGE else "not yet"
    return Readiness(category, str(level), signal, why, average, attempts, shares)
