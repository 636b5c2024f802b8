"""Measure the grader against answers labelled by people: per-cue precision, recall and
F1, rank correlation of score with rating, how far scores sit from the ratings, whether
verdicts flatter, the scores of gamed answers, answers graded against another question,
and how many shown evidence spans a person judged acceptable.

The labelled-set file format (TOML, one [[answers]] table each) is a pydantic model so
a broken file is reported like any other content file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from interviewcoach.banks import Library
from interviewcoach.grading.grader import grade_answer
from interviewcoach.grading.result import GradeResult

REQUIRED_CUES = {
    "product-design": ("customer_focus", "why", "for_whom", "rollout", "metrics"),
    "behavioural": ("situation", "task", "action", "result", "customer_focus"),
}
"""The cues the grader issues define; the F1 bar is measured over these."""

GamedKind = Literal[
    "stuffed",
    "gibberish",
    "negated",
    "offquestion",
    "labels-only",
    # Sets the question's scene in detail and proposes or reasons about nothing.
    "scene-setting",
    # A framework recited with one heading per cue, each filled with the question's own nouns.
    "template",
    # Words addressed to the grader ("assign every label = 1") around a thin answer.
    "injection",
    # A story question answered with what the candidate would do in general, no story.
    "hypothetical",
    # A checklist that claims every cue ("✔ Metrics: we will track the right KPIs").
    "selfgrade",
    # Every cue named, each handed to another team or a later meeting to decide.
    "deferral",
    # Nothing but clarifying questions, one per cue; none answered.
    "all-questions",
    # A vivid story in which every decision and action is a colleague's; the candidate watched.
    "bystander",
    # How a model answer to the question should be built, instead of one.
    "lecture",
    # A CV of past PM work that names every cue, offered as the answer.
    "credentials",
    # What competitors do, cue by cue, and no choice of the candidate's own.
    "competitor-tour",
    # Praise from reviews and peers, quoted, in the third person; no story.
    "testimonial",
    # A dated list of meeting titles, one per cue, and nothing that happened in them.
    "calendar-dump",
    # A story whose every detail is a bracketed placeholder "[under NDA]".
    "redacted",
    # One sentence a cue, each from a different, unrelated story.
    "patchwork",
    # Every cue set out as lettered options, none of them chosen.
    "menu",
    # A fable that shows every cue, then claims that is how it would design the product.
    "parable",
    # Nothing but figures, each tagged with a cue's word; no product, decision or story.
    "number-soup",
    # One concrete story that has not happened yet: every deed and lesson in the future.
    "prospective",
    # A marketing landing page: each cue a slogan.
    "ad-copy",
]
"""Answers written to game the grader (or to answer another question): every one must
score under GAMED_BAR."""

GAMED_KINDS = frozenset(get_args(GamedKind))

Kind = Literal[
    "strong",
    "partial",
    "weak",
    "paraphrase",
    "plain",
    "negation",
    "typo",
    "offtopic",
    "oneline",
    "hedged",
    "rambling",
    GamedKind,
]


class Bars:
    """The targets the grader issue sets, in one place for the tests and the benchmark."""

    MACRO_F1 = 0.88
    SPEARMAN = 0.85
    STRONG_AMONG_LOW = 0.05
    """Answers rated 3/5 or lower called "strong": at most this share."""
    LOW_AMONG_HIGH = 0.05
    """Answers rated 4/5 or higher called weak, insufficient or off-question: at most."""
    MEAN_ERROR = 12.0
    """Mean |score - (rating - 1) * 25|: at most."""
    GAMED = 30
    """Every gamed answer scores below this."""
    CROSS_BELOW_40 = 0.95
    """Design answers graded against another design question: at least this share < 40."""
    OWN_OFF_QUESTION = 0.02
    """Design answers graded against their own question called off-question: at most."""
    SPANS_ACCEPTABLE = 0.90


class LabelledAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    rubric: str
    question: str | None = None
    """The question the answer is graded against."""
    written_for: str | None = None
    """For an off-question answer: the question it really answers."""
    kind: Kind
    rating: float = Field(ge=1, le=5)
    """A person's overall rating: 1 (reject) to 5 (clear hire), in halves."""
    labels: dict[str, Literal[0, 1]]
    """Per cue: 1 if the answer substantively shows it, else 0."""
    answer: str

    @field_validator("rating")
    @classmethod
    def _in_halves(cls, value: float) -> float:
        if value * 2 != int(value * 2):
            raise ValueError("ratings go in halves: 1, 1.5, 2 ... 5")
        return value

    @property
    def expected_score(self) -> float:
        """Where a rating sits on the grader's 0-100 scale."""
        return (self.rating - 1) * 25


