"""The Textual app and the one factory that builds it, for the CLI and the tests alike."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from interviewcoach.banks import Library
from interviewcoach.settings import Settings
from interviewcoach.tui.screens.home import HomeScreen


class InterviewCoachApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "interviewcoach"
    SUB_TITLE = "practice product-manager interviews"
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Leave interviewcoach", id="quit"),
    ]

    def __init__(self, settings: Settings, library: Library) -> None:
        super().__init__()
        self.settings = settings
        self.library = library

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(
                f"Unknown theme '{self.settings.theme}' in settings; using the default.",
                severity="warning",
            )
        self.push_screen(HomeScreen(self.settings, self.library))


def make_app(settings: Settings, library: Library) -> InterviewCoachApp:
    return InterviewCoachApp(settings, library)
