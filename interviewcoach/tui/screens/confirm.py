"""A yes/no question that returns its answer through dismiss()."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
    }
    ConfirmScreen > Vertical {
        width: 60;
        max-width: 95%;
        height: auto;
        padding: 1 2;
        border: thick $warning;
        background: $surface;
    }
    ConfirmScreen Horizontal {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    ConfirmScreen Button {
        margin-left: 1;
    }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False)
            with Horizontal():
                yield Button(f"{self.no} (n)", id="no")
                yield Button(f"{self.yes} (y)", id="yes", variant="warning")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ChoiceScreen(ModalScreen[str | None]):
    """A question with a few answers, each a button with its key; returns the chosen
    answer's id, None on escape (which always means "do nothing")."""

    DEFAULT_CSS = """
    ChoiceScreen {
        align: center middle;
    }
    ChoiceScreen > Vertical {
        width: 70;
        max-width: 95%;
        height: auto;
        padding: 1 2;
        border: thick $warning;
        background: $surface;
    }
    ChoiceScreen Horizontal {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    ChoiceScreen Button {
        margin-left: 1;
    }
    """
    BINDINGS = [Binding("escape", "choose('')", "Cancel", id="choice-cancel")]

    def __init__(self, question: str, choices: list[tuple[str, str, str]]) -> None:
        """`choices`: (id, label, key) each, the last drawn as the main one."""
        super().__init__()
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False)
            with Horizontal():
                for number, (choice, label, key) in enumerate(self.choices, start=1):
                    main = number == len(self.choices)
                    yield Button(f"{label} ({key})", id=f"choice-{choice}", variant="warning" if main else "default")

    def on_key(self, event: events.Key) -> None:
        chosen = next((choice for choice, _, key in self.choices if key == event.key), None)
        if chosen is not None:
            event.stop()
            self.dismiss(chosen)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("choice-") or None)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
