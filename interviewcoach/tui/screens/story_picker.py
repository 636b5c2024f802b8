"""Pick the story you are telling: your stories ranked for the question being asked
(stories/fit.py), with the highlighted one's outline to glance at. Returns the picked
story's id, "" for no story, or None when closed without a choice."""

from __future__ import annotations

from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from interviewcoach.stories.fit import StoryFit
from interviewcoach.stories.grade import StoryGrade
from interviewcoach.stories.prep_sheet import star_outline

PREVIEW_CHARS = 600
"""Of the highlighted story's outline, as much as the preview's seven lines can show."""
NO_STORY = "-"
"""The option id of "no story"."""


def fit_line(fit: StoryFit, grade: StoryGrade | None = None) -> str:
    """The story's title, how well it fits and why, and its verdict."""
    why = [f"{grade.score} {grade.verdict}"] if grade is not None else []
    if fit.themes:
        why.append("themes: " + ", ".join(fit.themes))
    if fit.words:
        why.append("words: " + ", ".join(fit.words[:3]))
    return f"{fit.saved.story.title}  ({round(fit.fit * 100)}% fit{'; ' + '; '.join(why) if why else ''})"


class StoryPicker(ModalScreen[str | None]):
    DEFAULT_CSS = """
    StoryPicker {
        align: center middle;
    }
    StoryPicker > Vertical {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 90%;
        padding: 0 1;
        border: thick $accent;
        background: $surface;
    }
    StoryPicker OptionList {
        height: auto;
        max-height: 10;
    }
    StoryPicker #picker-preview {
        height: auto;
        max-height: 7;
        color: $text-muted;
    }
    """
    BINDINGS = [Binding("escape", "close", "Close", tooltip="Back to your answer", id="close-picker")]

    def __init__(
        self,
        prompt: str,
        fits: list[StoryFit],
        current: str | None,
        grades: Mapping[str, StoryGrade] | None = None,
    ) -> None:
        super().__init__()
        self.prompt = prompt
        self.fits = fits
        self.current = current
        self.grades = grades or {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Which story are you telling? Best fits first.", classes="section-title")
            options = [
                Option(
                    ("✓ " if fit.saved.id == self.current else "") + fit_line(fit, self.grades.get(fit.saved.id)),
                    id=fit.saved.id,
                )
                for fit in self.fits
            ]
            options.append(Option("No story for this answer", id=NO_STORY))
            yield OptionList(*options, id="picker-list")
            yield Static(id="picker-preview", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionHighlighted)
    def preview(self, event: OptionList.OptionHighlighted) -> None:
        fit = next((fit for fit in self.fits if fit.saved.id == event.option.id), None)
        text = ""
        if fit is not None:
            outline = star_outline(fit.saved, self.grades.get(fit.saved.id))
            text = "\n".join(f"{letter}  {' '.join(part.split())}" for letter, part in outline)
            text = text[:PREVIEW_CHARS] or "(nothing written yet)"
        self.query_one("#picker-preview", Static).update(text)

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss("" if event.option.id == NO_STORY else event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
