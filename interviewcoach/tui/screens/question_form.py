"""Write or edit a question of your own. The form validates as you type with the
question model and the loader's own cross-checks (banks.question_problems, what
`interviewcoach validate` runs), and saves to your bank file."""

from __future__ import annotations

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Input, Select, SelectionList, Static, TextArea

from interviewcoach.banks import question_problems
from interviewcoach.enums import Category, Level, Stage, options
from interviewcoach.models import Question
from interviewcoach.tui.screens.form import FormScreen, field, problems_by_field
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


class QuestionForm(FormScreen):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", key_display="^s", tooltip="Save to your question bank", id="save-question"),
        Binding("escape", "cancel", "Cancel", tooltip="Leave without saving", id="cancel-question"),
    ]

    FIRST_FIELD = "id"
    FIELDS = FIELDS

    def __init__(self, question: Question | None) -> None:
        super().__init__()
        self.original = question

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
            yield from self.form_end()
        yield Footer()

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
            return None, problems_by_field(error, field_problem)
        replacing = self.original.id if self.original else None
        for problem in question_problems(self.coach_app.library, question, replacing):
            if "already used" in problem:
                found.setdefault("id", []).append("Id: another question has this id; pick another.")
            else:
                found.setdefault("rubric", []).append(problem[:1].upper() + problem[1:])
        return question, found

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
