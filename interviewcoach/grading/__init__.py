"""The grader: a pure library, text in and GradeResult out; no I/O and no Textual."""

from interviewcoach.grading.grader import grade_answer
from interviewcoach.grading.result import CueResult, Evidence, GradeResult

__all__ = ["grade_answer", "GradeResult", "CueResult", "Evidence"]
