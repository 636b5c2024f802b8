"""The home screen: start practising in one key, drill the weakest cue, resume an
unfinished answer, practise what is due, review the history, and open one of the last
few attempts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from textwrap import shorten
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Header, Static

from interviewcoach.tui.base import CoachScreen

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from interviewcoach.store.history import CueRate
    from interviewcoach.store.review import HistoryRow


QUESTION_WIDTH = 36
"""The recent attempts' question column: with the date, the score, the longest verdict
("off-question") and the cells' padding, the table fits the 76-column card."""


@dataclass
class HomeData:
    """What the home screen shows, read from the history by the app."""

    recent: list[HistoryRow] = field(default_factory=list)
    weakest: CueRate | None = None
    weakest_label: str | None = None
    draft_question: str | None = None
    draft_saved: str | None = None
    history_problem: str | None = None
    mock_draft: str | None = None
    """A mock left unfinished (its two people and when), offered back."""


class HomeScreen(CoachScreen[None]):
    AUTO_FOCUS = "#start"
    """Enter starts practising, as `s` does; tab moves on to the other ways in."""

    BINDINGS = [
        Binding("s", "start", "Start practice", tooltip="Choose questions and start", id="start"),
        Binding("d", "drill", "Drill weakest", tooltip="Practise your weakest cue", id="drill"),
        Binding("r", "resume", "Resume answer", tooltip="Finish the answer you left", id="resume"),
        Binding("b", "bank", "Question bank", tooltip="Browse, search and write questions", id="bank"),
        Binding("v", "review", "History", tooltip="Review your past attempts", id="review"),
        Binding("u", "due", "What's due", tooltip="Practise the questions due again", id="due"),
        Binding("m", "mock", "Mock", tooltip="A mock interview with a peer", id="mock"),
        Binding("c", "resume_mock", "Continue mock", tooltip="Back to the mock left unfinished", id="resume-mock"),
        # Not in the footer, which is full at 80 columns: its button on the card names it.
        Binding("t", "stories", "Stories", tooltip="Your stories for behavioural rounds", id="stories", show=False),
    ]

    def __init__(self, load: Callable[[], HomeData]) -> None:
        """The screen paints first and reads the history through `load` right after:
        the first paint waits for no query."""
        super().__init__()
        self.data = HomeData()
        self._load = load
        self._loaded = False

    def on_screen_resume(self) -> None:
        # On every showing until read, not once on mount: a home covered at once (the
        # mock command opens its setup above it) drops the pending read, and is read
        # when it is first uncovered instead.
        if not self._loaded:
            # Two refreshes on: the terminal has the first full frame before the query runs.
            self.call_after_refresh(self.call_after_refresh, self._show_history)

    def show_data(self, data: HomeData) -> None:
        """Show `data`, read just now: coming back home, the first frame already lists
        the attempt just saved."""
        self._loaded = True
        if data != self.data:
            self.data = data
            self.call_next(self._recompose_keeping_focus)

    def _show_history(self) -> None:
        if self._loaded or self not in self.app.screen_stack:
            return  # read already, or replaced before it was read (a test, or `review`)
        self.show_data(self._load())  # an empty history adds nothing: a first start paints once

    async def _recompose_keeping_focus(self) -> None:
        focused = self.focused.id if self.focused else None
        await self.recompose()
        if focused and self.query(f"#{focused}"):
            self.query_one(f"#{focused}").focus()
        elif self.focused is None:
            self.query_one("#start").focus()  # as when the screen was first shown
        self.refresh_bindings()

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="home"):
            with Vertical(id="home-card"):
                name = self.coach_app.setting("name")
                yield Static(f"Welcome back, {name}." if name else "Welcome.", id="home-title")
                yield Static(
                    "Practise product-manager interviews: answer against the clock, get probed "
                    "like a real interviewer, and see which words earned each cue.",
                    classes="muted",
                )
                yield Button("Start practice  (s)", id="start", variant="primary")
                if self.data.mock_draft is not None:
                    yield Button(f"Continue the mock: {self.data.mock_draft}  (c)", id="resume_mock", variant="warning")
                # The smaller ways in share one row, so the recent attempts fit 80x24 too.
                with Horizontal(id="home-more"):
                    yield Button("Bank (b)", id="bank")
                    yield Button("Mock (m)", id="mock")
                    yield Button("Due (u)", id="due")
                    yield Button("Stories (t)", id="stories")
                    if self.data.recent:
                        yield Button("History (v)", id="review")
                if self.data.weakest is not None:
                    rate = self.data.weakest
                    yield Button(f"Drill {self.data.weakest_label}  (d)", id="drill")
                    yield Static(
                        f"Your weakest cue: {self.data.weakest_label}, hit in {rate.hits} of {rate.attempts} attempts.",
                        id="weakest",
                        classes="muted",
                    )
                if self.data.draft_question is not None:
                    yield Button("Resume your unfinished answer  (r)", id="resume", variant="warning")
                    yield Static(
                        f"Left unfinished {self.data.draft_saved}: {self.data.draft_question}",
                        id="draft",
                        classes="muted",
                        markup=False,
                    )
                if self.data.history_problem:
                    yield Static(self.data.history_problem, id="history-problem", markup=False)
            if self.data.recent:
                # Imported here: the first paint never lists attempts (they are read after it).
                from textual.widgets import DataTable

                yield Static("Recent attempts", classes="section-title")
                table: DataTable[str] = DataTable(id="recent", cursor_type="row", zebra_stripes=True)
                table.add_column("When")
                table.add_column("Question", width=QUESTION_WIDTH)
                table.add_columns("Score", "Verdict")
                for row in self.data.recent:
                    table.add_row(
                        row.created_at.astimezone().strftime("%d %b %H:%M"),
                        shorten(row.question_text, QUESTION_WIDTH, placeholder="…") or f"({row.rubric_id} rubric)",
                        str(row.score),
                        row.verdict,
                        key=str(row.id),
                    )
                yield table
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Offer only what can be done now: no drill without a weak cue, no resume without a draft.
        if action == "drill":
            return self.data.weakest is not None
        if action == "resume":
            return self.data.draft_question is not None
        if action == "review":
            return bool(self.data.recent)
        if action == "resume_mock":
            return self.data.mock_draft is not None
        return True

    def action_start(self) -> None:
        self.coach_app.start_practice()

    def action_drill(self) -> None:
        self.coach_app.drill()

    def action_resume(self) -> None:
        self.coach_app.resume_draft()

    def action_bank(self) -> None:
        self.coach_app.open_bank()

    def action_review(self) -> None:
        self.coach_app.open_history()

    def action_due(self) -> None:
        self.coach_app.practise_due()

    def action_mock(self) -> None:
        self.coach_app.start_mock()

    def action_resume_mock(self) -> None:
        self.coach_app.resume_mock()

    def action_stories(self) -> None:
        self.coach_app.open_stories()

    # Named for the message rather than @on(DataTable.RowSelected): DataTable is imported
    # only once there are attempts to list. #recent is the screen's one table.
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.coach_app.open_attempt(int(event.row_key.value))

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        # run_action is a coroutine: unawaited, a click did nothing.
        if event.button.id:
            await self.run_action(event.button.id)
