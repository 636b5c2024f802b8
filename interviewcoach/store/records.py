"""The records the history keeps, and the export file format: pydantic models."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from interviewcoach.grading.result import GradeResult

if TYPE_CHECKING:
    from collections.abc import Sequence

    from interviewcoach.final_grade import FinalGrade
    from interviewcoach.models import Level, Question, Rubric


def new_uid() -> str:
    return uuid.uuid4().hex


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class SessionRecord(_Record):
    """One sitting: a solo practice, a mock interview with a peer, or a `grade --save`."""

    uid: str = Field(default_factory=new_uid)
    """Stable across export and import, so importing twice adds nothing twice."""
    started_at: datetime = Field(default_factory=utc_now)
    ended_at: datetime | None = None
    mode: Literal["solo", "peer"] = "solo"
    candidate: str | None = None
    interviewer: str | None = None
    """The peer playing the interviewer, in peer mode."""
    setup: dict[str, Any] = {}
    """The settings the session ran with: category, level, stage, order, mode..."""
    score: float | None = None
    """The session's summary score: the mean of its attempts' scores."""


class ProbeExchange(_Record):
    """A follow-up probe the interviewer asked after the answer, and the reply."""

    probe: str
    cue: str | None = None
    """The cue the probe tried to draw out."""
    answer: str = ""
    result: GradeResult | None = None


class PeerDetails(_Record):
    """What a mock interview with a peer adds to an attempt: who played which part, the
    interviewer's ratings and comments, the recommendation and the round's feedback."""

    candidate: str
    interviewer: str
    round: int = Field(default=1, ge=1)
    """Which round of the mock the question was asked in (roles swap between rounds)."""
    answer_mode: Literal["spoken", "typed"] = "spoken"
    """spoken: the grade is of the interviewer's notes; typed: of the candidate's answer."""
    style: Literal["learning", "realistic"] = "realistic"
    recommendation: int | None = Field(default=None, ge=1, le=4)
    """1 strong no, 2 no, 3 yes, 4 strong yes."""
    comments: dict[str, str] = {}
    """The interviewer's private comment per cue id."""
    grader_calls: dict[str, bool] = {}
    """The grader's hit or miss per cue when the interviewer moved on: what the
    interviewer's calls (the attempt's overrides) are measured against."""
    focus_cues: list[str] = []
    """Cue names the candidate asked the interviewer to watch."""
    habits: list[str] = []
    """Habits the candidate named in their own words ("I ramble")."""
    focus_notes: str = ""
    """How the focus went, as the interviewer wrote it at the wrap-up."""
    keep: str = ""
    stop: str = ""
    start: str = ""
    """Keep doing, stop doing, start doing: the round's feedback."""
    clock_s: float | None = None
    """What the interviewer's clock read when the question ended."""


class AttemptRecord(_Record):
    """One answer to one question, graded, with everything needed to show it again."""

    uid: str = Field(default_factory=new_uid)
    session_uid: str | None = None
    created_at: datetime = Field(default_factory=utc_now)
    question_id: str | None = None
    question_text: str = ""
    """A copy of the prompt as asked: an edited bank never rewrites history."""
    category: str | None = None
    level: str | None = None
    rubric_id: str
    rubric_version: int
    answer: str
    probes: list[ProbeExchange] = []
    result: GradeResult
    """The answer's own grade, with each cue's evidence; `final` merges the probes in."""
    time_taken_s: float | None = None
    time_limit_s: int | None = None
    notes: str | None = None
    """The interviewer's notes, in peer mode."""
    overrides: dict[str, bool] = {}
    """Cue ids the interviewer marked hit (true) or missed (false) against the grader."""
    ratings: dict[str, int] = {}
    """The interviewer's ratings, e.g. {"overall": 4}."""
    recovered: list[str] = []
    """Cue ids missed in the answer but shown in a reply to a probe: a copy of
    `final.recovered` for readers of the export, recomputed whenever a record is built."""
    final_score: int | None = None
    """The final score (probe replies merged in): a copy of `final.score`, recomputed
    whenever a record is built."""
    peer: PeerDetails | None = None
    """Set for an attempt in a mock interview with a peer."""
    story_id: str | None = None
    """The story from your story bank the answer told, when one was picked in practice."""

    @classmethod
    def of(
        cls,
        result: GradeResult,
        answer: str,
        rubric: Rubric,
        question: Question | None = None,
        level: Level | None = None,
        *,
        session_uid: str | None = None,
        probes: Sequence[ProbeExchange] = (),
        time_taken_s: float | None = None,
        story_id: str | None = None,
    ) -> AttemptRecord:
        """The record of an answer graded against `rubric` (and `question`, if any)."""
        from interviewcoach.models import PROMPT_QUESTION_ID

        return cls(
            session_uid=session_uid,
            # A question made from a prompt alone is in no bank: keep its words, not its id.
            question_id=question.id if question and question.id != PROMPT_QUESTION_ID else None,
            question_text=question.prompt if question else "",
            category=str(question.category) if question else None,
            level=str(level) if level else None,
            rubric_id=rubric.id,
            rubric_version=rubric.version,
            answer=answer,
            probes=list(probes),
            result=result,
            time_taken_s=time_taken_s,
            time_limit_s=question.time_limit_s if question else None,
            story_id=story_id,
        )

    @model_validator(mode="after")
    def _copy_final(self) -> AttemptRecord:
        final = self.final
        self.recovered = list(final.recovered)
        self.final_score = final.score
        return self

    @property
    def final(self) -> FinalGrade:
        """The attempt's one final grade, rebuilt from what it keeps: the answer's grade,
        the graded replies to probes and the interviewer's calls."""
        from interviewcoach.final_grade import final_grade

        replies = [p.result for p in self.probes if p.result is not None]
        return final_grade(self.result, replies, self.overrides)


class DraftRecord(_Record):
    """An answer being typed, saved every few seconds until it is submitted."""

    key: str
    """What the draft belongs to, e.g. a session and question; one draft per key."""
    text: str
    question_id: str | None = None
    context: dict[str, Any] = {}
    updated_at: datetime = Field(default_factory=utc_now)


class ExportFile(_Record):
    """`interviewcoach export --format json`: everything, in a form `import` reads back."""

    format: Literal["interviewcoach-history"] = "interviewcoach-history"
    version: Literal[1] = 1
    exported_at: datetime = Field(default_factory=utc_now)
    sessions: list[SessionRecord] = []
    attempts: list[AttemptRecord] = []
