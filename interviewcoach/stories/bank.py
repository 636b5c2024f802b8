"""The story bank put together once for a face to render: the stories on disk, their
grades, the themes the banks ask, and what the history says of their use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from interviewcoach.stories.coverage import Coverage, build_coverage, times_used
from interviewcoach.stories.grade import StoryGrade, StoryGrader, grade_stories, story_rubric
from interviewcoach.stories.shelf import SavedStory, Shelf, read_stories
from interviewcoach.stories.themes import Theme, story_themes

if TYPE_CHECKING:
    from interviewcoach.banks import Library


@dataclass
class StoryBank:
    shelf: Shelf
    grades: dict[str, StoryGrade]
    themes: list[Theme]
    uses: Mapping[str, Sequence[int]] = field(default_factory=dict)
    """Attempt ids that told each story, from the history."""
    recent_picks: Sequence[str] = ()
    """Story ids of the latest attempts that told a story, newest first."""

    @property
    def stories(self) -> list[SavedStory]:
        return self.shelf.stories

    def times_used(self, saved: SavedStory) -> int:
        return times_used(saved, self.uses)

    def coverage(self) -> Coverage:
        return build_coverage(self.themes, self.stories, self.grades, self.recent_picks)


def load_story_bank(
    library: Library,
    uses: Mapping[str, Sequence[int]] | None = None,
    recent_picks: Sequence[str] = (),
    grader: StoryGrader | None = None,
    folder: Path | None = None,
) -> StoryBank:
    """Read and grade every story (with `grader`, the real grader by default)."""
    shelf = read_stories(folder)
    rubric = story_rubric(library)
    grades = grade_stories(shelf.stories, rubric, grader) if rubric is not None else {}
    return StoryBank(shelf, grades, story_themes(library), uses or {}, recent_picks)
