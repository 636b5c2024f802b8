"""One story, graded: the score and verdict, what would make it stronger, and the story
with each cue's evidence in its colour (the feedback screen's evidence view)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from interviewcoach.stories.grade import StoryGrade
from interviewcoach.stories.shelf import SavedStory
from interviewcoach.tui.base import CoachScreen
from interviewcoach.tui.widgets.evidence_view import EvidenceView


def stronger_text(grade: StoryGrade) -> str:
    if not grade.tips:
        return "Every cue is there, in depth. Keep it as it is."
    return "What would make it stronger:\n" + "\n".join(f"• {tip}" for tip in grade.tips)


class StoryScreen(CoachScreen[str | None]):
    """Returns the story's id when it was edited from here, so the list reads it again."""

    BINDINGS = [
        Binding("e", "edit", "Edit", tooltip="Edit this story", id="edit-story"),
        Binding("escape", "back", "Back", tooltip="Back to your stories", id="back"),
    ]

    def __init__(self, saved: SavedStory, grade: StoryGrade | None, used: int, themes: list[str] | None = None) -> None:
        super().__init__()
        self.saved = saved
        self.grade = grade
        self.used = used
        self.themes = themes or []

    def compose(self) -> ComposeResult:
        story = self.saved.story
        grade = self.grade
        with VerticalScroll(id="story-detail"):
            headline = story.title
            if grade is not None:
                headline += f" · {grade.final.headline()}"
            yield Static(headline, id="score", markup=False)
            where = ", ".join(part for part in (story.where, story.when) if part)
            told = f"told in {self.used} attempt{'s' if self.used != 1 else ''}" if self.used else "not told yet"
            yield Static(
                " · ".join(part for part in (where, f"themes: {', '.join(story.themes) or 'none yet'}", told) if part),
                id="story-meta",
                classes="muted",
                markup=False,
            )
            if grade is None:
                yield Static("Not graded: no behavioural rubric is loaded.", id="tips", markup=False)
                yield Static(story.text() or "(empty)", id="answer-view", markup=False)
            else:
                yield Static(stronger_text(grade), id="tips", markup=False)
                yield EvidenceView(grade.final, grade.text, id="feedback-body")
        yield Footer()

    def on_mount(self) -> None:
        # The page itself has the focus, at its top: the score and the first tips are
        # what the story screen is for, and Page Up/Down, Home and End scroll it. (The
        # cue list took the focus before and scrolled the page past them; tab reaches it.)
        page = self.query_one("#story-detail", VerticalScroll)
        page.focus(scroll_visible=False)
        page.scroll_home(animate=False, immediate=True)

    def action_edit(self) -> None:
        from interviewcoach.tui.screens.story_form import StoryForm

        self.app.push_screen(StoryForm(self.saved, self.themes), self.edited)

    def edited(self, story_id: str | None) -> None:
        if story_id:
            self.dismiss(story_id)

    def action_back(self) -> None:
        self.dismiss(None)
