"""Two attempts at one question, compared: the score change and each cue gained, lost or
changed, with the reason read from the final grades (never recomputed). No Textual."""

from __future__ import annotations

from dataclasses import dataclass

from interviewcoach.final_grade import FinalGrade
from interviewcoach.interviewer import compare


@dataclass(frozen=True)
class CueChange:
    cue_id: str
    label: str
    reason: str


@dataclass(frozen=True)
class Comparison:
    change: int
    """The later final score minus the earlier."""
    gained: list[CueChange]
    lost: list[CueChange]
    changed: list[CueChange]
    """Cues counted in both, but shown differently (in the answer, or only after a probe)."""


def _how_shown(final: FinalGrade, cue_id: str) -> str:
    if final.overrides.get(cue_id) is True:
        return "marked hit by the interviewer"
    if cue_id in final.recovered:
        return "shown only after a probe"
    cue = next(c for c in final.cues if c.id == cue_id)
    if cue.evidence:
        return f'shown in the answer ("{cue.evidence[0].text}")'
    return "shown in the answer"


def _why_missed(final: FinalGrade, cue_id: str) -> str:
    cue = next((c for c in final.cues if c.id == cue_id), None)
    if final.overrides.get(cue_id) is False:
        return "marked missed by the interviewer"
    if cue is not None and cue.negated:
        return "mentioned only to be denied"
    if cue is not None and cue.strength > 0:
        return f"only touched on (strength {cue.strength:.2f})"
    return "not in the answer or any reply"


def compare_attempts(earlier: FinalGrade, later: FinalGrade) -> Comparison:
    """What changed from `earlier` to `later` (two grades of one question's rubric)."""
    change, gained_ids, lost_ids = compare(earlier, later)
    labels = {cue.id: cue.label for cue in later.cues} | {cue.id: cue.label for cue in earlier.cues}
    gained = [CueChange(c, labels[c], _how_shown(later, c)) for c in gained_ids]
    lost = [CueChange(c, labels[c], f"{_why_missed(later, c)}; before: {_how_shown(earlier, c)}") for c in lost_ids]
    changed = []
    for cue in later.cues:
        if cue.id in later.hits and cue.id in earlier.hits:
            before, now = cue.id in earlier.recovered, cue.id in later.recovered
            if before and not now:
                changed.append(CueChange(cue.id, cue.label, "now shown in the answer, not only after a probe"))
            elif now and not before:
                changed.append(CueChange(cue.id, cue.label, "now shown only after a probe"))
    return Comparison(change, gained, lost, changed)
