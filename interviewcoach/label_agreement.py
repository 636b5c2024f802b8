"""How far careful people agree when they label the same answers, and how far the grader
agrees with each of them: the yardstick any figure of the grader's F1 is read against.

A labelled set (calibration.py) holds one person's labels. Other people's independent
labels of the same answers are kept beside it in a relabelling file (TOML, one
[[answers]] table each: id, rating, labels, note), a pydantic model like every file the
project reads. Every reader, person or grader, becomes a `Reading`: per answer, a rating
on the 1-5 scale and a 0/1 call per cue, so any two readers compare the same way.
"""

from __future__ import annotations

import statistics
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from interviewcoach.calibration import REQUIRED_CUES, CueFigures, LabelledAnswer, spearman
from interviewcoach.grading.result import GradeResult


class Relabelled(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    rating: float = Field(ge=1, le=5)
    labels: dict[str, Literal[0, 1]]
    note: str | None = None
    """The labeller's closest call on this answer, and why."""

    @field_validator("rating")
    @classmethod
    def _in_halves(cls, value: float) -> float:
        if value * 2 != int(value * 2):
            raise ValueError("ratings go in halves: 1, 1.5, 2 ... 5")
        return value


class RelabelledSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answers: list[Relabelled] = Field(min_length=1)


def load_relabelled(path: Path) -> list[Relabelled]:
    return RelabelledSet.model_validate(tomllib.loads(path.read_text("utf-8"))).answers


@dataclass(frozen=True)
class Call:
    rating: float
    labels: Mapping[str, int]


Reading = Mapping[str, Call]
"""One reader's calls, by answer id."""


def reading_of_labels(answers: Sequence[LabelledAnswer]) -> Reading:
    return {a.id: Call(a.rating, a.labels) for a in answers}


def reading_of_relabels(relabels: Sequence[Relabelled]) -> Reading:
    return {r.id: Call(r.rating, r.labels) for r in relabels}


def reading_of_grades(graded: Sequence[tuple[LabelledAnswer, GradeResult]]) -> Reading:
    """The grader as a reader: a hit is a 1, and its score is put on the rating scale
    the way the calibration reads it (score = (rating - 1) x 25)."""
    return {
        answer.id: Call(
            1 + result.score / 25,
            {cue.id: int(cue.hit) for cue in result.cues if cue.id in answer.labels},
        )
        for answer, result in graded
    }


def consensus(readings: Sequence[Reading]) -> Reading:
    """The majority call per cue and the median rating, over answers every reader read.
    With an even number of readers a tied cue counts as not shown."""
    ids = set.intersection(*(set(r) for r in readings))
    merged = {}
    for answer_id in ids:
        calls = [r[answer_id] for r in readings]
        cues = set.intersection(*(set(c.labels) for c in calls))
        merged[answer_id] = Call(
            statistics.median(c.rating for c in calls),
            {cue: int(sum(c.labels[cue] for c in calls) * 2 > len(calls)) for cue in cues},
        )
    return merged


@dataclass
class Agreement:
    cues: dict[str, CueFigures]
    """Required cues: one reader's calls against the other's, as the calibration counts them."""
    spearman: float
    """Rank correlation of the two readers' ratings."""
    mean_rating_gap: float
    answers: int

    @property
    def macro_f1(self) -> float:
        return sum(f.f1 for f in self.cues.values()) / len(self.cues) if self.cues else 0.0


def agree(
    answers: Sequence[LabelledAnswer], first: Reading, second: Reading, kinds_without_labels: frozenset[str]
) -> Agreement:
    """How far `second` agrees with `first` on `answers`. F1 is symmetric in the two
    readers (swapping them swaps false positives and false negatives), so neither is
    treated as the truth. Answers of `kinds_without_labels` (an answer to another
    question, whose cue labels people give by different conventions) count toward the
    ratings only."""
    cues: dict[str, CueFigures] = {}
    ratings: list[tuple[float, float]] = []
    for answer in answers:
        a, b = first.get(answer.id), second.get(answer.id)
        if a is None or b is None:
            continue
        ratings.append((a.rating, b.rating))
        if answer.kind in kinds_without_labels:
            continue
        for cue in REQUIRED_CUES.get(answer.rubric, ()):
            if cue not in a.labels or cue not in b.labels:
                continue
            figures = cues.setdefault(cue, CueFigures())
            if a.labels[cue] and b.labels[cue]:
                figures.true_positive += 1
            elif b.labels[cue]:
                figures.false_positive += 1
            elif a.labels[cue]:
                figures.false_negative += 1
            else:
                figures.true_negative += 1
    xs, ys = [x for x, _ in ratings], [y for _, y in ratings]
    return Agreement(
        cues=cues,
        spearman=spearman(xs, ys) if len(ratings) >= 2 else 0.0,
        mean_rating_gap=sum(abs(x - y) for x, y in ratings) / len(ratings) if ratings else 0.0,
        answers=len(ratings),
    )
