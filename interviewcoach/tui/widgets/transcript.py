"""The conversation so far, as chat bubbles: the interviewer on the left, you on the right."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Static


class Bubble(Static):
    DEFAULT_CSS = """
    Bubble {
        width: auto;
        max-width: 90%;
        height: auto;
        padding: 0 1;
        margin: 0 0 1 0;
    }
    Bubble.interviewer {
        background: $primary 15%;
        border-left: thick $primary;
    }
    Bubble.candidate {
        background: $accent 10%;
        border-right: thick $accent;
        margin-left: 8;
    }
    """


class Transcript(VerticalScroll):
    DEFAULT_CSS = """
    Transcript {
        height: 1fr;
        padding: 0 1;
    }
    """

    def on_mount(self) -> None:
        self.anchor()

    def say(self, speaker: str, text: str) -> Bubble:
        """Add a message; `speaker` is "interviewer" or "candidate"."""
        bubble = Bubble(text, classes=speaker, markup=False)
        self.mount(bubble)
        # Anchored, the transcript stays at its end as the new message is laid out and
        # wraps; scrolling once now would stop short of its last lines.
        self.anchor()
        return bubble

    def clear(self) -> None:
        self.remove_children()
