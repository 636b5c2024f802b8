"""Two attempts at one question side by side: the score change, the cues gained and lost
(each with its reason, such as "shown only after a probe"), and both answers with their
evidence highlighted. The earlier attempt is on the left."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Static

from interviewcoach.comparison import Comparison, compare_attempts
from interviewcoach.store.records import AttemptRecord
from interviewcoach.tui.base import CoachScreen
from interviewcoach.tui.widgets.evidence_view import EvidenceView


def comparison_text(comparison: Comparison) -> str:
    lines = [f"Score change: {comparison.change:+d} points."]
    for title, changes, mark in (
        ("Gained", comparison.gained, "+"),
        ("Lost", comparison.lost, "-"),
        ("Changed", comparison.changed, "~"),
    ):
        if changes:
            lines.append(f"{title}:")
            lines += [f"  {mark} {c.label}: {c.reason}" for c in changes]
    if not (comparison.gained or comparison.lost or comparison.changed):
        lines.append("The same cues, shown the same way.")
    return "\n".join(lines)


class CompareScreen(CoachScreen[None]):
    BINDINGS = [Binding("escape", "back", "Back", tooltip="Back to the attempt", id="back")]

    def __init__(self, one: AttemptRecord, other: AttemptRecord) -> None:
        super().__init__()
        self.earlier, self.later = sorted((one, other), key=lambda record: record.created_at)

    def compose(self) -> ComposeResult:
        comparison = compare_attempts(self.earlier.final, self.later.final)
        with VerticalScroll(id="compare"):
            yield Static(self.earlier.question_text, classes="section-title", markup=False)
            yield Static(comparison_text(comparison), id="compare-summary", markup=False)
            with Horizontal(id="compare-sides"):
                for side, record in (("earlier", self.earlier), ("later", self.later)):
                    with VerticalScroll(classes="compare-side", id=f"compare-{side}"):
                        yield Static(
                            f"{record.created_at:%d %b %Y %H:%M} · {record.final.headline()}", classes="compare-head"
                        )
                        yield EvidenceView(record.final, record.answer, classes="-stacked")
        yield Footer()

    def action_back(self) -> None:
        self.app.pop_screen()
