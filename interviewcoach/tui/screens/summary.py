"""The end of a session: every question with its score, and the way back home. Renders
the session's summary."""

from __future__ import annotations

from textwrap import shorten

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Static

from interviewcoach.session import SessionSummary
from interviewcoach.tui.base import CoachScreen

QUESTION_WIDTH = 44
"""Questions are named by their text, shortened to this many characters (fits 80 columns)."""


class SummaryScreen(CoachScreen[None]):
    BINDINGS = [
        Binding("h,escape", "home", "Home", tooltip="Back to the home screen", id="home"),
        Binding(
            "x", "export_unsaved", "Export unsaved", tooltip="Write unsaved answers to a file", id="export-unsaved"
        ),
    ]

    def __init__(self, summary: SessionSummary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        summary = self.summary
        with VerticalScroll(id="summary"):
            yield Static("Session summary", classes="section-title")
            table: DataTable[str] = DataTable(id="summary-table", cursor_type="row", zebra_stripes=True)
            table.add_columns("#", "Question", "Score", "Verdict", "Cues")
            for row in summary.rows:
                table.add_row(
                    str(row.number),
                    shorten(row.question_text, QUESTION_WIDTH, placeholder="…"),
                    str(row.score),
                    row.verdict,
                    f"{row.hits}/{row.cues}",
                )
            yield table
            count = len(summary.rows)
            yield Static(
                f"{count} answer{'s' if count != 1 else ''}, average score {summary.average:.0f}.", id="summary-average"
            )
            if summary.most_missed:
                yield Static(
                    "Most missed: " + ", ".join(f"{label} ({n})" for label, n in summary.most_missed) + ".",
                    id="summary-missed",
                )
            if summary.unsaved:
                yield Static(
                    f"{len(summary.unsaved)} answer(s) could not be saved to your history. "
                    "Press x to write them to a file you can import later.",
                    id="not-saved",
                )
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "export_unsaved":
            return bool(self.summary.unsaved)
        return True

    def action_home(self) -> None:
        self.coach_app.go_home()

    def action_export_unsaved(self) -> None:
        from interviewcoach.store.records import ExportFile
        from interviewcoach.store.unsaved import keep_unsaved

        self.notify(keep_unsaved(ExportFile(attempts=self.summary.unsaved)), timeout=15)
