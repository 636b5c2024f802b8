"""Mock interview setup: the two names (remembered), the questions (chosen as in solo
setup, or picked by hand in the question bank), rounds per person, who interviews
first, spoken or typed answers, learning or realistic style. Returns through dismiss()."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Select, Static

from interviewcoach.enums import Category, Level, Stage, options
from interviewcoach.settings import MockSetup


@dataclass(frozen=True)
class MockChoice:
    name: str
    setup: MockSetup
    picked: bool
    """Use the questions picked in the question bank rather than the filters."""


class MockSetupScreen(Screen[MockChoice | None]):
    BINDINGS = [
        Binding("ctrl+s", "begin", "Begin", key_display="^s", tooltip="Start the mock interview", id="mock-begin"),
        Binding("escape", "cancel", "Back", tooltip="Back to the home screen", id="mock-back"),
    ]

    def __init__(self, name: str, setup: MockSetup, picks: int) -> None:
        super().__init__()
        self.name_, self.setup, self.picks = name, setup, picks

    def compose(self) -> ComposeResult:
        setup = self.setup
        with VerticalScroll(id="mock-setup"):
            yield Static("Mock interview with a peer", classes="section-title")
            yield Static("One interviews from the cockpit, the other answers out loud; then you swap.", classes="muted")
            with Grid(id="mock-setup-grid"):
                yield Label("Your name")
                yield Input(self.name_, placeholder="you", id="mock-name")
                yield Label("Partner")
                yield Input(setup.partner, placeholder="the person you practise with", id="mock-partner")
                if self.picks:
                    yield Label("Questions")
                    yield Select(
                        [
                            (f"The {self.picks} picked in the question bank", "picked"),
                            ("Chosen by the filters below", "setup"),
                        ],
                        value="picked",
                        allow_blank=False,
                        id="mock-source",
                    )
                yield Label("Category")
                yield Select(
                    [("Any", "any"), *options(Category)], value=setup.category, allow_blank=False, id="category"
                )
                yield Label("Level")
                yield Select(options(Level), value=str(setup.level), allow_blank=False, id="level")
                yield Label("Company")
                yield Select(options(Stage), value=str(setup.stage), allow_blank=False, id="stage")
                yield Label("Per round")
                yield Select(
                    [(f"{n} question{'s' if n > 1 else ''}", n) for n in range(1, 6)],
                    value=setup.questions,
                    allow_blank=False,
                    id="questions",
                )
                yield Label("Rounds each")
                yield Select([(str(n), n) for n in range(1, 4)], value=setup.rounds, allow_blank=False, id="rounds")
                yield Label("First to ask")
                yield Select(
                    [("You", "me"), ("Your partner", "partner")], value=setup.first, allow_blank=False, id="first"
                )
                yield Label("Answers")
                yield Select(
                    [("Spoken: the interviewer types notes", "spoken"), ("Typed by the candidate", "typed")],
                    value=setup.answer_mode,
                    allow_blank=False,
                    id="answer_mode",
                )
                yield Label("Style")
                yield Select(
                    [("Realistic: feedback at the end", "realistic"), ("Learning: discuss each question", "learning")],
                    value=setup.style,
                    allow_blank=False,
                    id="style",
                )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#mock-name" if not self.name_ else "#mock-partner", Input).focus()

    def choice(self) -> MockChoice | None:
        name = self.query_one("#mock-name", Input).value.strip()
        partner = self.query_one("#mock-partner", Input).value.strip()
        if not name or not partner:
            self.notify("Both names, please: the report says who asked and who answered.", severity="warning")
            return None
        if name.casefold() == partner.casefold():
            self.notify("Two different names, please.", severity="warning")
            return None
        fields = ("category", "level", "stage", "questions", "rounds", "first", "answer_mode", "style")
        values = {field: self.query_one(f"#{field}", Select).value for field in fields}
        setup = MockSetup.model_validate({"partner": partner, **values})
        source = self.query("#mock-source")
        picked = bool(source) and source.first(Select).value == "picked"
        return MockChoice(name, setup, picked)

    def action_begin(self) -> None:
        choice = self.choice()
        if choice is not None:
            self.dismiss(choice)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self) -> None:
        self.action_begin()
