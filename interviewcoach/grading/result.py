"""What grading an answer produces.

Plain frozen dataclasses, because the grader builds dozens per answer within a 2 ms
budget and pydantic model construction alone would cost a third of it; pydantic still
owns their format: `to_dict`, `to_json` and `from_dict` go through a TypeAdapter, which
validates on the way in (results read back from storage or a file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from interviewcoach.grading.relevance import Relevance

How = Literal["exact", "stem", "typo", "fuzzy"]
Verdict = Literal["strong", "solid", "partial", "weak", "insufficient", "off-question"]


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    """Offset of the first matched character in the answer (or of a figure written onto
    the matched words: "82-year-old")."""
    end: int
    """Offset just past the last character shown (see `text`)."""
    text: str
    """The words shown, exactly as written: answer[start:end]. The matched words; for
    evidence of only common words ("so they") the rest of its clause as well."""
    phrase: str
    """The rubric phrase that matched."""
    how: How
    """exact words, same stem, a corrected typo, or words with others between them."""
    sentence: str
    """The sentence (or bullet item) the match sits in."""
    weight: float
    """What this match contributed before diminishing returns (0..1)."""


@dataclass(frozen=True, slots=True)
class CueResult:
    id: str
    label: str
    hit: bool
    strength: float
    """0..1: how well the answer shows the cue; a hit from 0.5."""
    negated: bool
    """The answer mentions the cue only to deny it ("we didn't measure anything")."""
    weight: float
    """The cue's weight in the score, after any level adjustment."""
    evidence: list[Evidence]
    """The words that earned the strength, in answer order."""
    negated_evidence: list[Evidence] = field(default_factory=list)
    """Mentions that did not count because they were negated."""
    tip: str | None = None
    """Coaching, for a missed cue."""
    probe: str | None = None
    """A follow-up question that draws the cue out, for a missed cue."""


@dataclass(frozen=True, slots=True)
class GradeResult:
    rubric: str
    rubric_version: int
    question: str | None
    score: int
    """0..100."""
    verdict: Verdict
    cues: list[CueResult]
    word_count: int
    notes: list[str]
    """Why the score is what it is, beyond the cues: discounts and their reasons."""
    relevance: Relevance | None = None
    """Whether the answer addresses its question; None when graded without one."""

    @property
    def lead_notes(self) -> list[str]:
        """The notes every face shows before any cue: why this is not read as an answer
        to the question (too short, not English, another question's). Empty otherwise."""
        return self.notes[:1] if self.verdict in ("insufficient", "off-question") else []

    def cue(self, cue_id: str) -> CueResult | None:
        return next((cue for cue in self.cues if cue.id == cue_id), None)

    def to_dict(self) -> dict[str, Any]:
        return _adapter().dump_python(self, mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return _adapter().dump_json(self, indent=indent).decode("utf-8")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GradeResult:
        """A result read back from storage, validated."""
        return _adapter().validate_python(data)

    def contract(self) -> dict:
        """The public JSON shape of `grade --batch` (documented in the README)."""
        return {
            "rubric": self.rubric,
            "score": self.score,
            "verdict": self.verdict,
            "cues": {
                cue.id: {
                    "hit": cue.hit,
                    "strength": cue.strength,
                    "negated": cue.negated,
                    "evidence": [
                        {"start": e.start, "end": e.end, "text": e.text, "phrase": e.phrase, "how": e.how}
                        for e in cue.evidence
                    ],
                }
                for cue in self.cues
            },
            # Judged only when the answer's question (or prompt) is known.
            "relevance": None
            if self.relevance is None
            else {"on_question": self.relevance.on_question, "missing": list(self.relevance.missing)},
        }


@cache
def _adapter():
    from pydantic import TypeAdapter

    return TypeAdapter(GradeResult)
