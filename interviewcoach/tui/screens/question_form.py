"""Write or edit a question of your own. The form validates as you type with the
question model and the loader's own cross-checks (banks.question_problems, what
`interviewcoach validate` runs), and saves to your bank file."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Select, SelectionList, Static, TextArea

from interviewcoach.banks import question_problems
from interviewcoach.enums import Category, Level, Stage, options
from interviewcoach.models import Question
from interviewcoach.tui.base import CoachScreen
from interviewcoach.user_bank import save_user_question


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


FIELDS = {
    "id": "id",
    "prompt": "prompt",
    "category": "category",
    "rubric": "rubric",
    "levels": "levels",
    "stage": "stage",
    "time_limit_s": "minutes",
    "follow_ups": "follow-ups",
    "outline": "outline",
    "tags": "tags",
}
"""The question model's fields and the form fields (`#f-…`, their problems `#p-…`) they come from."""


def field_problem(error: ErrorDetails) -> tuple[str, str]:
    """A validation error as a person would say it, and the form field it belongs to."""
    name = str(error["loc"][0]) if error["loc"] else "id"
    kind = error["type"]
    if name == "id":
        if kind == "string_too_long":
            return "id", "Id: at most 64 characters."
        return "id", "Id: lowercase letters, digits and dashes only, e.g. `pd-my-question`."
    if name == "prompt":
        return "prompt", "Write the question."
    if name == "levels":
        return "levels", "Pick at least one level."
    if name == "time_limit_s":
        return "minutes", "Minutes: a whole number from 1 to 60."
    if name == "tags":
        if kind == "value_error":
            return "tags", "Tags: each tag once."
        return "tags", "Tags: lowercase letters, digits and dashes, separated by commas, e.g. `b2c, pricing`."
    return FIELDS.get(
        name, "id"
    ), f"{name.replace('_', ' ').capitalize()}: {error['msg'].removeprefix('Value error, ')}"


def field(label: str, widget: Widget, hint: str = "") -> Iterator[Widget]:
    """One row of the form: its label (and hint) beside the field, which keeps its own
    height, so every field is drawn whatever the terminal's size (the form scrolls), and
    below it what is wrong with it, if anything."""
    with Horizontal(classes="form-row"):
        with Vertical(classes="form-label"):
            yield Label(label)
            if hint:
                yield Label(hint, classes="muted")
        with Vertical(classes="form-field"):
            yield widget
            yield Static(id=f"p-{(widget.id or '').removeprefix('f-')}", classes="field-problem", markup=False)


