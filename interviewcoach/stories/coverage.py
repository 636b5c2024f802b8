"""Coverage: which of your stories can answer which theme, and how strongly; the themes
left with no story or only a weak one; and the stories told so often that they would
repeat across one loop of interviews.

The repeat rule: a loop has four or five behavioural questions. A story picked for 3 or
more of your last 10 behavioural answers that used a story would, at that rate, be told
about twice in one loop (3/10 of 5 questions), so it is called overused."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from interviewcoach.stories.grade import StoryGrade
from interviewcoach.stories.shelf import SavedStory
from interviewcoach.stories.themes import Theme

RECENT_PICKS = 10
"""How many of your latest story picks the repeat rule looks at."""
OVERUSED_FROM = 3
"""Picks among those from which a story would repeat across a loop."""

Status = Literal["covered", "weak", "none"]


@dataclass(frozen=True)
class Cell:
    """One story's answer to one theme: the story's verdict and score."""

    story_id: str
    verdict: str
    score: int
    good: bool


@dataclass(frozen=True)
class ThemeRow:
    theme: Theme
    cells: tuple[Cell, ...]
    """The stories tagged with the theme, strongest first."""

    @property
    def status(self) -> Status:
        """covered: a strong or solid story answers it; weak: only weaker ones; none."""
        if not self.cells:
            return "none"
        return "covered" if any(cell.good for cell in self.cells) else "weak"

    def cell(self, story_id: str) -> Cell | None:
        return next((cell for cell in self.cells if cell.story_id == story_id), None)


@dataclass(frozen=True)
class Overuse:
    story_id: str
    title: str
    picks: int
    """How many of the last `of` picks were this story."""
    of: int


@dataclass(frozen=True)
class Coverage:
    stories: tuple[SavedStory, ...]
    """The matrix's columns."""
    rows: tuple[ThemeRow, ...]
    """One per theme the banks ask, most asked first."""
    unasked: tuple[str, ...]
    """Themes your stories are tagged with that no question asks (a typo, or your own)."""
    overused: tuple[Overuse, ...]

    @property
    def uncovered(self) -> list[ThemeRow]:
        return [row for row in self.rows if row.status == "none"]

    @property
    def weak(self) -> list[ThemeRow]:
        return [row for row in self.rows if row.status == "weak"]


def build_coverage(
    themes: Sequence[Theme],
    stories: Sequence[SavedStory],
    grades: Mapping[str, StoryGrade],
    recent_picks: Sequence[str] = (),
) -> Coverage:
    """The matrix of `themes` by `stories` with each story's grade; `recent_picks` are
    the story ids of your latest behavioural answers that used one, newest first."""
    rows = []
    for theme in themes:
        cells = [_cell(saved.id, grades.get(saved.id)) for saved in stories if theme.tag in saved.story.themes]
        cells.sort(key=lambda cell: -cell.score)
        rows.append(ThemeRow(theme, tuple(cells)))
    asked = {theme.tag for theme in themes}
    unasked = sorted({tag for saved in stories for tag in saved.story.themes if tag not in asked})
    return Coverage(tuple(stories), tuple(rows), tuple(unasked), tuple(overused(recent_picks, stories)))


def _cell(story_id: str, grade: StoryGrade | None) -> Cell:
    if grade is None:
        return Cell(story_id, "ungraded", 0, False)
    return Cell(story_id, grade.verdict, grade.score, grade.good)


def overused(recent_picks: Sequence[str], stories: Sequence[SavedStory]) -> list[Overuse]:
    """Stories picked OVERUSED_FROM times or more among the last RECENT_PICKS picks.
    A deleted story is left out: it cannot be told again. Its picks still count in the
    window, which is the user's telling, not the shelf."""
    window = list(recent_picks)[:RECENT_PICKS]
    titles = {saved.id: saved.story.title for saved in stories}
    counts = Counter(window)
    return [
        Overuse(story_id, titles[story_id], picks, len(window))
        for story_id, picks in counts.most_common()
        if picks >= OVERUSED_FROM and story_id in titles
    ]


def times_used(saved: SavedStory, uses: Mapping[str, Sequence[int]]) -> int:
    """How many attempts told the story: those where it was picked in practice (from the
    history) and those linked by hand in its file, each once."""
    return len(set(uses.get(saved.id, ())) | set(saved.story.attempts))
