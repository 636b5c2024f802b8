"""The candidate's answer editor: Enter is a newline, a shown key submits."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea


class AnswerBox(TextArea):
    DEFAULT_CSS = """
    AnswerBox {
        height: 8;
        min-height: 4;
        border: round $accent;
    }
    AnswerBox:disabled {
        opacity: 60%;
    }
    """
    # Terminals cannot tell ctrl+enter from enter. ctrl+j and ctrl+s arrive distinctly in
    # every common terminal and multiplexer (ctrl+j is taken by VS Code's terminal, hence
    # both); alt+enter only where the terminal sends it whole: under tmux it arrives as
    # ESC then CR, which Textual reads as enter.
    SEND_KEYS = "ctrl+j,ctrl+s,alt+enter"
    BINDINGS = [
        Binding(
            SEND_KEYS,
            "submit",
            "Send",
            key_display="^j/^s",
            tooltip="Send your answer to the interviewer (ctrl+j or ctrl+s)",
            id="submit-answer",
        ),
    ]

    @dataclass
    class Submitted(Message):
        answer_box: AnswerBox
        text: str

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", show_line_numbers=False, **kwargs)

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, self.text))

    @property
    def word_count(self) -> int:
        return len(self.text.split())
