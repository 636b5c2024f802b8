"""Feedback on one question: the score, every cue with the words that earned it, what
to work on, and what a strong answer covers. Returns retry, next or end."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from interviewcoach.durations import clock_text
from interviewcoach.interviewer import LONG_FACTOR, changed_marks, compare, length_note, speaking_minutes
from interviewcoach.session import Outcome
from interviewcoach.tui.widgets.cue_panel import CueList
from interviewcoach.tui.widgets.evidence_view import EvidenceView, coaching_text


class FeedbackScreen(Screen[str]):
    BINDINGS = [
        Binding("r", "choose('retry')", "Retry", tooltip="Answer this question again", id="retry"),
        Binding("n", "choose('next')", "Next", tooltip="Go on to the next question", id="next"),
        Binding("e", "choose('end')", "End", tooltip="End the session and see the summary", id="end"),
    ]

    def __init__(self, outcome: Outcome, last: bool) -> None:
        super().__init__()
        self.outcome = outcome
        self.last = last

    def compose(self) -> ComposeResult:
        outcome = self.outcome
        final = outcome.final
        with VerticalScroll(id="feedback"):
            yield Static(self.headline(), id="score")
            if final.result.lead_notes:
                # Why this is not read as an answer comes before any cue.
                yield Static("\n".join(final.result.lead_notes), id="lead-notes", markup=False)
            if self.drill_line():
                yield Static(self.drill_line() or "", id="drill-cue", markup=False)
            if self.too_long():
                # An answer far over its time is as much a problem as a missed cue.
                yield Static(self.length_note() or "", id="length-note", markup=False)
            if outcome.retry_of is not None:
                yield Static(self.comparison(), id="comparison")
            if not outcome.saved:
                yield Static(
                    "Not saved to your history; it is kept until you leave, and the summary offers to export it.",
                    id="not-saved",
                )
            yield EvidenceView(final, outcome.attempt.answer, id="feedback-body")
            if outcome.attempt.probes:
                yield Static(self.exchanges(), id="exchanges", markup=False)
            yield Static(self.coaching(), id="tips", markup=False)
            if outcome.question.outline:
                yield Static(
                    "A strong answer covers:\n" + "\n".join(f"• {line}" for line in outcome.question.outline),
                    id="outline",
                    markup=False,
                )
            yield Static(self.answer_stats(), id="answer-stats", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(CueList).focus()
        if self.last:
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The last question has no "next": "end" shows the summary.
        return not (action == "choose" and parameters == ("next",) and self.last)

    def headline(self) -> str:
        final = self.outcome.final
        line = f"Score {final.score}/100 · {final.verdict}"
        if final.raised:
            line += f" (answer {final.result.score}, raised by your replies to probes)"
        return line

    def comparison(self) -> str:
        assert self.outcome.retry_of is not None, "shown only for a retry"
        change, gained, lost = compare(self.outcome.retry_of, self.outcome.final)
        labels = {cue.id: cue.label for cue in self.outcome.final.cues}
        parts = [f"Against your last try: {change:+d} points."]
        parts.append("Gained: " + (", ".join(labels[c] for c in gained) or "nothing") + ".")
        parts.append("Lost: " + (", ".join(labels[c] for c in lost) or "nothing") + ".")
        moved = [
            f"{labels[cue]} {before}→{now}"
            for cue, before, now in changed_marks(self.outcome.retry_of, self.outcome.final)
            if cue not in gained and cue not in lost
        ]
        if moved:
            parts.append("Changed: " + ", ".join(moved) + " (↺: shown only when asked).")
        elif change and not gained and not lost:
            parts.append(
                "The same cues were shown; the score moved with how clearly each was shown"
                + (" and with the notes below." if self.outcome.final.result.notes else ".")
            )
        return " ".join(parts)

    def exchanges(self) -> str:
        """The probes asked and the replies given, with what each reply earned."""
        labels = {cue.id: cue.label for cue in self.outcome.final.cues}
        lines = ["Follow-up questions:"]
        for exchange in self.outcome.attempt.probes:
            lines.append(f"Interviewer: {exchange.probe}")
            if not exchange.answer:
                lines.append("You: (skipped)")
                continue
            lines.append(f"You: {exchange.answer}")
            if exchange.cue and exchange.cue in self.outcome.final.recovered:
                lines.append(f"  ↺ earned {labels.get(exchange.cue, exchange.cue)}")
        return "\n".join(lines)

    def length_note(self) -> str | None:
        attempt = self.outcome.attempt
        return length_note(self.outcome.final.result.word_count, attempt.time_limit_s, attempt.time_taken_s)

    def drill_line(self) -> str | None:
        """How the drilled cue went, first: the reason for the session."""
        drill = self.outcome.drill
        final = self.outcome.final
        cue = next((c for c in final.cues if c.id == drill), None)
        if cue is None:
            return None
        mark = final.mark(cue.id)
        if mark == "✓":
            return f"Drilling {cue.label}: ✓ shown. Keep it up."
        if mark == "↺":
            return f"Drilling {cue.label}: ↺ only when asked; say it unprompted next time."
        return f"Drilling {cue.label}: ✗ missed. {' '.join((cue.tip or '').split())}".rstrip()

    def too_long(self) -> bool:
        limit = self.outcome.attempt.time_limit_s
        words = self.outcome.final.result.word_count
        return bool(limit) and speaking_minutes(words) * 60 > (limit or 0) * LONG_FACTOR

    def coaching(self) -> str:
        """What to work on, the length of the answer right after any reason it is not
        read as an answer, before the cues."""
        text = coaching_text(self.outcome.final)
        note = self.length_note()
        if note is None:
            return text
        title = "What to work on:\n"
        lines = text.removeprefix(title).split("\n") if text.startswith(title) else []
        lines.insert(len(self.outcome.final.result.lead_notes), f"• {note}")
        return title + "\n".join(lines)

    def answer_stats(self) -> str:
        attempt = self.outcome.attempt
        words = self.outcome.final.result.word_count
        parts = [f"{words} words"]
        if attempt.time_taken_s is not None:
            limit = f" of {clock_text(attempt.time_limit_s)}" if attempt.time_limit_s else ""
            parts.append(f"took {clock_text(attempt.time_taken_s)}{limit}")
        parts.append(f"about {speaking_minutes(words):.1f} minutes spoken")
        return " · ".join(parts)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
