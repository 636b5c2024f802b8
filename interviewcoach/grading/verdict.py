"""The verdict bands: which word goes with a score. Public, so that a score raised by
probe replies (see final_grade.py) gets the verdict its new score earns."""

from __future__ import annotations

from interviewcoach.grading.result import Verdict


def verdict_for(score: int) -> Verdict:
    """The verdict a score earns; "insufficient" is the grader's call, never a band."""
    if score >= 75:
        return "strong"
    if score >= 55:
        return "solid"
    if score >= 35:
        return "partial"
    return "weak"
