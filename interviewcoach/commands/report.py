"""Plain-text renderings of final grades, shared by `grade` and `history show`."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewcoach.final_grade import FinalGrade


def render_report(final: FinalGrade, about: str) -> str:
    """A final grade for reading in a terminal: score, cues with quoted evidence, tips.
    A cue shown only in a reply to a probe is marked ↺; an interviewer's call is named."""
    result = final.result
    lines = [f"Score {final.headline()}  {about}, {result.word_count} words", ""]
    # An answer that isn't one (too short, another question's) is told so before any cue.
    first_notes = result.lead_notes
    for note in first_notes:
        lines.extend(wrapped(note, indent=""))
    if first_notes:
        lines.append("")
    width = max(len(cue.label) for cue in result.cues)
    for cue in result.cues:
        hit = final.is_hit(cue.id)
        call = ""
        if cue.id in final.overrides:
            call = "  (interviewer's call)"
        elif cue.id in final.recovered:
            call = "  (shown when asked)"
        lines.append(f"{final.mark(cue.id)} {cue.label.ljust(width)}  {cue.strength:.2f}{call}")
        strongest = sorted(cue.evidence, key=lambda e: -e.weight)[:4]
        for evidence in sorted(strongest, key=lambda e: e.start):
            how = "" if evidence.how == "exact" else f" ({evidence.how})"
            lines.append(f'    "{evidence.text}"{how}  <- {short_phrase(evidence.phrase)}')
        if len(cue.evidence) > 4:
            lines.append(f"    ... and {len(cue.evidence) - 4} more")
        if hit:
            continue
        for evidence in cue.negated_evidence[:2]:
            lines.append(f'    not counted, negated: "{clip(evidence.sentence)}"')
        if cue.tip:
            lines.extend(wrapped("Tip: " + cue.tip))
        if cue.probe:
            lines.extend(wrapped("Ask yourself: " + cue.probe))
    if result.notes and not first_notes:
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
    return textwrap.wrap(" ".join(text.split()), width=width, initial_indent=indent, subsequent_indent=indent + "  ")
