"""The app's part in a mock interview: from setup to the cockpit, through each round's
wrap-up and report, the swap, the summary for both people, and a killed mock offered
back. A mixin of the app, so app.py stays the home of solo practice; screens reach these
methods through the typed CoachApp interface."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App
from textual.screen import Screen

# The mock's library loads when a mock starts, not while the home screen paints.
if TYPE_CHECKING:
    from interviewcoach.banks import Library
    from interviewcoach.mock import MockPlan, MockSession
    from interviewcoach.models import Question
    from interviewcoach.session import Grader
    from interviewcoach.settings import Settings
    from interviewcoach.store import DraftRecord, HistoryStore
    from interviewcoach.store.history import CueRate
    from interviewcoach.tui.screens.mock_setup import MockChoice

T = TypeVar("T")

MIN_ATTEMPTS_FOR_FOCUS = 2
"""A cue is offered as someone's weak spot once they have been asked about it this often."""
FOCUS_OFFERED = 3


class MockFlow(App[None]):
    library: Library
    clock: Callable[[], float]

    if TYPE_CHECKING:  # provided by the app, as properties that load on first use

        @property
        def settings(self) -> Settings: ...

        @property
        def store(self) -> HistoryStore | None: ...

        @property
        def grader(self) -> Grader: ...

    def show(self, screen: Screen[Any]) -> None:
        raise NotImplementedError

    def _from_history(self, read: Callable[[HistoryStore], T], default: T, doing: str) -> T:
        raise NotImplementedError

    def save_attempt(self, attempt, draft_key: str | None) -> bool:
        raise NotImplementedError

    def new_seed(self) -> int:
        raise NotImplementedError

    # --- questions picked in the bank ------------------------------------------------------------

    @property
    def mock_picks(self) -> list[str]:
        picks: list[str] = self.__dict__.setdefault("_mock_picks", [])
        return picks

    def add_to_mock(self, question: Question) -> None:
        if question.id in self.mock_picks:
            self.mock_picks.remove(question.id)
            self.notify(f"Taken '{question.id}' out of the next mock ({len(self.mock_picks)} picked).")
        else:
            self.mock_picks.append(question.id)
            self.notify(f"Added '{question.id}' to the next mock ({len(self.mock_picks)} picked).")

    # --- starting ---------------------------------------------------------------------------------

    def start_mock(self) -> None:
        from interviewcoach.tui.screens.mock_setup import MockSetupScreen

        picks = [q for q in self.mock_picks if q in self.library.questions]
        self.push_screen(MockSetupScreen(self.settings.name, self.settings.last_mock, len(picks)), self.begin_mock)

    def begin_mock(self, choice: MockChoice | None) -> None:
        from interviewcoach.interviewer import choose_questions
        from interviewcoach.mock import make_mock_plan
        from interviewcoach.models import Level
        from interviewcoach.settings import PracticeSetup, save_settings

        if choice is None:
            return
        self.settings.name = choice.name
        self.settings.last_mock = choice.setup
        try:
            save_settings(self.settings)
        except OSError as error:
            self.notify(f"Your choices could not be remembered: {error}", severity="warning")
        setup = choice.setup
        per_round, rounds = setup.questions, setup.rounds
        if choice.picked:
            questions = [self.library.questions[q] for q in self.mock_picks if q in self.library.questions]
        else:
            practised = self._from_history(
                lambda store: store.practised_question_ids(), set[str](), "read your history"
            )
            solo = PracticeSetup(
                category=setup.category,
                level=setup.level,
                stage=setup.stage,
                questions=per_round * rounds * 2,
                order="new",
            )
            questions = choose_questions(self.library, solo, self.new_seed(), practised)
        if not questions:
            self.notify("No questions match that setup; try another level or category.", severity="warning")
            return
        people = (choice.name, setup.partner)
        plan = make_mock_plan(
            people,
            questions,
            per_round=per_round,
            rounds_per_person=rounds,
            level=Level(setup.level),
            answer_mode=setup.answer_mode,
            style=setup.style,
            first_interviewer=0 if setup.first == "me" else 1,
        )
        if choice.picked:
            self.mock_picks.clear()
        self.run_mock(plan)

    def run_mock(self, plan: MockPlan, **resume: Any) -> None:
        from interviewcoach.mock import MockSession
        from interviewcoach.store.records import SessionRecord
        from interviewcoach.tui.collector import quiet_collector
        from interviewcoach.tui.screens.cockpit import CockpitScreen

        record = SessionRecord(
            uid=plan.session_uid,
            mode="peer",
            candidate=plan.candidate(0),
            interviewer=plan.interviewer(0),
            setup={k: v for k, v in plan.to_context().items() if k not in ("rounds", "session")},
        )
        self._from_history(lambda store: store.start_session(record), None, "start the mock in your history")
        session = MockSession(
            plan,
            self.library.rubrics,
            clock=self.clock,
            grader=self.live_grader(),
            save=self.save_attempt,
            save_feedback=self._save_round_feedback,
            **resume,
        )
        quiet_collector()
        self.show(CockpitScreen(session))

    def live_grader(self) -> Grader:
        """The grader for scoring notes while they are typed: the real one runs in a
        process of its own, so typing never waits on it (grading_process.py)."""
        from interviewcoach.session import real_grader

        if self.grader is not real_grader:
            return self.grader
        pool = self.__dict__.get("_process_grader")
        if pool is None:
            from interviewcoach.grading_process import ProcessGrader

            pool = self.__dict__["_process_grader"] = ProcessGrader()
        return pool

    def close_live_grader(self) -> None:
        pool = self.__dict__.pop("_process_grader", None)
        if pool is not None:
            pool.close()

    def _save_round_feedback(self, session_uid: str, number: int, fields: dict[str, str]) -> None:
        self._from_history(
            lambda store: store.set_round_feedback(session_uid, number, **fields), 0, "save the round's feedback"
        )

    def weakest_cue_labels(self, person: str) -> list[str]:
        """The cue names a person hits least, from their own history: offered as their focus."""
        owner = person.casefold() == self.settings.name.casefold()
        none: list[CueRate] = []
        rates = self._from_history(lambda store: store.cue_rates_for(person, owner), none, "read your history")
        labels: dict[str, float] = {}
        for rate in sorted(rates, key=lambda r: r.rate):
            rubric = self.library.rubrics.get(rate.rubric_id)
            cue = rubric.cue(rate.cue_id) if rubric else None
            if cue and rate.attempts >= MIN_ATTEMPTS_FOR_FOCUS and rate.rate < 1.0:
                labels.setdefault(cue.label, rate.rate)
        return list(labels)[:FOCUS_OFFERED]

    # --- a killed mock, offered back -----------------------------------------------------------

    def mock_draft(self) -> DraftRecord | None:
        from interviewcoach.draft_keys import is_mock_draft

        none: list[DraftRecord] = []
        drafts = self._from_history(lambda store: store.drafts(), none, "read your drafts")
        return next((d for d in drafts if is_mock_draft(d.key) and "mock" in d.context), None)

    def resume_mock(self) -> None:
        from interviewcoach.mock import Focus, MockPlan

        draft = self.mock_draft()
        if draft is None:
            return
        plan = MockPlan.from_context(draft.context["mock"], self.library.questions)
        if plan is None:
            self.notify("That mock's questions are no longer in your banks.", severity="warning")
            return
        focus = draft.context.get("focus") or {}
        self.run_mock(
            plan,
            start_round=int(draft.context.get("round", 0)),
            start_question=int(draft.context.get("question", 0)),
            notes=draft.text,
            focus=Focus(list(focus.get("cues", [])), list(focus.get("habits", []))),
        )

    # --- the end of a round, and of the mock -------------------------------------------------------

    def mock_round_done(self, session: MockSession) -> None:
        from interviewcoach.tui.screens.wrap_up import WrapUpScreen

        self.show(WrapUpScreen(session))

    def _write_report(self, session: MockSession) -> str | None:
        from interviewcoach.mock import render_mock, save_report

        attempts = [a for r in session.rounds for a in r.attempts]
        try:
            return str(save_report(session.plan.session_uid, render_mock(attempts)))
        except OSError as error:
            self.notify(f"The report could not be saved: {error}", severity="error", timeout=10)
            return None

    def mock_report(self, session: MockSession) -> None:
        from interviewcoach.tui.screens.mock_report import MockReportScreen

        saved_to = self._write_report(session)
        self.show(MockReportScreen(session, session.report(), saved_to))

    def mock_next_round(self, session: MockSession) -> None:
        from interviewcoach.tui.collector import quiet_collector
        from interviewcoach.tui.screens.cockpit import CockpitScreen

        quiet_collector()
        self.show(CockpitScreen(session))

    def mock_summary(self, session: MockSession) -> None:
        from interviewcoach.mock import render_mock
        from interviewcoach.tui.screens.mock_report import MockReportScreen

        self._from_history(
            lambda store: store.finish_session(session.plan.session_uid), None, "close the mock in your history"
        )
        attempts = [a for r in session.rounds for a in r.attempts]
        summary = render_mock(attempts).split("\n## ", 1)[0]
        self.show(MockReportScreen(session, summary, str(save_report_path(session)), summary=True))


def save_report_path(session: MockSession):
    from interviewcoach.mock import report_path

    return report_path(session.plan.session_uid)
