"""The final grade of one attempt, with one owner: the answer's own grade, what replies
to probes added, and the interviewer's calls. Every face (the feedback screen, the
summary, `history`, `history show`, `stats`, every export format, the peer report)
reads a FinalGrade, so one attempt shows one score, one verdict and one set of hits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from interviewcoach.grading.result import CueResult, GradeResult, Verdict
from interviewcoach.grading.verdict import verdict_for

PROBED_CREDIT = 0.75
"""A cue drawn out only by a probe counts for this share of its strength: the
interviewer had to ask for it."""


@dataclass(frozen=True)
class FinalGrade:
    """What an attempt finally earned. Build it with `final_grade()`."""

    result: GradeResult
    """The answer's own grade: its evidence points into the answer."""
    score: int
    """0..100: the answer's score, raised by what probe replies showed."""
    verdict: Verdict
    """The verdict the final score earns (the answer's own when no reply raised it)."""
    hits: tuple[str, ...]
    """Cue ids that count as shown, in rubric order: hit in the answer, recovered in a
    reply, or called hit by the interviewer."""
    misses: tuple[str, ...]
    """Every other cue id, in rubric order."""
    recovered: tuple[str, ...]
    """Cues missed in the answer and shown only in a reply to a probe (and not
    overruled by the interviewer)."""
    overrides: Mapping[str, bool] = field(default_factory=lambda: MappingProxyType({}))
    """Cue ids the interviewer marked hit (true) or missed (false) against the grader."""

    @property
    def cues(self) -> list[CueResult]:
        return self.result.cues

    @property
    def raised(self) -> bool:
        """Whether probe replies raised the score above the answer's own."""
        return self.score != self.result.score

    def is_hit(self, cue_id: str) -> bool:
        return cue_id in self.hits

    def mark(self, cue_id: str) -> str:
        """✓ hit, ↺ shown only when asked, ✗ missed: the same mark on every face."""
        if cue_id in self.recovered:
            return "↺"
        return "✓" if cue_id in self.hits else "✗"

    def headline(self) -> str:
        """ "72/100 (solid)", with the answer's own score when replies raised it."""
        text = f"{self.score}/100 ({self.verdict})"
        if self.raised:
            text += f", answer {self.result.score} raised by replies to probes"
        return text


def final_grade(
    result: GradeResult,
    probe_results: Iterable[GradeResult] = (),
    overrides: Mapping[str, bool] | None = None,
) -> FinalGrade:
    """The answer's grade with probe replies merged in and the interviewer's calls applied.

    A cue hit in any probe reply is recovered; the score takes it at PROBED_CREDIT of its
    strength, scaled like the answer's own score (length, specifics), and never falls
    below the answer's. The interviewer's calls decide hit or miss for the cues they name;
    the score stays the graders' (answer and replies)."""
    replies = list(probe_results)
    calls = dict(overrides or {})
    score = _merged_score(result, replies)
    verdict = result.verdict if score == result.score else verdict_for(score)
    hits: list[str] = []
    misses: list[str] = []
    recovered: list[str] = []
    for cue in result.cues:
        shown_in_reply = not cue.hit and any(_hit(reply, cue.id) for reply in replies)
        if cue.id in calls:
            hit = calls[cue.id]
        else:
            hit = cue.hit or shown_in_reply
            if shown_in_reply:
                recovered.append(cue.id)
        (hits if hit else misses).append(cue.id)
    return FinalGrade(result, score, verdict, tuple(hits), tuple(misses), tuple(recovered), MappingProxyType(calls))


def _hit(result: GradeResult, cue_id: str) -> bool:
    cue = result.cue(cue_id)
    return bool(cue and cue.hit)


def _merged_score(result: GradeResult, replies: list[GradeResult]) -> int:
    if not replies:
        return result.score
    merged_strength = {}
    for cue in result.cues:
        best = max((c.strength for reply in replies if (c := reply.cue(cue.id))), default=0.0)
        merged_strength[cue.id] = max(cue.strength, best * PROBED_CREDIT)
    total = sum(cue.weight for cue in result.cues) or 1.0
    raw = sum(cue.weight * cue.strength for cue in result.cues) / total
    merged_raw = sum(cue.weight * merged_strength[cue.id] for cue in result.cues) / total
    if raw > 0 and result.verdict != "insufficient":
        score = round(min(100.0, result.score * merged_raw / raw))
    else:
        # The answer itself earned nothing to scale by: the replies alone count half.
        score = round(100 * merged_raw * 0.5)
    return max(result.score, score)