class QuestionForm(CoachScreen[str | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", key_display="^s", tooltip="Save to your question bank", id="save-question"),
        Binding("escape", "cancel", "Cancel", tooltip="Leave without saving", id="cancel-question"),
    ]

    def __init__(self, question: Question | None) -> None:
        super().__init__()
        self.original = question
        self.initial: dict = {}
        self.touched: set[str] = set()
        """Form fields changed since the form opened: their problems are shown beside them."""

    def compose(self) -> ComposeResult:
        q = self.original
        rubrics = sorted(self.coach_app.library.rubrics)
        with VerticalScroll(id="form"):
            yield Static("Edit your question" if q else "Write a question of your own", classes="section-title")
            with Vertical(id="form-fields"):
                yield from field("Id", Input(q.id if q else "", placeholder="pd-my-question", id="f-id"))
                yield from field("Question", TextArea(q.prompt if q else "", id="f-prompt", soft_wrap=True))
                yield from field(
                    "Category",
                    Select(
                        options(Category),
                        value=str(q.category) if q else "product-design",
                        allow_blank=False,
                        id="f-category",
                    ),
                )
                yield from field(
                    "Rubric",
                    Select(
                        [(r, r) for r in rubrics],
                        value=q.rubric if q else ("product-design" if "product-design" in rubrics else rubrics[0]),
                        allow_blank=False,
                        id="f-rubric",
                    ),
                )
                yield from field(
                    "Levels",
                    SelectionList[str](
                        *[(level.label, str(level), bool(q and level in q.levels)) for level in Level], id="f-levels"
                    ),
                )
                yield from field(
                    "Company",
                    Select(options(Stage), value=str(q.stage) if q else "any", allow_blank=False, id="f-stage"),
                )
                yield from field(
                    "Minutes", Input(str((q.time_limit_s if q else 300) // 60), id="f-minutes", type="integer")
                )
                yield from field(
                    "Follow-ups",
                    TextArea("\n".join(q.follow_ups) if q else "", id="f-follow-ups", soft_wrap=True),
                    hint="one a line",
                )
                yield from field(
                    "Outline",
                    TextArea("\n".join(q.outline) if q else "", id="f-outline", soft_wrap=True),
                    hint="one a line",
                )
                yield from field(
                    "Tags", Input(", ".join(q.tags) if q else "", placeholder="comma, separated", id="f-tags")
                )
            yield Static(id="form-problems", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button("Cancel (esc)", id="cancel")
                yield Button("Save (^s)", id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.initial = self.data()
        self.check()
        self.query_one("#f-id", Input).focus()

    def data(self) -> dict:
        minutes = self.query_one("#f-minutes", Input).value.strip()
        return {
            "id": self.query_one("#f-id", Input).value.strip(),
            "prompt": self.query_one("#f-prompt", TextArea).text.strip(),
            "category": self.query_one("#f-category", Select).value,
            "rubric": self.query_one("#f-rubric", Select).value,
            "levels": list(self.query_one("#f-levels", SelectionList).selected),
            "stage": self.query_one("#f-stage", Select).value,
            "time_limit_s": int(minutes) * 60 if minutes.isdigit() else minutes,
            "follow_ups": lines(self.query_one("#f-follow-ups", TextArea).text),
            "outline": lines(self.query_one("#f-outline", TextArea).text),
            "tags": [t.strip() for t in self.query_one("#f-tags", Input).value.split(",") if t.strip()],
        }

    def validate(self) -> tuple[Question | None, dict[str, list[str]]]:
        """The question, or None; and what is wrong, by form field."""
        found: dict[str, list[str]] = {}
        try:
            question = Question.model_validate(self.data())
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                name, message = field_problem(detail)
                if message not in found.setdefault(name, []):
                    found[name].append(message)
            return None, found
        replacing = self.original.id if self.original else None
        for problem in question_problems(self.coach_app.library, question, replacing):
            if "already used" in problem:
                found.setdefault("id", []).append("Id: another question has this id; pick another.")
            else:
                found.setdefault("rubric", []).append(problem[:1].upper() + problem[1:])
        return question, found

    def check(self, everything: bool = False) -> bool:
        """Show what is wrong: beside each field once it has been changed (or with
        `everything`, on saving), and all of it at the bottom."""
        question, found = self.validate()
        data = self.data()
        self.touched |= {name for key, name in FIELDS.items() if data.get(key) != self.initial.get(key)}
        if everything:
            self.touched |= set(FIELDS.values())
        for name in FIELDS.values():
            box = self.query_one(f"#p-{name}", Static)
            box.update("\n".join(found.get(name, [])))
            box.display = name in found and name in self.touched
        problems = [message for messages in found.values() for message in messages]
        box = self.query_one("#form-problems", Static)
        box.update("\n".join(f"• {p}" for p in problems) if problems else "Ready to save.")
        box.set_class(bool(problems), "-problems")
        self.query_one("#save", Button).disabled = bool(problems)
        return not problems

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    def changed(self) -> None:
        self.check()

    def action_save(self) -> None:
        question, problems = self.validate()
        if question is None or problems:
            self.check(everything=True)
            self.notify("Fix the problems listed before saving.", severity="warning")
            return
        try:
            save_user_question(question, self.original.id if self.original else None)
        except OSError as error:
            self.notify(f"Could not save: {error}", severity="error", timeout=10)
            return
        if not self.coach_app.reload_library():
            return
        self.dismiss(question.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