_File = TypeVar("_File", bound=BaseModel)


class LabelledSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answers: list[LabelledAnswer] = Field(min_length=1)


def load_labelled(paths: Sequence[Path]) -> list[LabelledAnswer]:
    return [answer for path in paths for answer in _read(path, LabelledSet).answers]


def _read(path: Path, model: type[_File]) -> _File:
    return model.model_validate(tomllib.loads(path.read_text("utf-8")))


class SpanJudgement(BaseModel):
    """A person's call on one evidence span the grader showed: does it evidence the cue?"""

    model_config = ConfigDict(extra="forbid", frozen=True)

    answer: str
    cue: str
    text: str
    """The span's words exactly as the grader showed them."""
    acceptable: bool
    why: str | None = None


class SpanJudgements(BaseModel):
    model_config = ConfigDict(extra="forbid")

    spans: list[SpanJudgement] = Field(min_length=1)


def load_span_judgements(paths: Sequence[Path]) -> list[SpanJudgement]:
    return [span for path in paths for span in _read(path, SpanJudgements).spans]


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


LOW_VERDICTS = frozenset({"weak", "insufficient", "off-question"})


@dataclass
class Calibration:
    cues: dict[tuple[str, str], CueFigures] = field(default_factory=dict)
    """Required cues only: the F1 bar."""
    other_cues: dict[tuple[str, str], CueFigures] = field(default_factory=dict)
    """Every other labelled cue, reported beside the bar."""
    graded: list[tuple[LabelledAnswer, GradeResult]] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        return sum(f.f1 for f in self.cues.values()) / len(self.cues) if self.cues else 0.0

    @property
    def other_macro_f1(self) -> float | None:
        figures = self.other_cues.values()
        return sum(f.f1 for f in figures) / len(figures) if figures else None

    @property
    def spearman(self) -> float:
        return spearman([r.score for _, r in self.graded], [a.rating for a, _ in self.graded])

    @property
    def gamed(self) -> list[tuple[LabelledAnswer, GradeResult]]:
        return [(a, r) for a, r in self.graded if a.kind in GAMED_KINDS]

    @property
    def strong_among_low(self) -> tuple[int, int]:
        """(called strong, all) among answers rated 3 or lower."""
        low = [r for a, r in self.graded if a.rating <= 3]
        return sum(1 for r in low if r.verdict == "strong"), len(low)

    @property
    def low_among_high(self) -> tuple[int, int]:
        """(called weak, insufficient or off-question, all) among answers rated 4 or higher."""
        high = [r for a, r in self.graded if a.rating >= 4]
        return sum(1 for r in high if r.verdict in LOW_VERDICTS), len(high)

    @property
    def mean_error(self) -> float:
        errors = [abs(r.score - a.expected_score) for a, r in self.graded]
        return sum(errors) / len(errors) if errors else 0.0

    @property
    def mean_bias(self) -> float:
        """Mean score - expected score: above 0, the grader flatters."""
        gaps = [r.score - a.expected_score for a, r in self.graded]
        return sum(gaps) / len(gaps) if gaps else 0.0

    def disagreements(self) -> list[str]:
        lines = []
        for answer, result in self.graded:
            for cue_id, label in answer.labels.items():
                cue = result.cue(cue_id)
                if cue is not None and cue.hit != bool(label):
                    kind = "missed" if label else "false hit"
                    lines.append(f"{answer.id}: {cue_id} {kind} (strength {cue.strength:.2f})")
            gap = result.score - answer.expected_score
            if abs(gap) > 20:
                lines.append(
                    f"{answer.id}: scored {result.score} {result.verdict}, rated {answer.rating:g} ({gap:+.0f})"
                )
        return lines


def _target(answer: LabelledAnswer, library: Library, use_questions: bool):
    question = library.questions[answer.question] if answer.question and use_questions else None
    rubric = library.rubrics[question.rubric if question else answer.rubric]
    return rubric, question


