"""A round's report on screen (also saved as Markdown in the data folder), then the swap
of roles; after the last round, the summary for both people."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Markdown, Static

from interviewcoach.mock import MockSession
from interviewcoach.tui.base import CoachScreen


class MockReportScreen(CoachScreen[None]):
    BINDINGS = [
        Binding("w", "swap", "Swap roles", tooltip="Next round: the candidate interviews", id="swap-roles"),
        Binding("s", "summary", "Summary", tooltip="How both of you did", id="mock-summary"),
        Binding("h,escape", "home", "Home", tooltip="Back to the home screen", id="mock-home"),
    ]

    def __init__(self, session: MockSession, markdown: str, saved_to: str | None, *, summary: bool = False) -> None:
        super().__init__()
        self.session = session
        self.markdown = markdown
        self.saved_to = saved_to
        self.is_summary = summary

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="mock-report-view"):
            if self.saved_to:
                yield Static(f"Saved to {self.saved_to}", id="mock-report-path", classes="muted", markup=False)
            yield Markdown(self.markdown, id="mock-report")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "swap":
            return not self.is_summary and not self.session.is_last_round
        if action == "summary":
            return not self.is_summary and self.session.is_last_round
        return True

    def action_swap(self) -> None:
        if self.session.swap():
            self.coach_app.mock_next_round(self.session)

    def action_summary(self) -> None:
        self.coach_app.mock_summary(self.session)

    def action_home(self) -> None:
        self.coach_app.go_home()
