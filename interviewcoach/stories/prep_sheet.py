"""The prep sheet: every story on one page in STAR form with its themes and grade, in
Markdown, to reread before an interview."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from textwrap import shorten

from interviewcoach.stories.grade import StoryGrade
from interviewcoach.stories.shelf import SavedStory

PART_WORDS = 240
"""Characters kept of each part: a prep sheet is a reminder, not the story."""
STAR = (("situation", "S"), ("task", "T"), ("action", "A"), ("result", "R"), ("learned", "L"))
_CUE_OF_PART = {"learned": "reflection"}


def star_outline(saved: SavedStory, grade: StoryGrade | None) -> list[tuple[str, str]]:
    """The story's STAR parts as (letter, text). A story told in parts gives them; one
    told in free text gives, for each part, the first sentence the grader read as it."""
    if saved.story.parts():
        return [
            (letter, getattr(saved.story, name).strip()) for name, letter in STAR if getattr(saved.story, name).strip()
        ]
    if grade is None:
        return []
    outline = []
    for name, letter in STAR:
        cue = grade.final.result.cue(_CUE_OF_PART.get(name, name))
        if cue is not None and cue.evidence:
            outline.append((letter, cue.evidence[0].sentence.strip()))
    return outline


def prep_sheet(stories: Sequence[SavedStory], grades: Mapping[str, StoryGrade]) -> str:
    lines = ["# Your stories", ""]
    if not stories:
        lines.append("No stories yet: add them in the app (`t` on the home screen, then `a`).")
    for saved in stories:
        story = saved.story
        grade = grades.get(saved.id)
        where = ", ".join(part for part in (story.where, story.when) if part)
        lines.append(f"## {story.title}" + (f" ({where})" if where else ""))
        meta = [f"Themes: {', '.join(story.themes) or 'none yet'}"]
        if grade is not None:
            meta.append(f"{grade.score}/100 ({grade.verdict})")
        lines.append(" · ".join(meta))
        lines.append("")
        outline = star_outline(saved, grade)
        lines.extend(
            f"- **{letter}** {shorten(' '.join(text.split()), PART_WORDS, placeholder=' …')}"
            for letter, text in outline
        )
        if not outline:
            lines.append("- (nothing written yet)")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