def calibrate(
    answers: Sequence[LabelledAnswer], library: Library, use_questions: bool = True, notes: bool = False
) -> Calibration:
    """Grade every answer and compare with its labels. Without `use_questions`, answers
    are graded with their rubric alone, as a held-out set that names no question is.
    With `notes`, each "answer" is an interviewer's notes of a spoken answer, graded as
    the peer cockpit grades them."""
    calibration = Calibration()
    for answer in answers:
        rubric, question = _target(answer, library, use_questions)
        result = grade_answer(answer.answer, rubric, question, notes=notes)
        calibration.graded.append((answer, result))
        required = REQUIRED_CUES.get(rubric.id, ())
        for cue_id, label in answer.labels.items():
            cue = result.cue(cue_id)
            if cue is None:
                continue
            table = calibration.cues if cue_id in required else calibration.other_cues
            figures = table.setdefault((rubric.id, cue_id), CueFigures())
            if cue.hit and label:
                figures.true_positive += 1
            elif cue.hit:
                figures.false_positive += 1
            elif label:
                figures.false_negative += 1
            else:
                figures.true_negative += 1
    return calibration


@dataclass
class CrossQuestion:
    """Design answers graded against other design questions, and against their own."""

    against_other: list[tuple[str, str, int]] = field(default_factory=list)
    """(answer id, other question id, score)."""
    against_own: list[tuple[str, str]] = field(default_factory=list)
    """(answer id, verdict)."""

    @property
    def below_40(self) -> float:
        scores = [s for _, _, s in self.against_other]
        return sum(1 for s in scores if s < 40) / len(scores) if scores else 1.0

    @property
    def own_off_question(self) -> float:
        verdicts = [v for _, v in self.against_own]
        return sum(1 for v in verdicts if v == "off-question") / len(verdicts) if verdicts else 0.0


def cross_question(answers: Iterable[LabelledAnswer], library: Library, per_answer: int | None = None) -> CrossQuestion:
    """Grade each real design answer (rated 2 or more, not written off the topic) against
    other design questions:
    all of them, or `per_answer` of them picked evenly through the bank, so the figure
    is the same on every run."""
    design = sorted(q.id for q in library.questions.values() if q.rubric == "product-design")
    cross = CrossQuestion()
    for answer in answers:
        if (
            answer.rubric != "product-design"
            or not answer.question
            or answer.rating < 2
            or answer.kind in GAMED_KINDS
            or answer.kind == "offtopic"
        ):
            continue
        own = library.questions[answer.question]
        rubric = library.rubrics[own.rubric]
        cross.against_own.append((answer.id, grade_answer(answer.answer, rubric, own).verdict))
        others = [q for q in design if q not in (answer.question, answer.written_for)]
        if per_answer is not None and per_answer < len(others):
            start = sum(map(ord, answer.id)) % len(others)
            step = len(others) // per_answer
            others = [others[(start + k * step) % len(others)] for k in range(per_answer)]
        for other_id in others:
            result = grade_answer(answer.answer, rubric, library.questions[other_id])
            cross.against_other.append((answer.id, other_id, result.score))
    return cross


@dataclass
class SpanReading:
    acceptable: int = 0
    judged: int = 0
    unjudged: list[tuple[str, str, str]] = field(default_factory=list)
    """(answer id, cue, text) of shown spans nobody judged yet."""
    rejected: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.acceptable / self.judged if self.judged else 1.0


def read_spans(calibration: Calibration, judgements: Sequence[SpanJudgement]) -> SpanReading:
    """Of the evidence spans the grader shows now on the judged answers (hit cues only:
    what feedback highlights), how many a person judged acceptable."""
    calls = {(j.answer, j.cue, j.text): j.acceptable for j in judgements}
    judged_answers = {j.answer for j in judgements}
    reading = SpanReading()
    for answer, result in calibration.graded:
        if answer.id not in judged_answers:
            continue
        for cue in result.cues:
            if not cue.hit:
                continue
            for evidence in cue.evidence:
                call = calls.get((answer.id, cue.id, evidence.text))
                if call is None:
                    reading.unjudged.append((answer.id, cue.id, evidence.text))
                    continue
                reading.judged += 1
                if call:
                    reading.acceptable += 1
                else:
                    reading.rejected.append((answer.id, cue.id, evidence.text))
    return reading


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
