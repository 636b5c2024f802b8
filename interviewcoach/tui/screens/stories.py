"""Your story bank: every story with its grade, themes and how often you told it. Open
one to see it graded, add, edit or delete one, and see the coverage of the themes.
Stories are read and graded in a worker; the screen renders what the library computed."""

from __future__ import annotations

from dataclasses import dataclass
from textwrap import shorten

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker, WorkerState

from interviewcoach.stories.bank import StoryBank, load_story_bank
from interviewcoach.stories.grade import VERDICT_WIDTH
from interviewcoach.stories.shelf import SavedStory
from interviewcoach.tui.base import CoachScreen

VERDICT_COLOUR = {
    "strong": "success",
    "solid": "success",
    "partial": "warning",
    "weak": "error",
    "insufficient": "error",
    "off-question": "error",
}
"""The theme colour of each verdict wherever the story bank shows one: any theme works."""
TITLE_COLUMN, THEMES_COLUMN = 28, 20
GRADE_COLUMN = len("100 ") + VERDICT_WIDTH
"""Room for a score and the longest verdict word, "100 insufficient"."""


def verdict_text(verdict: str, score: int | None, variables: dict[str, str]) -> Text:
    """A verdict (after its score, if given) in its theme colour; strong in bold."""
    colour = variables.get(VERDICT_COLOUR.get(verdict, ""), "")
    style = f"bold {colour}" if verdict == "strong" else colour
    return Text(f"{score} {verdict}" if score is not None else verdict, style=style.strip())


class StoryBankScreen(CoachScreen[None]):
    """A screen over the story bank: reads and grades it in a worker, then shows it."""

    @dataclass
    class BankLoaded(Message):
        bank: StoryBank

    def __init__(self) -> None:
        super().__init__()
        self.bank: StoryBank | None = None

    def reload(self) -> None:
        """Read the stories again (after a save or a delete); the history is read here,
        on the main thread, and the grading runs in the worker."""
        uses, recent = self.coach_app.story_history()
        self.load_bank(uses, recent)

    @work(thread=True, exclusive=True, exit_on_error=False, group="stories")
    def load_bank(self, uses: dict[str, list[int]], recent: list[str]) -> None:
        app = self.coach_app
        self.post_message(self.BankLoaded(load_story_bank(app.library, uses, recent, app.grader)))

    @on(BankLoaded)
    def bank_loaded(self, message: BankLoaded) -> None:
        self.bank = message.bank
        self.show_bank(message.bank)
        self.refresh_bindings()

    def show_bank(self, bank: StoryBank) -> None:
        raise NotImplementedError

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(f"Could not read your stories: {event.worker.error}", severity="error", timeout=10)

    def variables(self) -> dict[str, str]:
        return self.app.theme_variables

    def action_back(self) -> None:
        self.coach_app.back()


