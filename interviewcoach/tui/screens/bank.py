"""The question bank: browse and search every question, preview it with its rubric,
practise it at once, and add or edit your own."""

from __future__ import annotations

from rapidfuzz import fuzz, utils
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from interviewcoach.durations import short_text
from interviewcoach.enums import Category, Level, Stage, options
from interviewcoach.models import Question
from interviewcoach.tui.base import CoachScreen

SEARCH_CUTOFF = 70
"""How close a search must come to part of a question (rapidfuzz partial ratio, 0-100)."""


def search_score(query: str, question: Question) -> float:
    """How well `query` matches the question: its id, prompt and tags. Typos are forgiven."""
    query = utils.default_process(query)
    if not query:
        return 100.0
    haystack = utils.default_process(" ".join([question.id, question.prompt, *question.tags]))
    if query in haystack:
        return 100.0
    if len(query) < 6:
        return 0.0  # too short to tell a typo from a different word
    return fuzz.partial_ratio(query, haystack, processor=None, score_cutoff=SEARCH_CUTOFF)


LETTER_ACTIONS = {"search", "practise", "add_to_mock", "add", "edit"}
"""Actions bound to printable keys, which a focused search box takes as text instead."""


class BankScreen(CoachScreen[None]):
    BINDINGS = [
        Binding("ctrl+p", "command_palette", show=False),
        Binding("slash", "search", "Search", key_display="/", tooltip="Type to search the questions", id="search"),
        Binding("p", "practise", "Practise", tooltip="Practise the selected question now", id="practise"),
        Binding("m", "add_to_mock", "Add to mock", tooltip="Ask this in the next mock interview", id="add-to-mock"),
        Binding("a", "add", "Add question", tooltip="Write a question of your own", id="add-question"),
        Binding("e", "edit", "Edit", tooltip="Edit your own question", id="edit-question"),
        Binding("escape", "back", "Back", tooltip="Back to the home screen", id="back"),
    ]

    def __init__(self, select: str | None = None) -> None:
        super().__init__()
        self.select_id = select

    def compose(self) -> ComposeResult:
        library = self.coach_app.library
        tags = sorted({tag for q in library.questions.values() for tag in q.tags})
        with Horizontal(id="bank-filters"):
            yield Input(placeholder="Search questions…", id="bank-search")
            yield Select(options(Category), prompt="Category", id="bank-category")
            yield Select(options(Level), prompt="Level", id="bank-level")
            yield Select(options(Stage), prompt="Company", id="bank-stage")
            yield Select([(tag, tag) for tag in tags], prompt="Tag", id="bank-tag")
        with Horizontal(id="bank-body"):
            with Vertical(id="bank-list-pane"):
                yield Static(id="bank-count", classes="muted")
                yield OptionList(id="bank-list")
            with VerticalScroll(id="bank-preview-pane"):
                yield Static(id="bank-preview", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one("#bank-list", OptionList).focus()

    def filters(self) -> dict:
        def value(widget_id: str):
            selected = self.query_one(f"#{widget_id}", Select).value
            return None if selected is Select.NULL else selected

        return {
            "category": value("bank-category"),
            "level": value("bank-level"),
            "stage": value("bank-stage"),
            "tag": value("bank-tag"),
        }

    def matching(self) -> list[Question]:
        query = self.query_one("#bank-search", Input).value.strip()
        chosen = self.filters()
        found = self.coach_app.library.find_questions(
            category=Category(chosen["category"]) if chosen["category"] else None,
            level=Level(chosen["level"]) if chosen["level"] else None,
            stage=chosen["stage"],
            tag=chosen["tag"],
        )
        if not query:
            return found
        scored = [(search_score(query, q), q) for q in found]
        return [q for score, q in sorted(scored, key=lambda pair: -pair[0]) if score]

    def refresh_list(self) -> None:
        questions = self.matching()
        options = self.query_one("#bank-list", OptionList)
        options.clear_options()
        own = self.coach_app.own_question_ids()
        for question in questions:
            mark = "★ " if question.id in own else ""
            options.add_option(Option(f"{mark}{question.id}\n  {question.prompt}", id=question.id))
        total = len(self.coach_app.library.questions)
        self.query_one("#bank-count", Static).update(f"{len(questions)} of {total} questions  (★ your own)")
        if questions:
            ids = [q.id for q in questions]
            options.highlighted = ids.index(self.select_id) if self.select_id in ids else 0
            self.show_preview(options.get_option_at_index(options.highlighted).id)
        else:
            self.query_one("#bank-preview", Static).update("No question matches. Press a to write your own.")

    @on(Input.Changed, "#bank-search")
    @on(Select.Changed)
    def filters_changed(self) -> None:
        self.refresh_list()

    @on(OptionList.OptionHighlighted, "#bank-list")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.select_id = event.option.id
        self.show_preview(event.option.id)
        self.refresh_bindings()  # Edit is offered on your own questions only

    @on(OptionList.OptionSelected, "#bank-list")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.select_id = event.option.id
        self.action_practise()

    def show_preview(self, question_id: str | None) -> None:
        question = self.coach_app.library.questions.get(question_id or "")
        if question is None:
            return
        rubric = self.coach_app.library.rubrics[question.rubric]
        levels = ", ".join(level.label for level in question.levels)
        lines = [
            question.prompt,
            "",
            f"{question.category} · {levels} · {question.stage} · {short_text(question.time_limit_s)}"
            + (f" · tags: {', '.join(question.tags)}" if question.tags else ""),
            "Your own question: press e to edit it."
            if question.id in self.coach_app.own_question_ids()
            else "A bundled question: it can't be edited (press a to write your own).",
            "",
            f"Graded with the {rubric.title} rubric:",
        ]
        for cue in rubric.cues:
            if question.focus_cues and cue.id not in question.focus_cues:
                continue
            lines.append(f"  • {cue.label}: {cue.description}")
        if question.follow_ups:
            lines += ["", "Follow-ups:"] + [f"  • {item}" for item in question.follow_ups]
        if question.outline:
            lines += ["", "A strong answer covers:"] + [f"  • {item}" for item in question.outline]
        self.query_one("#bank-preview", Static).update("\n".join(lines))

    def selected(self) -> Question | None:
        return self.coach_app.library.questions.get(self.select_id or "")

    def typing(self) -> bool:
        """Whether a text box has focus: then printable keys are text, never commands."""
        return isinstance(self.focused, Input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in LETTER_ACTIONS and self.typing():
            return False
        if action == "edit":
            return self.select_id in self.coach_app.own_question_ids()
        if action in ("practise", "add_to_mock"):
            return self.selected() is not None
        return True

    def action_search(self) -> None:
        self.query_one("#bank-search", Input).focus()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def action_practise(self) -> None:
        question = self.selected()
        if question is not None:
            self.coach_app.practise_question(question)

    def action_add_to_mock(self) -> None:
        question = self.selected()
        if question is not None:
            self.coach_app.add_to_mock(question)

    def action_add(self) -> None:
        from interviewcoach.tui.screens.question_form import QuestionForm

        self.app.push_screen(QuestionForm(None), self.saved)

    def action_edit(self) -> None:
        from interviewcoach.tui.screens.question_form import QuestionForm

        question = self.selected()
        if question is not None and question.id in self.coach_app.own_question_ids():
            self.app.push_screen(QuestionForm(question), self.saved)

    def saved(self, question_id: str | None) -> None:
        if question_id:
            self.select_id = question_id
            self.refresh_list()
            self.notify(f"Saved '{question_id}' to your question bank.")

    def action_back(self) -> None:
        self.coach_app.go_home()
