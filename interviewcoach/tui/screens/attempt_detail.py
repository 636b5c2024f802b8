"""One past attempt in full: the question as it was asked, the answer with each cue's
evidence (the feedback screen's view), probes and replies, what to work on, the peer
interviewer's notes, calls and ratings, and every other attempt at the same question,
any of which can be compared with this one. `t` practises the question again."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Static

from interviewcoach.store.records import AttemptRecord
from interviewcoach.store.review import HistoryRow, attempt_mode, attempts_at_question
from interviewcoach.tui.base import CoachScreen
from interviewcoach.tui.widgets.evidence_view import EvidenceView, coaching_text


@dataclass(frozen=True)
class AttemptDetail:
    """What the screen shows, read from the history at once."""

    id: int
    record: AttemptRecord
    mode: str
    interviewer: str | None
    others: list[HistoryRow]
    """Every attempt at the same question, newest first, this one included."""

    @property
    def best(self) -> int:
        return max(row.score for row in self.others)


def load_detail(store, attempt_id: int) -> AttemptDetail | None:
    record = store.get_attempt(attempt_id)
    if record is None:
        return None
    mode, interviewer = attempt_mode(store, attempt_id)
    others = attempts_at_question(store, record.question_id, record.question_text)
    return AttemptDetail(attempt_id, record, mode, interviewer, others)


def peer_text(detail: AttemptDetail) -> str | None:
    """The interviewer's side of a peer attempt: who, notes, calls against the grader,
    ratings. None for a solo attempt with nothing of the sort."""
    record = detail.record
    labels = {cue.id: cue.label for cue in record.final.cues}
    lines = []
    if detail.mode == "peer":
        lines.append(f"Mock interview with {detail.interviewer or 'a peer'}.")
    if record.overrides:
        hit = [labels.get(c, c) for c, v in record.overrides.items() if v]
        missed = [labels.get(c, c) for c, v in record.overrides.items() if not v]
        if hit:
            lines.append("The interviewer marked hit: " + ", ".join(hit) + ".")
        if missed:
            lines.append("The interviewer marked missed: " + ", ".join(missed) + ".")
    if record.ratings:
        lines.append("Ratings: " + ", ".join(f"{name} {value}/5" for name, value in record.ratings.items()) + ".")
    if record.notes:
        lines.append(f"Notes and comments: {record.notes}")
    return "\n".join(lines) if lines else None


class AttemptDetailScreen(CoachScreen[None]):
    BINDINGS = [
        Binding(
            "t",
            "retry",
            "Practise again",
            tooltip="Answer this question again, compared with this attempt",
            id="retry-attempt",
        ),
        Binding("c", "compare", "Compare", tooltip="Compare the selected attempt with this one", id="compare"),
        Binding("escape", "back", "Back", tooltip="Back", id="back"),
    ]

    def __init__(self, detail: AttemptDetail) -> None:
        super().__init__()
        self.detail = detail

    def compose(self) -> ComposeResult:
        detail = self.detail
        record = detail.record
        final = record.final
        with VerticalScroll(id="detail"):
            facts = [f"{record.created_at:%d %b %Y %H:%M}", record.category or "", record.level or "", detail.mode]
            yield Static(" · ".join(f for f in facts if f), classes="muted", id="detail-facts")
            yield Static(f"Score {final.headline()}", id="detail-score")
            yield Static(
                record.question_text or f"(graded with the {record.rubric_id} rubric alone)",
                id="detail-question",
                markup=False,
            )
            yield EvidenceView(final, record.answer, id="detail-evidence")
            for exchange in record.probes:
                yield Static(f"Probe: {exchange.probe}", classes="probe", markup=False)
                yield Static(f"Reply: {exchange.answer or '(left unanswered)'}", classes="reply", markup=False)
            peer = peer_text(detail)
            if peer:
                yield Static(peer, id="detail-peer", markup=False)
            yield Static(coaching_text(final), id="detail-tips", markup=False)
            count = len(detail.others)
            yield Static(
                f"Attempts at this question: {count} · personal best {detail.best}"
                + ("  (c compares the selected one with this)" if count > 1 else ""),
                classes="section-title",
            )
            table: DataTable[str] = DataTable(id="detail-others", cursor_type="row", zebra_stripes=True)
            table.add_columns("When", "Mode", "Score", "Verdict", "")
            for row in detail.others:
                marker = "this one" if row.id == detail.id else ""
                table.add_row(
                    row.created_at.strftime("%d %b %Y %H:%M"),
                    row.mode,
                    str(row.score),
                    row.verdict,
                    marker,
                    key=str(row.id),
                )
            yield table
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#detail-others", DataTable)
        others = [row.id for row in self.detail.others]
        # Start on the attempt before this one: the natural thing to compare with.
        here = others.index(self.detail.id) if self.detail.id in others else 0
        table.move_cursor(row=here + 1 if here + 1 < len(others) else max(here - 1, 0))
        self.query_one("#cues").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "compare":
            return len(self.detail.others) > 1
        if action == "retry":
            return self.detail.record.question_id in self.coach_app.library.questions
        return True

    def selected_other(self) -> HistoryRow | None:
        table = self.query_one("#detail-others", DataTable)
        if not self.detail.others:
            return None
        return self.detail.others[min(table.cursor_row, len(self.detail.others) - 1)]

    @on(DataTable.RowSelected, "#detail-others")
    def open_other(self, event: DataTable.RowSelected) -> None:
        row = self.selected_other()
        if row is not None and row.id != self.detail.id:
            self.coach_app.open_attempt(row.id)

    def action_compare(self) -> None:
        from interviewcoach.tui.screens.compare import CompareScreen

        row = self.selected_other()
        if row is None or row.id == self.detail.id:
            self.notify("Select another attempt in the list below to compare with this one.")
            return
        other = self.coach_app.read_history(lambda store: store.get_attempt(row.id), None, "read that attempt")
        if other is not None:
            self.app.push_screen(CompareScreen(self.detail.record, other))

    def action_retry(self) -> None:
        self.coach_app.retry_attempt(self.detail.record)

    def action_back(self) -> None:
        self.coach_app.back()
