"""The end of a session: every question with its score, and the way back home."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from interviewcoach.tui.screens.practice import Outcome


class SummaryScreen(Screen[None]):
    BINDINGS = [
        Binding("h,escape", "home", "Home", tooltip="Back to the home screen", id="home"),
        Binding("x", "export_unsaved", "Export unsaved", tooltip="Write unsaved answers to a file", id="export-unsaved"),
    ]

    def __init__(self, outcomes: list[Outcome]) -> None:
        super().__init__()
        self.outcomes = outcomes

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary"):
            yield Static("Session summary", classes="section-title")
            table = DataTable(id="summary-table", cursor_type="row", zebra_stripes=True)
            table.add_columns("#", "Question", "Score", "Verdict", "Cues")
            for number, outcome in enumerate(self.outcomes, start=1):
                final = outcome.final
                table.add_row(str(number), outcome.question.id, str(final.score),
                              final.verdict, f"{len(final.hits)}/{len(final.cues)}")
            yield table
            scores = [o.final.score for o in self.outcomes]
            average = sum(scores) / len(scores) if scores else 0
            yield Static(f"{len(scores)} answer{'s' if len(scores) != 1 else ''}, average score {average:.0f}.",
                         id="summary-average")
            missed: dict[str, int] = {}
            for outcome in self.outcomes:
                for cue in outcome.final.cues:
                    if outcome.final.is_hit(cue.id):
                        continue
                    label = cue.label
                    missed[label] = missed.get(label, 0) + 1
            if missed:
                worst = sorted(missed.items(), key=lambda item: -item[1])[:3]
                yield Static("Most missed: " + ", ".join(f"{label} ({n})" for label, n in worst) + ".",
                             id="summary-missed")
            if self.unsaved:
                yield Static(f"{len(self.unsaved)} answer(s) could not be saved to your history. "
                             "Press x to write them to a file you can import later.", id="not-saved")
        yield Footer()

    @property
    def unsaved(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.saved]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "export_unsaved":
            return bool(self.unsaved)
        return True

    def action_home(self) -> None:
        self.app.go_home()

    def action_export_unsaved(self) -> None:
        from interviewcoach.commands.saving import keep_unsaved
        from interviewcoach.store import ExportFile

        message = keep_unsaved(ExportFile(attempts=[o.attempt for o in self.unsaved]))
        self.notify(message, timeout=15)
