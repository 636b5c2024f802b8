"""The end of a round: the interviewer's feedback in the form coaches use (keep doing,
stop doing, start doing), each pre-filled from the cues and ratings and editable, and a
word on the candidate's focus. Saving writes the report."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Label, Static, TextArea

from interviewcoach.mock import MockSession
from interviewcoach.tui.base import CoachScreen

BOXES = (
    ("focus", "How the focus went"),
    ("keep", "Keep doing"),
    ("stop", "Stop doing"),
    ("start", "Start doing"),
)


class WrapUpScreen(CoachScreen[None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save and report", key_display="^s", tooltip="Save the feedback", id="wrap-up-save"),
    ]

    def __init__(self, session: MockSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        session = self.session
        r = session.round
        keep, stop, start = session.suggestions()
        texts = {"focus": session.focus_summary(), "keep": keep, "stop": stop, "start": start}
        with VerticalScroll(id="wrap-up"):
            yield Static(f"Round {r.number}: {r.interviewer}'s feedback for {r.candidate}", classes="section-title")
            yield Static("Suggested from your calls and ratings; edit freely. tab moves on.", classes="muted")
            for key, title in BOXES:
                if key == "focus" and r.focus.empty:
                    continue
                yield Label(title)
                yield TextArea(texts[key], id=f"wrap-{key}", soft_wrap=True, tab_behavior="focus")
        yield Footer()

    def on_mount(self) -> None:
        self.query(TextArea).first().focus()

    def text(self, key: str) -> str:
        found = self.query(f"#wrap-{key}")
        return found.first(TextArea).text if found else ""

    @property
    def answer_in_progress(self) -> bool:
        return True

    def save_draft(self) -> None:
        """Quitting here keeps the saved questions; the feedback typed here is lost."""

    def action_save(self) -> None:
        self.session.wrap_up(self.text("keep"), self.text("stop"), self.text("start"), self.text("focus"))
        self.coach_app.mock_report(self.session)
