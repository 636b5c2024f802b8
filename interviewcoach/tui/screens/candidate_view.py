"""What the candidate may see: the question and the clock, large, for sharing the
terminal on a call or turning the laptop round. It is handed the question's words, its
time and the interviewer's clock, and nothing else: no rubric, notes, probes, cue names
or scores can reach it. In typed mode the candidate answers here."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Digits, Footer, Static

from interviewcoach.durations import clock_text, minutes_text
from interviewcoach.mock import Stopwatch
from interviewcoach.tui.widgets.answer_box import AnswerBox

LOW_TIME_S = 60


class CandidateView(Screen[str | None]):
    """Dismisses with the typed answer (typed mode), or None."""

    BINDINGS = [
        Binding("f2", "back", "Interviewer's view", tooltip="Switch back to the interviewer", id="candidate-back"),
    ]

    def __init__(self, prompt: str, time_limit_s: int, stopwatch: Stopwatch, *, typed: bool, text: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.time_limit_s = time_limit_s
        self.stopwatch = stopwatch
        self.typed = typed
        self.text = text
        self.draft = text
        """What the candidate had typed when the view was switched away."""

    def compose(self) -> ComposeResult:
        with Vertical(id="candidate"):
            yield Static(self.prompt, id="candidate-question", markup=False)
            yield Static(f"You have {minutes_text(self.time_limit_s)}.", id="candidate-allowed", classes="muted")
            with Center():
                yield Digits(id="candidate-clock")
            yield Static(id="candidate-state", classes="muted")
            if self.typed:
                yield AnswerBox(self.text, id="candidate-answer")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(0.5, self.tick)
        self.tick()
        if self.typed:
            self.query_one(AnswerBox).focus()

    def tick(self) -> None:
        remaining = self.time_limit_s - self.stopwatch.elapsed()
        digits = self.query_one(Digits)
        digits.update(("-" if remaining < 0 else "") + clock_text(remaining))
        digits.set_class(0 <= remaining <= LOW_TIME_S, "-low")
        digits.set_class(remaining < 0, "-over")
        state = ("time left" if remaining >= 0 else "over time") if self.stopwatch.running else "clock paused"
        if self.typed and self.stopwatch.running:
            state += " · type your answer below; ctrl+j or ctrl+s sends it"
        self.query_one("#candidate-state", Static).update(state)

    def on_answer_box_submitted(self, event: AnswerBox.Submitted) -> None:
        if event.text.strip():
            self.dismiss(event.text)
        else:
            self.notify("Type an answer first.", severity="warning")

    def action_back(self) -> None:
        if self.typed:
            self.draft = self.query_one(AnswerBox).text
        self.dismiss(None)
