"""The conversation: the interviewer asks, you answer against the clock, it probes,
and each answer is graded and saved. Grading runs in a worker; this screen only
holds the state of the conversation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from interviewcoach.grading.result import GradeResult
from interviewcoach.final_grade import FinalGrade, final_grade
from interviewcoach.interviewer import Probe, QuestionTurn
from interviewcoach.models import Level, Question
from interviewcoach.settings import PracticeSetup
from interviewcoach.store import HistoryError
from interviewcoach.tui.widgets.answer_box import AnswerBox

if TYPE_CHECKING:
    from interviewcoach.store.records import AttemptRecord
from interviewcoach.tui.widgets.cue_panel import CueList
from interviewcoach.tui.widgets.transcript import Transcript

DRAFT_DELAY_S = 1.0
"""Typing pauses this long before the draft is saved: a killed terminal loses at most
about this much of the answer."""
COACH_DELAY_S = 0.4
LOW_TIME_S = 60


@dataclass
class PracticePlan:
    questions: list[Question]
    setup: PracticeSetup
    timer: bool
    probes: int
    seed: int
    session_uid: str
    first_answer: str = ""
    """Text to start the first answer with: a resumed draft."""
    draft_key: str | None = None


@dataclass
class Outcome:
    """One finished question, for the feedback and the summary."""

    question: Question
    final: FinalGrade
    attempt: AttemptRecord
    saved: bool
    retry_of: FinalGrade | None = None


@dataclass
class _Stage:
    name: str = "answer"
    """answer, probe, grading or done."""
    probe: Probe | None = None
    replies: list[str] = field(default_factory=list)


def clock_text(seconds: float) -> str:
    whole = int(abs(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class PracticeScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "leave", "Leave", tooltip="End practice (your answer is kept)", id="leave-practice"),
    ]

    @dataclass
    class Graded(Message):
        result: GradeResult
        kind: str
        """"answer", "probe" or "coach"."""

    def __init__(self, plan: PracticePlan, clock: Callable[[], float]) -> None:
        super().__init__()
        self.plan = plan
        self.clock = clock
        self.index = 0
        self.turn: QuestionTurn | None = None
        self.stage = _Stage()
        self.outcomes: list[Outcome] = []
        self.previous: dict[str, FinalGrade] = {}
        self.started = 0.0
        self.time_taken: float | None = None
        self.answer_text = ""
        self.warned = False
        self._draft_timer: Timer | None = None
        self._coach_timer: Timer | None = None

    @property
    def question(self) -> Question:
        return self.plan.questions[self.index]

    @property
    def coach(self) -> bool:
        return self.plan.setup.mode == "coach"

    def compose(self) -> ComposeResult:
        with Horizontal(id="practice-bar"):
            yield Static(id="progress")
            yield Static(id="words")
            yield Static(id="clock")
        with Horizontal(id="practice-body"):
            yield Transcript(id="transcript")
            if self.coach:
                yield CueList(id="coach-cues")
        yield AnswerBox(id="answer")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(1.0, self.tick)
        self.start_question(first=True, text=self.plan.first_answer)

    # --- the flow ----------------------------------------------------------------------------

    def start_question(self, first: bool, text: str = "") -> None:
        question = self.question
        rubric = self.app.library.rubrics[question.rubric]
        self.turn = QuestionTurn(question, rubric, self.plan.probes, self.plan.seed, first=first)
        self.stage = _Stage()
        self.time_taken = None
        self.warned = False
        transcript = self.query_one(Transcript)
        transcript.clear()
        transcript.say("interviewer", self.turn.opening(self.plan.timer))
        box = self.query_one(AnswerBox)
        box.disabled = False
        box.text = text
        box.focus()
        self.started = self.clock()
        total = len(self.plan.questions)
        self.query_one("#progress", Static).update(
            f"Question {self.index + 1} of {total} · {question.category} · {self.plan.setup.level}"
        )
        self.update_words()
        self.tick()
        if self.coach:
            self.query_one(CueList).clear_options()
            self.schedule_coach()

    @property
    def draft_key(self) -> str:
        if self.index == 0 and self.plan.draft_key:
            return self.plan.draft_key
        return f"{self.plan.session_uid}/{self.question.id}"

    def tick(self) -> None:
        clock = self.query_one("#clock", Static)
        if self.time_taken is not None:
            clock.set_classes("")
            clock.update(f"answered in {clock_text(self.time_taken)}")
            return
        if self.stage.name != "answer":
            return
        elapsed = self.clock() - self.started
        if not self.plan.timer:
            clock.update(f"{clock_text(elapsed)} elapsed")
            return
        remaining = self.question.time_limit_s - elapsed
        clock.set_class(0 <= remaining <= LOW_TIME_S, "-low")
        clock.set_class(remaining < 0, "-over")
        if remaining >= 0:
            clock.update(f"{clock_text(remaining)} left")
            return
        clock.update(f"over by {clock_text(remaining)}")
        if not self.warned:
            self.warned = True
            self.query_one(Transcript).say(
                "interviewer", "That's time. Finish your thought; I've noted how long you took."
            )

    def update_words(self) -> None:
        count = self.query_one(AnswerBox).word_count
        self.query_one("#words", Static).update(f"{count} word{'s' if count != 1 else ''}")

    @on(AnswerBox.Changed)
    def answer_changed(self) -> None:
        self.update_words()
        if self.stage.name == "answer":
            if self._draft_timer:
                self._draft_timer.stop()
            self._draft_timer = self.set_timer(DRAFT_DELAY_S, self.save_draft)
            if self.coach:
                self.schedule_coach()

    def schedule_coach(self) -> None:
        if self._coach_timer:
            self._coach_timer.stop()
        self._coach_timer = self.set_timer(COACH_DELAY_S, lambda: self.grade(self.query_one(AnswerBox).text, "coach"))

    def save_draft(self) -> None:
        from interviewcoach.store.records import DraftRecord

        store = self.app.store
        text = self.query_one(AnswerBox).text
        if store is None or self.stage.name != "answer" or not text.strip():
            return
        try:
            store.save_draft(DraftRecord(key=self.draft_key, text=text, question_id=self.question.id,
                                         context={"session": self.plan.session_uid}))
        except HistoryError as error:
            self.notify(f"Your draft could not be saved: {error}", severity="error", timeout=8)

    @on(AnswerBox.Submitted)
    def submitted(self, event: AnswerBox.Submitted) -> None:
        text = event.text.strip()
        if self.stage.name not in ("answer", "probe"):
            return
        if not text:
            self.notify("Type an answer first.", severity="warning")
            return
        transcript = self.query_one(Transcript)
        box = self.query_one(AnswerBox)
        transcript.say("candidate", text)
        if self.stage.name == "answer":
            self.answer_text = event.text
            self.time_taken = self.clock() - self.started
            self.tick()
            kind = "answer"
        else:
            self.stage.replies.append(event.text)
            kind = "probe"
        if self._draft_timer:
            self._draft_timer.stop()
            if kind == "answer":
                self.save_draft()
        box.text = ""
        box.disabled = True
        self.stage.name = "grading"
        self.grade(text, kind)

    @work(thread=True, exclusive=False, exit_on_error=False, group="grade")
    def grade(self, text: str, kind: str) -> None:
        # Imported here: the grader loads on the first answer, not while the app starts.
        from interviewcoach.grading.grader import grade_answer

        question = self.question
        rubric = self.app.library.rubrics[question.rubric]
        result = grade_answer(text, rubric, question, Level(self.plan.setup.level),
                              follow_up=kind == "probe")
        self.post_message(self.Graded(result, kind))

    @on(Graded)
    def graded(self, message: Graded) -> None:
        if message.kind == "coach":
            if self.stage.name == "answer" and self.coach:
                self.query_one(CueList).show(final_grade(message.result))
            return
        if message.kind == "answer":
            said, probe = self.turn.react(message.result)
        else:
            said, probe = self.turn.after_probe(message.result)
        self.query_one(Transcript).say("interviewer", said)
        if probe is None:
            self.finish_question()
            return
        self.stage.name = "probe"
        self.stage.probe = probe
        box = self.query_one(AnswerBox)
        box.disabled = False
        box.focus()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(f"Grading failed: {event.worker.error}", severity="error", timeout=10)
            self.stage.name = "answer" if self.time_taken is None else "probe"
            self.query_one(AnswerBox).disabled = False

    def finish_question(self) -> None:
        from interviewcoach.store.records import AttemptRecord, ProbeExchange

        self.stage.name = "done"
        question = self.question
        rubric = self.turn.rubric
        attempt = AttemptRecord(
            session_uid=self.plan.session_uid,
            question_id=question.id, question_text=question.prompt, category=str(question.category),
            level=str(self.plan.setup.level), rubric_id=rubric.id, rubric_version=rubric.version,
            answer=self.answer_text,
            probes=[ProbeExchange(probe=p.text, cue=p.cue, answer=reply, result=result)
                    for p, reply, result in zip(self.turn.probes, self.stage.replies, self.turn.probe_results)],
            result=self.turn.result,
            time_taken_s=round(self.time_taken or 0.0, 1),
            time_limit_s=question.time_limit_s,
        )
        saved = self.app.save_attempt(attempt, self.draft_key)
        outcome = Outcome(question, attempt.final, attempt, saved, retry_of=self.previous.get(question.id))
        self.previous[question.id] = attempt.final
        self.outcomes.append(outcome)
        from interviewcoach.tui.screens.feedback import FeedbackScreen

        last = self.index + 1 >= len(self.plan.questions)
        self.app.push_screen(FeedbackScreen(outcome, last), self.after_feedback)

    def after_feedback(self, choice: str | None) -> None:
        if choice == "retry":
            self.start_question(first=False)
        elif choice == "next" and self.index + 1 < len(self.plan.questions):
            self.index += 1
            self.start_question(first=False)
        else:
            self.app.show_summary(self.plan.session_uid, self.outcomes)

    # --- leaving ------------------------------------------------------------------------------

    @property
    def answer_in_progress(self) -> bool:
        return self.stage.name in ("answer", "probe", "grading") and (
            bool(self.query_one(AnswerBox).text.strip()) or self.stage.name != "answer"
        )

    def action_leave(self) -> None:
        if not self.answer_in_progress:
            self.leave()
            return
        from interviewcoach.tui.screens.confirm import ConfirmScreen

        self.app.push_screen(
            ConfirmScreen("Leave this question? What you have typed is kept as a draft; "
                          "resume it from the home screen.", yes="Leave", no="Stay"),
            lambda leave: self.leave() if leave else None,
        )

    def leave(self) -> None:
        if self.stage.name == "answer":
            self.save_draft()
        if self.outcomes:
            self.app.show_summary(self.plan.session_uid, self.outcomes)
        else:
            self.app.go_home()