class StoriesScreen(StoryBankScreen):
    BINDINGS = [
        Binding("a", "add", "Add story", tooltip="Write a new story", id="add-story"),
        Binding("e", "edit", "Edit", tooltip="Edit the selected story", id="edit-story"),
        Binding("x", "delete", "Delete", tooltip="Delete the selected story (asks first)", id="delete-story"),
        Binding("c", "coverage", "Coverage", tooltip="Which themes your stories cover", id="story-coverage"),
        Binding("escape", "back", "Back", tooltip="Back to the home screen", id="back"),
    ]

    def __init__(self, select: str | None = None) -> None:
        super().__init__()
        self.select_id = select
        self.reopen_id: str | None = None
        """A story edited from its own screen: opened again, updated, once re-read."""

    def compose(self) -> ComposeResult:
        with Vertical(id="stories"):
            yield Static("Your stories", classes="section-title")
            yield Static("Reading your stories…", id="stories-summary", classes="muted", markup=False)
            # Many broken files must not push the stories off the screen: the box is
            # capped and scrolls (tab reaches it).
            with VerticalScroll(id="stories-problems-box"):
                yield Static(id="stories-problems", markup=False)
            table: DataTable[str | Text] = DataTable(id="stories-table", cursor_type="row", zebra_stripes=True)
            table.add_column("Story", width=TITLE_COLUMN, key="title")
            table.add_column("Grade", width=GRADE_COLUMN, key="grade")
            table.add_column("Themes", width=THEMES_COLUMN, key="themes")
            table.add_column("Told", key="told")
            yield table
            yield Static(
                "enter opens a story graded, with what would make it stronger.", id="stories-hint", classes="muted"
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#stories-problems-box").display = False
        self.query_one(DataTable).focus()
        self.reload()

    def show_bank(self, bank: StoryBank) -> None:
        table = self.query_one("#stories-table", DataTable)
        table.clear()
        variables = self.variables()
        for saved in bank.stories:
            grade = bank.grades.get(saved.id)
            table.add_row(
                shorten(saved.story.title, TITLE_COLUMN, placeholder="…"),
                verdict_text(grade.verdict, grade.score, variables) if grade else "-",
                shorten(", ".join(saved.story.themes) or "-", THEMES_COLUMN, placeholder="…"),
                str(bank.times_used(saved)),
                key=saved.id,
            )
        if self.select_id and bank.shelf.get(self.select_id):
            table.move_cursor(row=table.get_row_index(self.select_id))
        reopen, self.reopen_id = self.reopen_id, None
        if reopen and bank.shelf.get(reopen):
            self.call_after_refresh(self.open_story)
        coverage = bank.coverage()
        covered = len(coverage.rows) - len(coverage.uncovered)
        summary = (
            f"{len(bank.stories)} stor{'y' if len(bank.stories) == 1 else 'ies'} · "
            f"{covered} of {len(coverage.rows)} themes have one · c shows the coverage"
            if bank.stories
            else "No stories yet. a writes your first: a failure, a conflict, a hard call, a customer insight…"
        )
        self.query_one("#stories-summary", Static).update(summary)
        problems = self.query_one("#stories-problems", Static)
        problems.update(
            "These story files could not be read (fix them, or `interviewcoach validate`):\n"
            + "\n".join(str(problem) for problem in bank.shelf.problems)
        )
        self.query_one("#stories-problems-box").display = bool(bank.shelf.problems)

    def selected(self) -> SavedStory | None:
        table = self.query_one("#stories-table", DataTable)
        if self.bank is None or not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.bank.shelf.get(key or "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete"):
            return self.selected() is not None
        if action == "coverage":
            return self.bank is not None
        return True

    @on(DataTable.RowHighlighted)
    def row_moved(self) -> None:
        self.refresh_bindings()

    @on(DataTable.RowSelected, "#stories-table")
    def open_story(self) -> None:
        saved = self.selected()
        if saved is None or self.bank is None:
            return
        from interviewcoach.tui.screens.story_detail import StoryScreen

        grade = self.bank.grades.get(saved.id)
        themes = [theme.tag for theme in self.bank.themes]
        self.app.push_screen(StoryScreen(saved, grade, self.bank.times_used(saved), themes), self.after_story)

    def action_add(self) -> None:
        self.open_form(None)

    def action_edit(self) -> None:
        saved = self.selected()
        if saved is not None:
            self.open_form(saved)

    def open_form(self, saved: SavedStory | None) -> None:
        from interviewcoach.tui.screens.story_form import StoryForm

        themes = [theme.tag for theme in self.bank.themes] if self.bank else []
        self.app.push_screen(StoryForm(saved, themes), self.after_form)

    def after_form(self, story_id: str | None) -> None:
        if story_id:
            self.select_id = story_id
            self.reload()

    def after_story(self, story_id: str | None) -> None:
        """Back from a story's screen; edited there, it is shown again, re-graded."""
        if story_id:
            self.reopen_id = story_id
        self.after_form(story_id)

    def action_delete(self) -> None:
        saved = self.selected()
        if saved is None:
            return
        from interviewcoach.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            from interviewcoach.stories.shelf import delete_story

            try:
                moved = delete_story(saved.id, saved.path.parent)
            except OSError as error:
                self.notify(f"Could not delete it: {error}", severity="error", timeout=10)
                return
            self.notify(f"Deleted. The file is kept at {moved}.", timeout=8)
            self.reload()

        self.app.push_screen(
            ConfirmScreen(f"Delete the story '{saved.story.title}'? Its file is moved to stories/deleted/."), answered
        )

    def action_coverage(self) -> None:
        self.coach_app.open_coverage()
