"""Plain-text renderings of grades and attempts, shared by `grade` and `history show`."""

from __future__ import annotations

import textwrap

from interviewcoach.grading import GradeResult


def render_report(result: GradeResult, about: str) -> str:
    """The result for reading in a terminal: score, cues with quoted evidence, tips."""
    lines = [f"Score {result.score}/100 ({result.verdict})  {about}, {result.word_count} words", ""]
    width = max(len(cue.label) for cue in result.cues)
    for cue in result.cues:
        mark = "✓" if cue.hit else "✗"
        lines.append(f"{mark} {cue.label.ljust(width)}  {cue.strength:.2f}")
        strongest = sorted(cue.evidence, key=lambda e: -e.weight)[:4]
        for evidence in sorted(strongest, key=lambda e: e.start):
            how = "" if evidence.how == "exact" else f" ({evidence.how})"
            lines.append(f'    "{evidence.text}"{how}  <- {short_phrase(evidence.phrase)}')
        if len(cue.evidence) > 4:
            lines.append(f"    ... and {len(cue.evidence) - 4} more")
        if not cue.hit:
            for evidence in cue.negated_evidence[:2]:
                lines.append(f'    not counted, negated: "{clip(evidence.sentence)}"')
        if cue.tip:
            lines.extend(wrapped("Tip: " + cue.tip))
        if cue.probe and not cue.hit:
            lines.extend(wrapped("Ask yourself: " + cue.probe))
    if result.notes:
        lines.append("")
        for note in result.notes:
            lines.extend(wrapped("Note: " + note, indent="  "))
    return "\n".join(lines)


def short_phrase(phrase: str, alternatives: int = 3) -> str:
    """A rubric phrase for reading: long lists of alternatives cut to their first few."""
    words = []
    for chunk in phrase.split():
        options = chunk.split("|")
        words.append("|".join(options[:alternatives]) + ("|…" if len(options) > alternatives else ""))
    return " ".join(words)


def clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def wrapped(text: str, indent: str = "    ", width: int = 88) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), width=width, initial_indent=indent,
                         subsequent_indent=indent + "  ")
