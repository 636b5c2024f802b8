"""The small dialogs of a mock interview: the candidate's focus, a comment on a cue, the
overall recommendation, and the learning-mode pause to discuss a question. Each returns
through dismiss()."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, SelectionList, Static

from interviewcoach.mock import RECOMMENDATIONS, Focus

DIALOG_CSS = """
{name} {{
    align: center middle;
}}
{name} > Vertical {{
    width: 72;
    max-width: 100%;
    height: auto;
    max-height: 100%;
    padding: 0 1;
    border: thick $primary;
    background: $surface;
}}
{name} .dialog-title {{
    text-style: bold;
    color: $primary;
}}
"""


class FocusScreen(ModalScreen[Focus | None]):
    """Before a round: the candidate names what the interviewer should watch."""

    DEFAULT_CSS = (
        DIALOG_CSS.format(name="FocusScreen")
        + """
    FocusScreen SelectionList {
        height: auto;
        max-height: 10;
    }
    """
    )
    BINDINGS = [
        Binding(
            "ctrl+s", "done", "Start the round", key_display="^s", tooltip="Begin with this focus", id="focus-done"
        ),
        Binding("escape", "skip", "No focus", tooltip="Begin without naming a focus", id="focus-skip"),
    ]

    def __init__(self, candidate: str, interviewer: str, cues: list[str], weakest: list[str]) -> None:
        super().__init__()
        self.candidate, self.interviewer = candidate, interviewer
        self.cues, self.weakest = cues, weakest

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"{self.candidate}, what should {self.interviewer} watch?", classes="dialog-title")
            note = " (your weakest are ticked)" if self.weakest else ""
            yield Static(f"Cues you are working on{note}: space ticks one.", classes="muted")
            yield SelectionList[str](*[(label, label, label in self.weakest) for label in self.cues], id="focus-cues")
            yield Static("Habits, in your own words (separate with ;)", classes="muted")
            yield Input(placeholder="I ramble; I skip metrics", id="focus-habits")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def on_input_submitted(self) -> None:
        self.action_done()

    def action_done(self) -> None:
        cues = list(self.query_one(SelectionList).selected)
        habits = [h.strip() for h in self.query_one(Input).value.split(";") if h.strip()]
        self.dismiss(Focus(cues, habits))

    def action_skip(self) -> None:
        self.dismiss(Focus())


class CommentScreen(ModalScreen[str | None]):
    """A private comment on one cue."""

    DEFAULT_CSS = DIALOG_CSS.format(name="CommentScreen")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="comment-cancel")]

    def __init__(self, label: str, text: str) -> None:
        super().__init__()
        self.label, self.text = label, text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Your comment on {self.label} (the candidate sees it in the report)", classes="dialog-title")
            yield Input(self.text, placeholder="e.g. named a metric but no target", id="comment")
            yield Static("enter saves, esc cancels", classes="muted")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RecommendScreen(ModalScreen[int | None]):
    """The overall recommendation, on the 4-point scale panels use."""

    DEFAULT_CSS = DIALOG_CSS.format(name="RecommendScreen")
    BINDINGS = [
        Binding("1", "pick(1)", "Strong no", id="recommend-1"),
        Binding("2", "pick(2)", "No", id="recommend-2"),
        Binding("3", "pick(3)", "Yes", id="recommend-3"),
        Binding("4", "pick(4)", "Strong yes", id="recommend-4"),
        Binding("escape", "pick(0)", "Not yet", id="recommend-cancel"),
    ]

    def __init__(self, current: int | None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Your overall recommendation for this answer", classes="dialog-title")
            for value, label in RECOMMENDATIONS.items():
                mark = " ◀" if value == self.current else ""
                yield Static(f"  {value}  {label}{mark}")
            yield Static("Press 1-4; esc to decide later.", classes="muted")

    def action_pick(self, value: int) -> None:
        self.dismiss(value or None)


class DiscussScreen(Screen[None]):
    """Learning style: stop after a question and discuss it, with what a strong answer
    covers shown to both people. A whole screen, not a dialog over the cockpit: the
    candidate may be looking, and the notes and calls stay the interviewer's."""

    DEFAULT_CSS = DIALOG_CSS.format(name="DiscussScreen")
    BINDINGS = [Binding("enter,escape", "done", "Continue", id="discuss-done")]

    def __init__(self, prompt: str, outline: list[str]) -> None:
        super().__init__()
        self.prompt, self.outline = prompt, outline

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Talk it through", classes="dialog-title")
            yield Static(self.prompt, markup=False)
            yield Static("")
            yield Static("A strong answer covers:", classes="muted")
            lines = [f"• {item}" for item in self.outline] or ["(this question has no outline)"]
            yield Static("\n".join(lines), markup=False)
            yield Static("")
            yield Static("enter: continue", classes="muted")

    def action_done(self) -> None:
        self.dismiss(None)
