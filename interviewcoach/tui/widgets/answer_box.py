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
    # Terminals cannot tell ctrl+enter from enter; ctrl+j and alt+enter arrive distinctly.
    BINDINGS = [
        Binding(
            "ctrl+j,alt+enter",
            "submit",
            "Submit",
            key_display="^j",
            tooltip="Send your answer to the interviewer",
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
