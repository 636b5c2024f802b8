"""Write or edit a story: the question form's layout (every field drawn at 80x24, the
form scrolls), validated as you type by the story model, saved atomically to its own
file in the data folder's stories/."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Input, Static, TextArea

from interviewcoach.draft_keys import story_draft_key
from interviewcoach.stories.model import PARTS, Story
from interviewcoach.stories.shelf import SavedStory, StoryChangedOnDisk, read_story_file, save_story
from interviewcoach.stories.themes import THEME_RULE, theme_form, unasked_themes
from interviewcoach.tui.screens.form import FormScreen, field, problems_by_field

TEXT_FIELDS = ("title", "where", "when")
AREA_FIELDS = ("story", *PARTS)
HINT_THEMES = 12
"""How many of the most asked themes the form names under the themes field."""
PART_HINTS = {
    "story": "free text",
    "situation": "the scene",
    "task": "your job",
    "action": "your steps",
    "result": "the outcome",
    "learned": "the lesson",
}


def field_problem(error: ErrorDetails) -> tuple[str, str]:
    """A validation error as a person would say it, and the form field it belongs to."""
    name = str(error["loc"][0]) if error["loc"] else "title"
    if name == "title":
        if error["type"] == "string_too_long":
            return "title", "Title: at most 200 characters."
        return "title", "Give the story a title you would recognise it by."
    if name in ("where", "when"):
        return name, f"{name.capitalize()}: at most 200 characters."
    if name == "themes":
        if error["type"] == "value_error":
            return "themes", "Themes: each theme once."
        fixed = theme_form(str(error.get("input", ""))) if len(error["loc"]) > 1 else ""
        hint = f" (did you mean `{fixed}`?)" if fixed and fixed != error.get("input") else ""
        return "themes", f"Themes: {THEME_RULE}, separated by commas{hint}."
    return name, f"{name.capitalize()}: {error['msg'].removeprefix('Value error, ')}"


class StoryForm(FormScreen):
    """Returns the saved story's id, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", key_display="^s", tooltip="Save the story", id="save-story"),
        Binding("escape", "cancel", "Cancel", tooltip="Leave without saving", id="cancel-story"),
    ]

    FIRST_FIELD = "title"
    FIELDS = {name: name for name in (*TEXT_FIELDS, "themes", *AREA_FIELDS)}

    quit_question = "Quit interviewcoach? The story you are typing is kept as a draft and offered back next time."

    def __init__(self, saved: SavedStory | None, themes: list[str]) -> None:
        super().__init__()
        self.original = saved
        self.known_themes = themes
        """The themes the banks ask, most asked first: offered, and checked for typos."""
        self.draft_key = story_draft_key(saved.id if saved else None)
        """Where quitting keeps what is typed; the form offers it back when it opens."""
        self.draft_waiting = False
        """A draft offered on opening and put off (escape): kept when the form closes."""

    def compose(self) -> ComposeResult:
        story = self.original.story if self.original else None
        with VerticalScroll(id="form"):
            yield Static("Edit your story" if story else "Write a story", classes="section-title")
            if self.original is not None:
                yield Static(
                    f"Saving rewrites {self.original.path.name}: comments in it are not kept.",
                    id="form-rewrites",
                    classes="muted",
                    markup=False,
                )
            with Vertical(id="form-fields"):
                yield from field(
                    "Title", Input(story.title if story else "", placeholder="The launch I pulled", id="f-title")
                )
                yield from field(
                    "Where", Input(story.where if story else "", placeholder="company, team", id="f-where")
                )
                yield from field("When", Input(story.when if story else "", placeholder="2023", id="f-when"))
                yield from field(
                    "Themes",
                    Input(", ".join(story.themes) if story else "", placeholder="failure, conflict", id="f-themes"),
                    hint="comma list",
                )
                yield Static(self.themes_hint(), id="themes-hint", classes="muted", markup=False)
                for name in AREA_FIELDS:
                    area = TextArea(getattr(story, name) if story else "", id=f"f-{name}", soft_wrap=True)
                    if name != "story":
                        area.add_class("story-part")
                    yield from field(name.capitalize(), area, hint=PART_HINTS[name])
            yield from self.form_end()
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.offer_draft()

    # --- the draft: what quitting with the form open keeps ---------------------------------

    def save_draft(self) -> None:
        """Keep what is typed in the history's drafts, to offer back when the form opens."""
        from interviewcoach.store.records import DraftRecord

        data = self.data()
        text = "\n\n".join(str(data[name]) for name in ("title", *AREA_FIELDS) if data.get(name))
        self.coach_app.save_draft(DraftRecord(key=self.draft_key, text=text, context={"story": data}))

    def discard_draft(self) -> None:
        self.coach_app.read_history(lambda store: store.discard_draft(self.draft_key), None, "discard the draft")

    def offer_draft(self) -> None:
        key = self.draft_key
        found = self.coach_app.read_history(
            lambda store: next((d for d in store.drafts() if d.key == key), None), None, "read your drafts"
        )
        if found is None or not isinstance(found.context.get("story"), dict):
            return
        typed: dict = found.context["story"]
        from interviewcoach.tui.screens.confirm import ChoiceScreen

        # Escape is "not now": the draft stays, offered again next time. Only a
        # deliberate answer throws it away.
        self.draft_waiting = True

        def answered(choice: str | None) -> None:
            if choice == "restore":
                self.draft_waiting = False
                self.fill(typed)
            elif choice == "discard":
                self.draft_waiting = False
                self.discard_draft()

        when = found.updated_at.astimezone().strftime("%d %b %H:%M")
        self.app.push_screen(
            ChoiceScreen(
                f"You left this form with unsaved typing ({when}). Restore what you typed? Escape keeps it for later.",
                [("discard", "Discard it", "d"), ("restore", "Restore", "y")],
            ),
            answered,
        )

    def fill(self, data: dict) -> None:
        """Put a draft's typing back into the fields."""
        for name in TEXT_FIELDS:
            self.query_one(f"#f-{name}", Input).value = str(data.get(name, ""))
        themes = data.get("themes", [])
        self.query_one("#f-themes", Input).value = ", ".join(map(str, themes)) if isinstance(themes, list) else ""
        for name in AREA_FIELDS:
            self.query_one(f"#f-{name}", TextArea).text = str(data.get(name, ""))
        self.check()

    def dismiss_form(self, story_id: str | None) -> None:
        if not self.draft_waiting:  # a draft put off with escape is kept for next time
            self.discard_draft()
        self.dismiss(story_id)

    def themes_hint(self) -> str:
        if not self.known_themes:
            return ""
        shown = self.known_themes[:HINT_THEMES]
        more = len(self.known_themes) - len(shown)
        return "Asked most: " + ", ".join(shown) + (f" and {more} more (c on your stories)" if more > 0 else "")

    def data(self) -> dict:
        data: dict = {name: self.query_one(f"#f-{name}", Input).value.strip() for name in TEXT_FIELDS}
        data["themes"] = [t.strip() for t in self.query_one("#f-themes", Input).value.split(",") if t.strip()]
        for name in AREA_FIELDS:
            data[name] = self.query_one(f"#f-{name}", TextArea).text.strip()
        if self.original:
            data["attempts"] = list(self.original.story.attempts)  # hand-made links are kept
        return data

    def validate(self) -> tuple[Story | None, dict[str, list[str]]]:
        try:
            return Story.model_validate(self.data()), {}
        except ValidationError as error:
            return None, problems_by_field(error, field_problem)

    def unasked_note(self, themes: list[str]) -> str:
        """Themes no question asks: allowed (your own), but often a typo."""
        notes = unasked_themes(themes, self.known_themes)
        return "No question asks: " + ", ".join(notes) if notes else ""

    def check(self, everything: bool = False) -> bool:
        note = self.unasked_note(self.data()["themes"])
        self.query_one("#themes-hint", Static).update(note or self.themes_hint())
        return super().check(everything)

    @on(Input.Changed)
    @on(TextArea.Changed)
    def changed(self) -> None:
        self.check()

    def action_save(self) -> None:
        self.save(overwrite=False)

    def save(self, overwrite: bool) -> None:
        """Save the story; over a file edited by hand since the form read it only when
        `overwrite` says so (the form asks first)."""
        story, problems = self.validate()
        if story is None or problems:
            self.check(everything=True)
            self.notify("Fix the problems listed before saving.", severity="warning")
            return
        original = self.original
        try:
            story_id = save_story(
                story,
                original.id if original else None,
                original.path.parent if original else None,
                expected=None if overwrite or original is None else original.stamp,
                used=() if original else self.coach_app.story_history()[0].keys(),
            )
        except StoryChangedOnDisk as changed:
            self.changed_on_disk(changed.path)
            return
        except OSError as error:
            self.notify(f"Could not save: {error}", severity="error", timeout=10)
            return
        self.dismiss_form(story_id)

    def changed_on_disk(self, path: Path) -> None:
        from interviewcoach.tui.screens.confirm import ChoiceScreen

        def answered(choice: str | None) -> None:
            if choice == "overwrite":
                self.save(overwrite=True)
            elif choice == "reload":
                self.reload_file(path)

        self.app.push_screen(
            ChoiceScreen(
                f"{path.name} changed on disk since this form opened (edited by hand?). "
                "Overwrite it with the form, or reload the file into the form "
                "(what you typed here is lost)? Escape keeps editing.",
                [("reload", "Reload the file", "r"), ("overwrite", "Overwrite", "o")],
            ),
            answered,
        )

    def reload_file(self, path: Path) -> None:
        saved, problems = read_story_file(path) if path.exists() else (None, [])
        if saved is None:
            why = "; ".join(str(problem) for problem in problems) or "the file is gone"
            self.notify(f"Could not reload it: {why}", severity="error", timeout=10)
            return
        self.original = saved
        self.fill(saved.story.model_dump())
        self.initial = self.data()
        self.notify(f"Reloaded {path.name}.")
