"""The conversation on screen: the interviewer asks, you answer against the clock, it
probes. A view over PracticeSession, which holds the conversation; grading runs in a
worker that only posts the result back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from interviewcoach.durations import clock_text
from interviewcoach.final_grade import final_grade
from interviewcoach.grading.result import GradeResult
from interviewcoach.session import Opening, Pending, PracticeSession, Stage
from interviewcoach.stories.themes import is_behavioural
from interviewcoach.tui.base import CoachScreen
from interviewcoach.tui.screens.feedback import FeedbackScreen
from interviewcoach.tui.widgets.answer_box import AnswerBox
from interviewcoach.tui.widgets.cue_panel import CueList
from interviewcoach.tui.widgets.transcript import Transcript

if TYPE_CHECKING:
    from interviewcoach.stories.grade import StoryGrade
    from interviewcoach.stories.shelf import Shelf

DRAFT_DELAY_S = 1.0
"""Typing pauses this long before the draft is saved: a killed terminal loses at most
about this much of the answer."""
COACH_DELAY_S = 0.4
LOW_TIME_S = 60


class PracticeScreen(CoachScreen[None]):
    BINDINGS = [
        Binding("escape", "leave", "Leave", tooltip="End practice (your answer is kept)", id="leave-practice"),
        Binding(
            "ctrl+n",
            "skip_probe",
            "Skip probe",
            key_display="^n",
            tooltip="Leave this probe unanswered and see the feedback",
            id="skip-probe",
        ),
        Binding(
            "ctrl+t",
            "stories",
            "Stories",
            key_display="^t",
            tooltip="Your stories that fit this question: pick the one you are telling",
            id="pick-story",
        ),
    ]

    @dataclass
    class Graded(Message):
        pending: Pending
        result: GradeResult

    def __init__(self, session: PracticeSession) -> None:
        super().__init__()
        self.session = session
        self.warned = False
        self._draft_timer: Timer | None = None
        self._coach_timer: Timer | None = None
        self._story_title: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="practice-bar"):
            yield Static(id="progress")
            yield Static(id="words")
            yield Static(id="clock")
        # The question stays in view while the conversation scrolls under it.
        yield Static(id="question-pin", markup=False)
        with Horizontal(id="practice-body"):
            yield Transcript(id="transcript")
            if self.session.coach:
                yield CueList(id="coach-cues")
        yield AnswerBox(id="answer")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(1.0, self.tick)
        self.show_question(self.session.start())

    # --- the flow ----------------------------------------------------------------------------

    def show_question(self, opening: Opening) -> None:
        self.warned = False
        transcript = self.query_one(Transcript)
        transcript.clear()
        transcript.say("interviewer", opening.said)
        box = self.query_one(AnswerBox)
        box.disabled = False
        box.text = opening.text
        box.move_cursor(box.document.end)  # a resumed draft goes on where it stopped
        box.focus()
        if self.session.story_id is None:
            self._story_title = None
        elif self._story_title is None:
            self.story_resumed(self.session.story_id)
        self.show_progress()
        self.query_one("#question-pin", Static).update(self.session.question.prompt)
        self.update_words()
        self.tick()
        if self.session.coach:
            self.query_one(CueList).clear_options()
            self.schedule_coach()

    def show_progress(self) -> None:
        story = f" · story: {self._story_title}" if self._story_title else ""
        self.query_one("#progress", Static).update(self.session.progress() + story)

    def tick(self) -> None:
        clock = self.query_one("#clock", Static)
        session = self.session
        if session.time_taken is not None:
            clock.set_classes("")
            clock.update(f"answered in {clock_text(session.time_taken)}")
            return
        if session.stage is not Stage.ANSWER:
            return
        remaining = session.remaining()
        if remaining is None:
            clock.update(f"{clock_text(session.elapsed())} elapsed")
            return
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
        if self.session.stage is Stage.ANSWER:
            if self._draft_timer:
                self._draft_timer.stop()
            self._draft_timer = self.set_timer(DRAFT_DELAY_S, self.save_draft)
            if self.session.coach:
                self.schedule_coach()

    def schedule_coach(self) -> None:
        if self._coach_timer:
            self._coach_timer.stop()
        self._coach_timer = self.set_timer(
            COACH_DELAY_S, lambda: self.grade(self.session.live(self.query_one(AnswerBox).text))
        )

    def save_draft(self) -> None:
        self.coach_app.save_draft(self.session.draft(self.query_one(AnswerBox).text))

    @on(AnswerBox.Submitted)
    def submitted(self, event: AnswerBox.Submitted) -> None:
        session = self.session
        if not session.accepts_text:
            return
        if session.stage is Stage.ANSWER:
            if self._draft_timer:
                self._draft_timer.stop()
            self.save_draft()
            pending = session.submit(event.text)
        else:
            pending = session.reply_to_probe(event.text)
        if pending is None:
            self.notify("Type an answer first.", severity="warning")
            return
        self.query_one(Transcript).say("candidate", pending.text)
        self.tick()
        box = self.query_one(AnswerBox)
        box.text = ""
        box.disabled = True
        self.grade(pending)

    @work(thread=True, exclusive=False, exit_on_error=False, group="grade")
    def grade(self, pending: Pending) -> None:
        self.post_message(self.Graded(pending, self.session.grade(pending)))

    @on(Graded)
    def graded(self, message: Graded) -> None:
        session = self.session
        if message.pending.kind == "coach":
            if session.stage is Stage.ANSWER and session.coach:
                self.query_one(CueList).show(final_grade(message.result))
            return
        reply = session.graded(message.pending, message.result)
        if session.coach and session.turn.result is not None and not reply.asks_again:
            # The checklist follows the conversation: a cue earned in a reply turns ↺.
            self.query_one(CueList).show(session.turn.final())
        self.query_one(Transcript).say("interviewer", reply.said)
        self.refresh_bindings()
        if reply.outcome is not None:
            self.app.push_screen(FeedbackScreen(reply.outcome, session.is_last), self.after_feedback)
            return
        box = self.query_one(AnswerBox)
        box.disabled = False
        if reply.asks_again:
            box.text = message.pending.text  # to rework, not retype
            box.move_cursor(box.document.end)
            self.tick()
        box.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Offered only while a probe waits for its reply.
        if action == "skip_probe":
            return self.session.stage is Stage.PROBE
        if action == "stories":
            # Offered for behavioural questions, until the answer is finished.
            return is_behavioural(self.session.question) and self.session.stage in (Stage.ANSWER, Stage.PROBE)
        return True

    def action_skip_probe(self) -> None:
        if self.session.stage is not Stage.PROBE:
            return
        reply = self.session.skip_probe()
        self.query_one(Transcript).say("interviewer", reply.said)
        self.refresh_bindings()
        assert reply.outcome is not None
        self.app.push_screen(FeedbackScreen(reply.outcome, self.session.is_last), self.after_feedback)

    @dataclass
    class StoriesRead(Message):
        """The story bank, read and graded in a worker, for the picker."""

        shelf: Shelf
        grades: dict[str, StoryGrade]

    def action_stories(self) -> None:
        self.read_stories_for_picker()

    @work(thread=True, exclusive=True, exit_on_error=False, group="stories")
    def read_stories_for_picker(self) -> None:
        from interviewcoach.stories.grade import grade_stories, story_rubric
        from interviewcoach.stories.shelf import read_stories

        shelf = read_stories()
        rubric = story_rubric(self.coach_app.library)
        grades = grade_stories(shelf.stories, rubric, self.coach_app.grader) if rubric is not None else {}
        self.post_message(self.StoriesRead(shelf, grades))

    @on(StoriesRead)
    def open_picker(self, message: StoriesRead) -> None:
        from interviewcoach.stories.fit import rank_stories
        from interviewcoach.tui.screens.story_picker import StoryPicker

        shelf = message.shelf
        if shelf.problems:
            files = len({problem.path for problem in shelf.problems})
            self.notify(
                f"{files} story file(s) could not be read; `interviewcoach validate` says why.",
                severity="warning",
            )
        if not shelf.stories:
            self.notify("No stories yet: write them in your story bank (t on the home screen).")
            return
        if self.session.stage not in (Stage.ANSWER, Stage.PROBE) or self.app.screen is not self:
            return  # the answer moved on while the stories were read
        question = self.session.question
        fits = rank_stories(question, shelf.stories, message.grades)
        self.app.push_screen(
            StoryPicker(question.prompt, fits, self.session.story_id, message.grades), self.story_picked
        )

    def story_resumed(self, story_id: str) -> None:
        """A resumed draft's story: shown again, or dropped if it was deleted meanwhile."""
        from interviewcoach.stories.shelf import read_stories

        saved = read_stories().get(story_id)
        if saved is None:
            self.session.use_story(None)
        self._story_title = saved.story.title if saved else None

    def story_picked(self, story_id: str | None) -> None:
        if story_id is None or self.session.stage not in (Stage.ANSWER, Stage.PROBE):
            return
        from interviewcoach.stories.shelf import read_stories

        saved = read_stories().get(story_id) if story_id else None
        self.session.use_story(saved.id if saved else None)
        self._story_title = saved.story.title if saved else None
        self.show_progress()
        self.save_draft()  # the draft remembers the story, so resuming it keeps the pick
        self.notify(f"Telling '{saved.story.title}': this answer records it." if saved else "No story for this answer.")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "stories":
            self.notify(f"Could not read your stories: {event.worker.error}", severity="error", timeout=10)
            return
        if event.state == WorkerState.ERROR:
            self.notify(f"Grading failed: {event.worker.error}", severity="error", timeout=10)
            text = self.session.grading_failed()
            box = self.query_one(AnswerBox)
            box.disabled = False
            if text and not box.text:
                box.text = text

    def after_feedback(self, choice: str | None) -> None:
        opening = None
        if choice == "retry":
            opening = self.session.retry()
        elif choice == "next":
            opening = self.session.next_question()
        if opening is None:
            self.coach_app.show_summary(self.session)
        else:
            self.show_question(opening)
            self.refresh_bindings()

    # --- leaving ------------------------------------------------------------------------------

    @property
    def answer_in_progress(self) -> bool:
        return self.session.answer_in_progress(self.query_one(AnswerBox).text)

    def action_leave(self) -> None:
        if not self.answer_in_progress:
            self.leave()
            return
        from interviewcoach.tui.screens.confirm import ConfirmScreen

        self.app.push_screen(
            ConfirmScreen(
                "Leave this question? What you have typed is kept as a draft; resume it from the home screen.",
                yes="Leave",
                no="Stay",
            ),
            lambda leave: self.leave() if leave else None,
        )

    def leave(self) -> None:
        self.save_draft()
        if self.session.outcomes:
            self.coach_app.show_summary(self.session)
        else:
            self.coach_app.go_home()
