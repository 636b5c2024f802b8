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


STORY_LETTER = "Story"
"""The outline's one entry for a story nothing was read from: its own text."""


def star_outline(saved: SavedStory, grade: StoryGrade | None) -> list[tuple[str, str]]:
    """The story's STAR parts as (letter, text): the one outline the prep sheet and the
    app show. A story told in parts gives them. One told in free text gives, for each
    part whose cue the grade counts as hit, the sentence that shows it most strongly,
    no sentence twice. When nothing is read that way (no grade, nothing hit), the
    story's own text, as ("Story", text); an empty story gives []."""
    story = saved.story
    if story.parts():
        return [(letter, getattr(story, name).strip()) for name, letter in STAR if getattr(story, name).strip()]
    outline = []
    if grade is not None:
        used: set[str] = set()
        for name, letter in STAR:
            cue_id = _CUE_OF_PART.get(name, name)
            cue = grade.final.result.cue(cue_id)
            if cue is None or not grade.final.is_hit(cue_id):
                continue
            # The strongest evidence first; a sentence already given to a part is skipped.
            for evidence in sorted(cue.evidence, key=lambda item: -item.weight):
                sentence = " ".join(evidence.sentence.split())
                if sentence and sentence not in used:
                    used.add(sentence)
                    outline.append((letter, sentence))
                    break
    if not outline and story.text().strip():
        return [(STORY_LETTER, story.text())]
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
