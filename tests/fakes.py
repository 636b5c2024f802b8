"""Stand-ins for the UI tests: a small question bank and a fixed grader, so that what
the screens show (and their snapshots) never follows the real grader or bundled bank."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from interviewcoach.banks import Library, build_library, load_files
from interviewcoach.grading.result import CueResult, Evidence, GradeResult, Verdict
from interviewcoach.models import Level, Question, Rubric

UI_BANK = Path(__file__).parent / "data" / "ui-bank"


def load_test_bank(folder: Path) -> Library:
    """A test bank's library, which must load without problems."""
    files, problems = load_files([folder])
    library, found = build_library(files)
    assert not problems and not found, problems + found
    return library


@cache
def ui_library() -> Library:
    """tests/data/ui-bank: three questions and one five-cue rubric."""
    return load_test_bank(UI_BANK)


def _keyword(rubric_cue) -> str:
    return rubric_cue.phrases[0].split()[0].split("|")[0]


def fixed_grade(
    text: str,
    rubric: Rubric,
    question: Question | None = None,
    level: Level | None = None,
    *,
    follow_up: bool = False,
    notes: bool = False,
) -> GradeResult:
    """A grade anyone can work out by hand: a cue is hit (strength 1) when its first
    phrase's first word is in the text, each occurrence its evidence; the score is the
    weighted share of cues hit."""
    cues = []
    for cue in rubric.cues:
        word = _keyword(cue)
        spans = [m.span() for m in re.finditer(rf"\b{re.escape(word)}\b", text, flags=re.IGNORECASE)]
        evidence = [Evidence(start, end, text[start:end], word, "exact", text, 1.0) for start, end in spans]
        hit = bool(evidence)
        cues.append(
            CueResult(
                cue.id,
                cue.label,
                hit,
                1.0 if hit else 0.0,
                False,
                cue.weight,
                evidence,
                tip=None if hit else cue.tip,
                probe=None if hit else cue.probes[0],
            )
        )
    total = sum(cue.weight for cue in cues)
    score = round(100 * sum(cue.weight * cue.strength for cue in cues) / total)
    verdict: Verdict = "strong" if score >= 75 else "solid" if score >= 55 else "partial" if score >= 35 else "weak"
    return GradeResult(
        rubric.id, rubric.version, question.id if question else None, score, verdict, cues, len(text.split()), []
    )
