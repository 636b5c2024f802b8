"""The grader: a pure library, text in and GradeResult out; no I/O and no Textual.

Names are imported on first use, so that code needing only the result types (the
history store) does not load the grader and its rubric models."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewcoach.grading.grader import grade_answer
    from interviewcoach.grading.result import CueResult, Evidence, GradeResult, Verdict
    from interviewcoach.grading.verdict import verdict_for

__all__ = ["grade_answer", "verdict_for", "GradeResult", "CueResult", "Evidence", "Verdict"]


def __getattr__(name: str):
    if name == "grade_answer":
        from interviewcoach.grading.grader import grade_answer

        return grade_answer
    if name == "verdict_for":
        from interviewcoach.grading.verdict import verdict_for

        return verdict_for
    if name in ("GradeResult", "CueResult", "Evidence", "Verdict"):
        from interviewcoach.grading import result

        return getattr(result, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
