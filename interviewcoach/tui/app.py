"""The Textual app and the one factory that builds it, for the CLI and the tests alike.
The app holds the settings, the library and the history store; screens reach it through
the typed `CoachApp` interface (tui/base.py) to save and to move between home, setup,
practice and summary. A practice session itself lives in PracticeSession."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App
from textual.binding import Binding

from interviewcoach.enums import Level
from interviewcoach.tui.base import KeepsWork, quit_question
from interviewcoach.tui.commands import PracticeCommands
from interviewcoach.tui.mock_flow import MockFlow
from interviewcoach.tui.screens.home import HomeData, HomeScreen

# Everything else loads when first needed: the home screen paints before the models,
# the session, the grader and the store are imported (issue 14: start in a blink).
if TYPE_CHECKING:
    from textual.screen import Screen

    from interviewcoach.banks import Library
    from interviewcoach.models import Question
    from interviewcoach.scheduler import DueItem
    from interviewcoach.session import Grader, PracticePlan, PracticeSession
    from interviewcoach.settings import PracticeSetup, Settings
    from interviewcoach.store import AttemptRecord, DraftRecord, HistoryStore
    from interviewcoach.store.history import CueRate
    from interviewcoach.store.review import HistoryRow
    from interviewcoach.tui.screens.setup import SetupChoice

T = TypeVar("T")

DRILL_QUESTIONS = 3
"""How many questions "drill your weakest cue" asks."""


class InterviewCoachApp(MockFlow):
    CSS_PATH = "app.tcss"
    TITLE = "interviewcoach"
    SUB_TITLE = "practise product-manager interviews"
    COMMANDS = App.COMMANDS | {PracticeCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", tooltip="Leave interviewcoach", id="quit", priority=True),
    ]

    def __init__(
        self,
        settings: Settings | Mapping[str, Any],
        library: Library,
        *,
        history_path: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        seed: int | None = None,
        bank_dirs: tuple[Path, ...] = (),
        grader: Grader | None = None,
        start: str = "home",
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__()
        self.start = start
        """The first screen: "home", "history" (`interviewcoach review`) or "mock"
        (`interviewcoach mock`)."""
        self._now = now
        self.bank_dirs = bank_dirs
        self._settings: Settings | None = None
        self._settings_data: Mapping[str, Any] = {}
        if isinstance(settings, Mapping):
            self._settings_data = settings
        else:
            self._settings = settings
        self.library = library
        self.history_path = history_path
        self.clock = clock
        self.seed = seed
        self._grader = grader
        self._store: HistoryStore | None = None
        self._store_tried = False
        self.history_problem: str | None = None

    @property
    def settings(self) -> Settings:
        """The settings; given as validated JSON data (from the cache), the model is built
        on first use, after the first paint."""
        if self._settings is None:
            from interviewcoach.settings import Settings

            self._settings = Settings.model_validate(self._settings_data)
        return self._settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self._settings = settings

    def setting(self, name: str) -> Any:
        """One top-level setting, without building the settings model to read it."""
        if self._settings is None:
            return self._settings_data[name]
        return getattr(self._settings, name)

    @property
    def grader(self) -> Grader:
        if self._grader is None:
            from interviewcoach.session import real_grader

            self._grader = real_grader
        return self._grader

    @property
    def store(self) -> HistoryStore | None:
        """The history, opened on first use (after the home screen's first paint);
        None when it cannot be opened, with `history_problem` saying why."""
        if not self._store_tried:
            self._store_tried = True
            from interviewcoach.store import HistoryError, open_history

            try:
                self._store = open_history(self.history_path)
            except HistoryError as error:
                self.history_problem = f"Your history is unavailable, so answers will not be saved: {error}"
        return self._store

    # --- start and home ---------------------------------------------------------------------

    def on_mount(self) -> None:
        theme = self.setting("theme")
        if theme in self.available_themes:
            self.theme = theme
        else:
            self.notify(f"Unknown theme '{theme}' in settings; using the default.", severity="warning")
        if self.start == "history":
            from interviewcoach.tui.screens.history import HistoryScreen

            # Above home, so escape lands there.
            self.push_screen(HistoryScreen())
        elif self.start == "mock":
            self.start_mock()

    def get_default_screen(self) -> Screen[Any]:
        # Home is the bottom of the stack rather than pushed above Textual's blank default
        # screen: one screen composed, styled and painted before the first frame instead
        # of two (issue 14). It paints first and asks for home_data() right after.
        return HomeScreen(load=self.home_data)

    def on_unmount(self) -> None:
        self.close_live_grader()
        if self._store is not None:
            self._store.close()

    def home_data(self) -> HomeData:
        from interviewcoach.store import HistoryError
        from interviewcoach.store.review import page_attempts

        recent: list[HistoryRow] = []
        weakest: CueRate | None = None
        label = draft_question = draft_saved = None
        if self.store is not None:
            try:
                recent = page_attempts(self.store, limit=5)
                stats = self.store.stats()
                if stats.weakest:
                    weakest = stats.weakest[0]
                    labels = self.library.cue_labels(weakest.rubric_id)
                    label = (labels or {}).get(weakest.cue_id, weakest.cue_id)
                    if labels is None:
                        weakest = None
                drafts = [d for d in self.store.drafts() if d.question_id in self.library.questions and _solo(d)]
                if drafts:
                    question = self.library.questions[drafts[0].question_id or ""]
                    draft_question = question.prompt
                    draft_saved = drafts[0].updated_at.astimezone().strftime("%d %b %H:%M")
            except HistoryError as error:
                self.history_problem = str(error)
        mock = self.mock_draft()
        mock_text = (
            f"{' and '.join(mock.context['mock']['people'])}, {mock.updated_at.astimezone():%d %b %H:%M}"
            if mock
            else None
        )
        return HomeData(recent, weakest, label, draft_question, draft_saved, self.history_problem, mock_text)

    # --- moving between screens --------------------------------------------------------------

    def show(self, screen: Screen[Any]) -> None:
        """The one way between the main screens. Home is always the bottom of the stack
        and every other main screen sits just above it: drop whatever is stacked above
        the current main screen (feedback, dialogs) and put `screen` in its place."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) == 2:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def go_home(self) -> None:
        data = self.home_data()
        while len(self.screen_stack) > 1:
            self.pop_screen()
        home = self.screen_stack[0]
        assert isinstance(home, HomeScreen)
        home.show_data(data)

    def open_bank(self) -> None:
        from interviewcoach.tui.screens.bank import BankScreen

        self.show(BankScreen())

    def own_question_ids(self) -> set[str]:
        from interviewcoach.user_bank import user_bank_path

        path = user_bank_path().resolve()
        return {
            index_question.id
            for file in self.library.files
            if file.path.resolve() == path
            for _, index_question in file.questions
        }

    def reload_library(self) -> bool:
        """Read every bank again (after the user saved a question); say so if one is broken."""
        from interviewcoach.banks import load_library
        from interviewcoach.problems import ProblemsFound

        try:
            self.library = load_library(self.bank_dirs)
        except ProblemsFound as problems:
            self.notify(f"Your banks have problems:\n{problems}", severity="error", timeout=15)
            return False
        return True

    def new_seed(self) -> int:
        return self.seed if self.seed is not None else random.randrange(1 << 30)

    # --- the history, every call guarded ------------------------------------------------------

    def _from_history(self, read: Callable[[HistoryStore], T], default: T, doing: str) -> T:
        """`read(store)`, or `default` (saying why) when there is no history or it fails."""
        from interviewcoach.store import HistoryError

        store = self.store
        if store is None:
            return default
        try:
            return read(store)
        except HistoryError as error:
            self.notify(f"Could not {doing}: {error}", severity="error", timeout=10)
            return default

    def save_draft(self, draft: DraftRecord | None) -> None:
        if draft is not None:
            self._from_history(lambda store: store.save_draft(draft), None, "save your draft")

    def save_attempt(self, attempt: AttemptRecord, draft_key: str | None) -> bool:
        """Save, or say why not; an unsaved attempt stays in memory for the summary's export."""
        from interviewcoach.store import HistoryError

        store = self.store
        if store is None:
            return False
        try:
            store.save_attempt(attempt, draft_key=draft_key)
            return True
        except HistoryError as error:
            self.notify(f"{error} The answer is kept; export it from the summary.", severity="error", timeout=15)
            return False

    # --- starting practice ----------------------------------------------------------------------

    def start_practice(self) -> None:
        from interviewcoach.tui.screens.setup import SetupScreen

        self.push_screen(SetupScreen(self.settings.last_practice, self.settings.timer), self.begin)

    def begin(self, choice: SetupChoice | None) -> None:
        if choice is None:
            return
        from interviewcoach.interviewer import choose_questions
        from interviewcoach.session import make_plan
        from interviewcoach.settings import save_settings

        self.settings.last_practice = choice.setup
        self.settings.timer = choice.timer
        try:
            save_settings(self.settings)
        except OSError as error:
            self.notify(f"Your choices could not be remembered: {error}", severity="warning")
        no_rates: dict[tuple[str, str], float] = {}
        practised = self._from_history(lambda store: store.practised_question_ids(), set[str](), "read your history")
        rates = self._from_history(
            lambda store: {(c.rubric_id, c.cue_id): c.rate for c in store.stats().cues}, no_rates, "read your history"
        )
        seed = self.new_seed()
        questions = choose_questions(self.library, choice.setup, seed, practised, rates)
        if not questions:
            self.notify("No questions match that setup; try another level or category.", severity="warning")
            return
        self.practise(make_plan(self.settings, questions, seed, setup=choice.setup))

    def practise_question(self, question: Question) -> None:
        from interviewcoach.session import make_plan

        self.practise(make_plan(self.settings, [question], self.new_seed()))

    def drill(self) -> None:
        none: list[CueRate] = []
        weakest = self._from_history(lambda store: store.stats().weakest, none, "read your weakest cue")
        if not weakest:
            return
        # The weakest cue itself, not any question of its rubric.
        self.drill_cue(weakest[0].rubric_id, weakest[0].cue_id)

    def resume_draft(self) -> None:
        from interviewcoach.session import make_plan

        none: list[DraftRecord] = []
        found = self._from_history(lambda store: store.drafts(), none, "read your drafts")
        drafts = [d for d in found if d.question_id in self.library.questions and _solo(d)]
        if not drafts:
            return
        draft = drafts[0]
        questions, start, setup = resumed_plan(draft, self.library)
        self.practise(
            make_plan(
                self.settings,
                questions,
                self.new_seed(),
                setup=setup,
                session_uid=draft.context.get("session"),
                first_answer=draft.text,
                draft_key=draft.key,
                start=start,
                first_story=story if isinstance(story := draft.context.get("story"), str) else None,
            )
        )

    def practise(self, plan: PracticePlan) -> None:
        from interviewcoach.session import PracticeSession
        from interviewcoach.store.records import SessionRecord
        from interviewcoach.tui.screens.practice import PracticeScreen

        record = SessionRecord(
            uid=plan.session_uid,
            candidate=self.settings.name or None,
            setup={**plan.setup.model_dump(mode="json"), "timer": plan.timer},
        )
        self._from_history(lambda store: store.start_session(record), None, "start a session in your history")
        session = PracticeSession(
            plan, self.library.rubrics, clock=self.clock, grader=self.grader, save=self.save_attempt
        )
        self.show(PracticeScreen(session))

    # --- the end of a session ------------------------------------------------------------------

    def show_summary(self, session: PracticeSession) -> None:
        from interviewcoach.tui.screens.summary import SummaryScreen

        self._from_history(
            lambda store: store.finish_session(session.plan.session_uid), None, "close the session in your history"
        )
        self.show(SummaryScreen(session.summary()))

    # --- reviewing the history ------------------------------------------------------------------

    def now(self) -> datetime:
        """The wall-clock time (fixed in tests): what is due, practice days, export names."""
        return self._now() if self._now is not None else datetime.now(UTC)

    def read_history(self, read: Callable[[HistoryStore], T], default: T, doing: str) -> T:
        return self._from_history(read, default, doing)

    def back(self) -> None:
        """Escape on a review screen: back to what opened it, or home from a main screen."""
        if len(self.screen_stack) > 2:
            self.pop_screen()
        else:
            self.go_home()

    def open_history(self) -> None:
        from interviewcoach.tui.screens.history import HistoryScreen

        self._open_review(HistoryScreen())

    def open_progress(self) -> None:
        from interviewcoach.tui.screens.progress import ProgressScreen, load_progress

        level = Level(self.settings.last_practice.level)
        data = self._from_history(
            lambda store: load_progress(store, self.library, level, self.now().date()), None, "read your progress"
        )
        if data is not None:
            self._open_review(ProgressScreen(data))

    def _open_review(self, screen: Screen[Any]) -> None:
        # From home, a review screen replaces it; from another review screen it stacks,
        # so escape comes back.
        if isinstance(self.screen, HomeScreen):
            self.show(screen)
        else:
            self.push_screen(screen)

    def open_attempt(self, attempt_id: int) -> None:
        from interviewcoach.tui.screens.attempt_detail import AttemptDetailScreen, load_detail

        detail = self._from_history(lambda store: load_detail(store, attempt_id), None, "read that attempt")
        if detail is not None:
            self._open_review(AttemptDetailScreen(detail))

    def retry_attempt(self, record: AttemptRecord) -> None:
        """Practise a past attempt's question again; its feedback compares with `record`."""
        question = self.library.questions.get(record.question_id or "")
        if question is None:
            self.notify("That question is no longer in your banks.", severity="warning")
            return
        from interviewcoach.session import make_plan

        self.practise(make_plan(self.settings, [question], self.new_seed(), previous={question.id: record.final}))

    def drill_cue(self, rubric_id: str, cue_id: str) -> None:
        from interviewcoach.scheduler import questions_for_drill
        from interviewcoach.session import make_plan, shuffled

        level = Level(self.settings.last_practice.level)
        found = questions_for_drill(self.library, rubric_id, cue_id, level)
        seed = self.new_seed()
        questions = shuffled(found[: DRILL_QUESTIONS * 2], seed, DRILL_QUESTIONS)
        if not questions:
            return
        rubric = self.library.rubrics[rubric_id]
        cue = rubric.cue(cue_id)
        self.notify(
            f"Drilling {cue.label if cue else cue_id}: {len(questions)} question(s) whose rubric weighs it most.",
            timeout=8,
        )
        self.practise(make_plan(self.settings, questions, seed, drill=cue_id if cue else None))

    def due_plan(self, limit: int = 10) -> list[DueItem]:
        from interviewcoach.scheduler import plan_due
        from interviewcoach.store.review import last_attempts

        level = Level(self.settings.last_practice.level)
        none: list[DueItem] = []
        return self._from_history(
            lambda store: plan_due(
                self.library,
                last_attempts(store),
                store.stats().weakest,
                self.now(),
                self.new_seed(),
                level=level,
                limit=limit,
            ),
            none,
            "work out what is due",
        )

    def practise_due(self) -> None:
        from interviewcoach.session import make_plan

        plan = [item for item in self.due_plan(DRILL_QUESTIONS) if item.question_id in self.library.questions]
        if not plan:
            self.notify("Nothing to practise yet.")
            return
        self.notify("Practising what's due:\n" + "\n".join(f"• {item.reason}" for item in plan), timeout=8)
        questions = [self.library.questions[item.question_id] for item in plan]
        self.practise(make_plan(self.settings, questions, self.new_seed()))

    # --- the story bank ------------------------------------------------------------------------

    def open_stories(self) -> None:
        from interviewcoach.tui.screens.stories import StoriesScreen

        self._open_review(StoriesScreen())

    def open_coverage(self) -> None:
        from interviewcoach.tui.screens.coverage import CoverageScreen

        self._open_review(CoverageScreen())

    def story_history(self) -> tuple[dict[str, list[int]], list[str]]:
        """Which attempts told each story, and the latest picks (for the repeat rule)."""
        from interviewcoach.store.stories import recent_story_picks, story_uses
        from interviewcoach.stories.coverage import RECENT_PICKS

        no_uses: dict[str, list[int]] = {}
        no_picks: list[str] = []
        uses = self._from_history(story_uses, no_uses, "read which stories you told")
        recent = self._from_history(
            lambda store: recent_story_picks(store, RECENT_PICKS), no_picks, "read which stories you told"
        )
        return uses, recent

    async def action_quit(self) -> None:
        # Any screen in the stack holding work (an answer, a mock's notes, a form) asks first.
        screen = next(
            (s for s in reversed(self.screen_stack) if isinstance(s, KeepsWork) and s.answer_in_progress), None
        )
        if screen is not None:
            from interviewcoach.tui.screens.confirm import ConfirmScreen

            def answered(leave: bool | None) -> None:
                if leave:
                    screen.save_draft()
                    self.exit()

            self.push_screen(
                ConfirmScreen(
                    quit_question(screen),
                    yes="Quit",
                    no="Stay",
                ),
                answered,
            )
            return
        self.exit()


def make_app(
    settings: Settings | Mapping[str, Any],
    library: Library,
    *,
    history_path: Path | None = None,
    clock: Callable[[], float] = time.monotonic,
    seed: int | None = None,
    bank_dirs: tuple[Path, ...] = (),
    grader: Grader | None = None,
    start: str = "home",
    now: Callable[[], datetime] | None = None,
) -> InterviewCoachApp:
    """The app, for the CLI and the tests alike; tests pass a fixed clock, seed, grader
    and wall-clock time (`now`). `settings` may be validated JSON data (the CLI passes
    it from the cache), the models being built after the first paint. `start="history"`
    opens the history first, `start="mock"` the mock interview setup."""
    return InterviewCoachApp(
        settings,
        library,
        history_path=history_path,
        clock=clock,
        seed=seed,
        bank_dirs=bank_dirs,
        grader=grader,
        start=start,
        now=now,
    )


def resumed_plan(draft: DraftRecord, library: Library) -> tuple[list[Question], int, PracticeSetup | None]:
    """The session a draft was typed in: its questions (those still in the library), the
    index of the draft's question, and its setup; the draft's question alone when the
    draft predates keeping the session with it."""
    from pydantic import ValidationError

    from interviewcoach.settings import PracticeSetup

    question = library.questions[draft.question_id or ""]
    ids = draft.context.get("questions")
    questions = [library.questions[i] for i in ids if i in library.questions] if isinstance(ids, list) else []
    if question not in questions:
        questions = [question]
    setup = None
    if isinstance(draft.context.get("setup"), dict):
        try:
            setup = PracticeSetup.model_validate(draft.context["setup"])
        except ValidationError:
            setup = None
    return questions, questions.index(question), setup


def _solo(draft: DraftRecord) -> bool:
    """A solo answer's draft, not a mock's notes (offered back as the mock instead)."""
    from interviewcoach.draft_keys import is_mock_draft

    return not is_mock_draft(draft.key)
