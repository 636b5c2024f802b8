"""Measure the grader against answers labelled by people: per-cue precision, recall and
F1, rank correlation of score with rating, and the scores of gamed answers.

The labelled-set file format (TOML, one [[answers]] table each) is a pydantic model so
a broken file is reported like any other content file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from interviewcoach.banks import Library
from interviewcoach.grading.grader import grade_answer
from interviewcoach.grading.result import GradeResult

REQUIRED_CUES = {
    "product-design": ("customer_focus", "why", "for_whom", "rollout", "metrics"),
    "behavioural": ("situation", "task", "action", "result", "customer_focus"),
}
"""The cues the grader issue defines; the F1 bar is measured over these."""

GAMED_KINDS = frozenset({"stuffed", "gibberish"})
"""Answers written to game the grader: every one must score under 40."""


class LabelledAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    rubric: str
    question: str | None = None
    kind: Literal[
        "strong", "partial", "weak", "paraphrase", "negation", "typo", "stuffed",
        "offtopic", "oneline", "gibberish", "hedged",
    ]
    rating: int = Field(ge=1, le=5)
    """A person's overall rating: 1 (useless) to 5 (would pass an interview)."""
    labels: dict[str, Literal[0, 1]]
    """Per cue: 1 if the answer substantively shows it, else 0."""
    answer: str


class LabelledSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answers: list[LabelledAnswer] = Field(min_length=1)


def load_labelled(paths: Sequence[Path]) -> list[LabelledAnswer]:
    answers: list[LabelledAnswer] = []
    for path in paths:
        answers.extend(LabelledSet.model_validate(tomllib.loads(path.read_text("utf-8"))).answers)
    return answers


@dataclass
class CueFigures:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        actual = self.true_positive + self.false_negative
        return self.true_positive / actual if actual else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Calibration:
    cues: dict[tuple[str, str], CueFigures] = field(default_factory=dict)
    graded: list[tuple[LabelledAnswer, GradeResult]] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        return sum(f.f1 for f in self.cues.values()) / len(self.cues) if self.cues else 0.0

    @property
    def spearman(self) -> float:
        return spearman([r.score for _, r in self.graded], [a.rating for a, _ in self.graded])

    @property
    def gamed(self) -> list[tuple[LabelledAnswer, GradeResult]]:
        return [(a, r) for a, r in self.graded if a.kind in GAMED_KINDS]

    def disagreements(self) -> list[str]:
        lines = []
        for answer, result in self.graded:
            for cue_id, label in answer.labels.items():
                cue = result.cue(cue_id)
                if cue is not None and cue.hit != bool(label):
                    kind = "missed" if label else "false hit"
                    lines.append(f"{answer.id}: {cue_id} {kind} (strength {cue.strength:.2f})")
        return lines


def calibrate(
    answers: Sequence[LabelledAnswer], library: Library, use_questions: bool = True
) -> Calibration:
    """Grade every answer and compare with its labels. Without `use_questions`, answers
    are graded with their rubric alone, as a held-out set that names no question is."""
    calibration = Calibration()
    for answer in answers:
        question = library.questions[answer.question] if answer.question and use_questions else None
        rubric = library.rubrics[question.rubric if question else answer.rubric]
        result = grade_answer(answer.answer, rubric, question)
        calibration.graded.append((answer, result))
        for cue_id in REQUIRED_CUES.get(rubric.id, ()):
            if cue_id not in answer.labels:
                continue
            figures = calibration.cues.setdefault((rubric.id, cue_id), CueFigures())
            cue = result.cue(cue_id)
            hit = bool(cue and cue.hit)
            label = bool(answer.labels[cue_id])
            if hit and label:
                figures.true_positive += 1
            elif hit:
                figures.false_positive += 1
            elif label:
                figures.false_negative += 1
            else:
                figures.true_negative += 1
    return calibration


def _ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1  # ties share their mean rank
        i = j + 1
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rank correlation (Pearson on ranks, ties averaged)."""
    if len(xs) != len(ys) or len(xs) < 2:
        raise ValueError("need two sequences of the same length, at least 2 long")
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    return cov / (vx * vy) ** 0.5 if vx and vy else 0.0
