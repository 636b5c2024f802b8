"""What the question form and the story form share: one labelled row per field, and
checking as you type, with each field's problems beside it once it has been changed
(all of them on saving) and the whole list at the bottom, Save disabled while any
remain."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from interviewcoach.tui.base import CoachScreen


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


def problems_by_field(error: ValidationError, say: Callable[[ErrorDetails], tuple[str, str]]) -> dict[str, list[str]]:
    """A model's validation errors as `say` words them, by form field, each once."""
    found: dict[str, list[str]] = {}
    for detail in error.errors(include_url=False):
        name, message = say(detail)
        if message not in found.setdefault(name, []):
            found[name].append(message)
    return found


class FormScreen(CoachScreen[str | None]):
    """A form that saves a model; dismisses with the saved thing's id, None on cancel."""

    FIELDS: ClassVar[dict[str, str]] = {}
    """The model's fields and the form fields (`#f-…`, their problems `#p-…`) they come from."""
    FIRST_FIELD: ClassVar[str] = ""
    """The form field focused on opening."""

    def __init__(self) -> None:
        super().__init__()
        self.initial: dict[str, Any] = {}
        self.touched: set[str] = set()
        """Form fields changed since the form opened: their problems are shown beside them."""

    quit_question = "Quit interviewcoach? What you typed in this form is not saved and will be lost."
    """What ctrl+q asks while the form holds changes (see `KeepsWork`): this form keeps no
    draft, so it says the typing is lost."""

    def on_mount(self) -> None:
        self.initial = self.data()
        self.check()
        # Editing, a first keystroke must not replace a whole title selected on focus.
        for box in self.query(Input):
            box.select_on_focus = False
        self.query_one(f"#f-{self.FIRST_FIELD}").focus()

    @property
    def answer_in_progress(self) -> bool:
        """Whether the form holds changes that leaving would lose (`KeepsWork`): the same
        notion of "changed" that escape asks about."""
        return self.is_mounted and self.data() != self.initial

    def save_draft(self) -> None:
        """Keep the typing for next time (`KeepsWork`); a form without drafts keeps nothing."""

    @staticmethod
    def form_end() -> Iterator[Widget]:
        """Below the fields: the problems, then Cancel and Save."""
        yield Static(id="form-problems", markup=False)
        with Horizontal(id="form-buttons"):
            yield Button("Cancel (esc)", id="cancel")
            yield Button("Save (^s)", id="save", variant="primary")

    def data(self) -> dict[str, Any]:
        """The model's data as the form holds it now."""
        raise NotImplementedError

    def validate(self) -> tuple[object | None, dict[str, list[str]]]:
        """The model, or None; and what is wrong, by form field."""
        raise NotImplementedError

    def check(self, everything: bool = False) -> bool:
        """Show what is wrong: beside each field once it has been changed (or with
        `everything`, on saving), and all of it at the bottom."""
        _, found = self.validate()
        data = self.data()
        self.touched |= {name for key, name in self.FIELDS.items() if data.get(key) != self.initial.get(key)}
        if everything:
            self.touched |= set(self.FIELDS.values())
        for name in self.FIELDS.values():
            box = self.query_one(f"#p-{name}", Static)
            box.update("\n".join(found.get(name, [])))
            box.display = name in found and name in self.touched
        problems = [message for messages in found.values() for message in messages]
        box = self.query_one("#form-problems", Static)
        box.update("\n".join(f"• {p}" for p in problems) if problems else "Ready to save.")
        box.set_class(bool(problems), "-problems")
        self.query_one("#save", Button).disabled = bool(problems)
        return not problems

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        # A story can be pages of typing: escape asks before it throws any of it away.
        if not self.answer_in_progress:
            self.dismiss_form(None)
            return
        from interviewcoach.tui.screens.confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss_form(None)

        self.app.push_screen(
            ConfirmScreen("Discard what you have typed here?", yes="Discard", no="Keep editing"), answered
        )

    def dismiss_form(self, saved_id: str | None) -> None:
        """Close the form, saved (with the saved thing's id) or abandoned (None)."""
        self.dismiss(saved_id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
