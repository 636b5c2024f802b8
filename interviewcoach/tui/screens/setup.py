"""Practice setup: what to be asked and how. Returns the choice through dismiss()."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Label, Select, Static, Switch

from interviewcoach.enums import Category, Level, Stage, options
from interviewcoach.settings import PracticeSetup


@dataclass(frozen=True)
class SetupChoice:
    setup: PracticeSetup
    timer: bool


class SetupScreen(Screen[SetupChoice | None]):
    BINDINGS = [
        Binding("ctrl+s", "begin", "Begin", key_display="^s", tooltip="Start with these choices", id="begin"),
        Binding("escape", "cancel", "Back", tooltip="Back to the home screen", id="back"),
    ]

    def __init__(self, setup: PracticeSetup, timer: bool) -> None:
        super().__init__()
        self.setup = setup
        self.timer = timer

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="setup"):
            yield Static("Practice setup", classes="section-title")
            with Grid(id="setup-grid"):
                yield Label("Category")
                yield Select(
                    [("Any", "any"), *options(Category)], value=self.setup.category, allow_blank=False, id="category"
                )
                yield Label("Level")
                yield Select(options(Level), value=str(self.setup.level), allow_blank=False, id="level")
                yield Label("Company")
                yield Select(options(Stage), value=str(self.setup.stage), allow_blank=False, id="stage")
                yield Label("Questions")
                yield Select(
                    [(str(n), n) for n in (1, 2, 3, 4, 5, 8, 10)],
                    value=self.setup.questions if self.setup.questions in (1, 2, 3, 4, 5, 8, 10) else 3,
                    allow_blank=False,
                    id="questions",
                )
                yield Label("Order")
                yield Select(
                    [("Random", "random"), ("Not yet practised first", "new"), ("Weakest cue first", "weakest")],
                    value=self.setup.order,
                    allow_blank=False,
                    id="order",
                )
                yield Label("Mode")
                yield Select(
                    [
                        ("Interview: cues hidden until you submit", "interview"),
                        ("Coach: cues light up as you type", "coach"),
                    ],
                    value=self.setup.mode,
                    allow_blank=False,
                    id="mode",
                )
                yield Label("Timer")
                yield Switch(value=self.timer, id="timer")
            with Horizontal(id="setup-buttons"):
                yield Button("Back (esc)", id="back")
                yield Button("Begin (^s)", id="begin", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#category", Select).focus()

    def choice(self) -> SetupChoice:
        fields = ("category", "level", "stage", "questions", "order", "mode")
        setup = PracticeSetup.model_validate({name: self.query_one(f"#{name}", Select).value for name in fields})
        return SetupChoice(setup, self.query_one("#timer", Switch).value)

    def action_begin(self) -> None:
        self.dismiss(self.choice())

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "begin":
            self.action_begin()
        else:
            self.action_cancel()
