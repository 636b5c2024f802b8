"""The Textual app and the one factory that builds it, for the CLI and the tests alike.
The app holds the settings, the library and the history store; screens ask it to save
and to move between home, setup, practice and summary."""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from interviewcoach.banks import Library
from interviewcoach.interviewer import choose_questions, questions_for_cue
from interviewcoach.models import Level
from interviewcoach.settings import Settings, save_settings
from interviewcoach.store import HistoryError, HistoryStore, open_history
from interviewcoach.tui.commands import PracticeCommands
from interviewcoach.tui.screens.home import HomeData, HomeScreen
from interviewcoach.tui.screens.practice import Outcome, PracticePlan, PracticeScreen
from interviewcoach.tui.screens.setup import SetupChoice, SetupScreen
from interviewcoach.tui.screens.summary import SummaryScreen


class InterviewCoachApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "interviewcoach"
    SUB_TITLE = "practise product-manager interviews"
    COMMANDS = App.COMMANDS | {PracticeCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", tooltip="Leave interviewcoach", id="quit", priority=True),
    ]

    def __init__(
        self,
        settings: Settings,
        library: Library,
        *,
        history_path: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        seed: int | None = None,
        bank_dirs: tuple[Path, ...] = (),
    ) -> None:
        super().__init__()
        self.bank_dirs = bank_dirs
        self.settings = settings
        self.library = library
        self.history_path = history_path
        self.clock = clock
        self.seed = seed
        self.store: HistoryStore | None = None
        self.history_problem: str | None = None

    # --- start and home ---------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(f"Unknown theme '{self.settings.theme}' in settings; using the default.",
                        severity="warning")
        try:
            self.store = open_history(self.history_path)
        except HistoryError as error:
            self.history_problem = f"Your history is unavailable, so answers will not be saved: {error}"
        self.push_screen(HomeScreen(self.home_data()))

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    def home_data(self) -> HomeData:
        recent, weakest, label, draft_question, draft_saved = [], None, None, None, None
        if self.store is not None:
            try:
                recent = self.store.list_attempts(limit=5)
                stats = self.store.stats()
                if stats.weakest:
                    weakest = stats.weakest[0]
                    rubric = self.library.rubrics.get(weakest.rubric_id)
                    cue = rubric.cue(weakest.cue_id) if rubric else None
                    label = cue.label if cue else weakest.cue_id
                    if rubric is None:
                        weakest = None
                drafts = [d for d in self.store.drafts() if d.question_id in self.library.questions]
                if drafts:
                    question = self.library.questions[drafts[0].question_id]
                    draft_question = question.prompt
                    draft_saved = drafts[0].updated_at.astimezone().strftime("%d %b %H:%M")
            except HistoryError as error:
                self.history_problem = str(error)
        return HomeData(recent, weakest, label, draft_question, draft_saved, self.history_problem)

    def go_home(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(HomeScreen(self.home_data()))

    def open_bank(self) -> None:
        from interviewcoach.tui.screens.bank import BankScreen

        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(BankScreen())

    def own_question_ids(self) -> set[str]:
        from interviewcoach.user_bank import user_bank_path

        path = user_bank_path().resolve()
        return {
            index_question.id
            for file in self.library.files if file.path.resolve() == path
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

    def practise_question(self, question) -> None:
        setup = self.settings.last_practice.model_copy(update={"questions": 1})
        self.practise(PracticePlan([question], setup, self.settings.timer, self.settings.probes,
                                   self.new_seed(), uuid.uuid4().hex))

    def new_seed(self) -> int:
        return self.seed if self.seed is not None else random.randrange(1 << 30)

    # --- starting practice ----------------------------------------------------------------------

    def start_practice(self) -> None:
        self.push_screen(SetupScreen(self.settings.last_practice, self.settings.timer), self.begin)

    def begin(self, choice: SetupChoice | None) -> None:
        if choice is None:
            return
        self.settings.last_practice = choice.setup
        self.settings.timer = choice.timer
        try:
            save_settings(self.settings)
        except OSError as error:
            self.notify(f"Your choices could not be remembered: {error}", severity="warning")
        practised, rates = set(), {}
        if self.store is not None:
            try:
                practised = self.store.practised_question_ids()
                rates = {(c.rubric_id, c.cue_id): c.rate for c in self.store.stats().cues}
            except HistoryError:
                pass
        seed = self.new_seed()
        questions = choose_questions(self.library, choice.setup, seed, practised, rates)
        if not questions:
            self.notify("No questions match that setup; try another level or category.", severity="warning")
            return
        self.practise(PracticePlan(questions, choice.setup, choice.timer, self.settings.probes, seed,
                                   uuid.uuid4().hex))

    def drill(self) -> None:
        if self.store is None:
            return
        weakest = self.store.stats().weakest
        if not weakest:
            return
        setup = self.settings.last_practice
        questions = questions_for_cue(self.library, weakest[0].rubric_id, Level(setup.level))
        seed = self.new_seed()
        random.Random(seed).shuffle(questions)
        plan_setup = setup.model_copy(update={"questions": min(3, len(questions))})
        self.practise(PracticePlan(questions[:3], plan_setup, self.settings.timer, self.settings.probes,
                                   seed, uuid.uuid4().hex))

    def resume_draft(self) -> None:
        if self.store is None:
            return
        drafts = [d for d in self.store.drafts() if d.question_id in self.library.questions]
        if not drafts:
            return
        draft = drafts[0]
        session_uid = draft.context.get("session") or uuid.uuid4().hex
        plan = PracticePlan([self.library.questions[draft.question_id]],
                            self.settings.last_practice.model_copy(update={"questions": 1}),
                            self.settings.timer, self.settings.probes, self.new_seed(), session_uid,
                            first_answer=draft.text, draft_key=draft.key)
        self.practise(plan)

    def practise(self, plan: PracticePlan) -> None:
        from interviewcoach.store.records import SessionRecord

        if self.store is not None:
            try:
                self.store.start_session(SessionRecord(
                    uid=plan.session_uid, candidate=self.settings.name or None,
                    setup={**plan.setup.model_dump(mode="json"), "timer": plan.timer}))
            except HistoryError as error:
                self.notify(str(error), severity="error", timeout=10)
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(PracticeScreen(plan, self.clock))

    # --- saving and the end of a session ------------------------------------------------------------

    def save_attempt(self, attempt, draft_key: str | None) -> bool:
        """Save, or say why not; an unsaved attempt stays in memory for the summary's export."""
        if self.store is None:
            return False
        try:
            self.store.save_attempt(attempt, draft_key=draft_key)
            return True
        except HistoryError as error:
            self.notify(f"{error} The answer is kept; export it from the summary.", severity="error", timeout=15)
            return False

    def show_summary(self, session_uid: str, outcomes: list[Outcome]) -> None:
        if self.store is not None:
            try:
                self.store.finish_session(session_uid)
            except HistoryError:
                pass
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(SummaryScreen(outcomes))

    async def action_quit(self) -> None:
        screen = self.screen
        if isinstance(screen, PracticeScreen) and screen.answer_in_progress:
            from interviewcoach.tui.screens.confirm import ConfirmScreen

            def answered(leave: bool | None) -> None:
                if leave:
                    screen.save_draft()
                    self.exit()

            self.push_screen(ConfirmScreen("Quit interviewcoach? Your answer so far is kept as a "
                                           "draft and offered back next time.", yes="Quit", no="Stay"),
                             answered)
            return
        self.exit()


def make_app(
    settings: Settings,
    library: Library,
    *,
    history_path: Path | None = None,
    clock: Callable[[], float] = time.monotonic,
    seed: int | None = None,
    bank_dirs: tuple[Path, ...] = (),
) -> InterviewCoachApp:
    return InterviewCoachApp(settings, library, history_path=history_path, clock=clock, seed=seed,
                             bank_dirs=bank_dirs)
