"""The interviewer's cockpit: the question to read out with its time and follow-ups, the
clock, the candidate's focus, a notes box whose words the rubric checklist scores as
they are typed, the probe to ask next, and the interviewer's calls, ratings, comments
and recommendation. A view over MockSession; grading runs in a worker that only posts
its result back, after a pause in typing, so typing never waits for it."""

from __future__ import annotations

import gc
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Footer, Static, TextArea
from textual.worker import Worker, WorkerState

from interviewcoach.durations import clock_text, minutes_text
from interviewcoach.grading.result import GradeResult
from interviewcoach.mock import RATINGS, RECOMMENDATIONS, MockSession
from interviewcoach.session import Pending
from interviewcoach.tui.base import CoachScreen
from interviewcoach.tui.collector import normal_collector
from interviewcoach.tui.screens.candidate_view import CandidateView
from interviewcoach.tui.screens.mock_dialogs import CommentScreen, DiscussScreen, FocusScreen, RecommendScreen
from interviewcoach.tui.widgets.checklist import CueChecklist

LIVE_DELAY_S = 0.3
"""Typing pauses this long before the notes are scored again."""
DRAFT_DELAY_S = 1.0
"""Typing pauses this long before the notes are autosaved."""
LOW_TIME_S = 60


class NotesBox(TextArea):
    """The interviewer's notes: fragments, abbreviations and arrows, as typed while listening."""

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", show_line_numbers=False, **kwargs)


class CockpitScreen(CoachScreen[None]):
    BINDINGS = [
        Binding(
            "f2", "candidate_view", "Candidate's view", tooltip="Show only the question and clock", id="to-candidate"
        ),
        Binding("ctrl+t", "clock", "Clock", key_display="^t", tooltip="Start or pause the clock", id="clock-toggle"),
        Binding("ctrl+r", "reset_clock", "Reset", key_display="^r", tooltip="Reset the clock", id="clock-reset"),
        Binding("ctrl+o", "recommend", "Recommend", key_display="^o", tooltip="Overall recommendation", id="recommend"),
        Binding(
            "ctrl+n", "done", "Done", key_display="^n", tooltip="Save this question and move on", id="question-done"
        ),
        Binding("escape", "leave", "Leave", tooltip="Leave the mock (your notes are kept)", id="leave-mock"),
    ]

    @dataclass
    class Graded(Message):
        pending: Pending
        result: GradeResult

    def __init__(self, session: MockSession) -> None:
        super().__init__()
        self.session = session
        self._live_timer: Timer | None = None
        self._draft_timer: Timer | None = None
        self._finish_when_graded = False
        self._candidate_draft = ""

    def compose(self) -> ComposeResult:
        with Horizontal(id="cockpit-bar"):
            yield Static(id="cockpit-progress")
            yield Static(id="cockpit-clock")
        with Horizontal(id="cockpit-body"):
            with Vertical(id="cockpit-left"):
                yield Static(id="cockpit-question", markup=False)
                yield Static(id="cockpit-followups", markup=False)
                yield Static(id="cockpit-focus", markup=False)
                if not self.session.spoken:
                    yield Static(id="cockpit-answer", markup=False)
                yield NotesBox(id="cockpit-notes")
            with Vertical(id="cockpit-right"):
                yield CueChecklist(id="cockpit-cues")
                yield Static(id="cockpit-probe", markup=False)
                yield Static(
                    "Rate 1-4: " + " · ".join(f"{n} {text}" for n, text in RATINGS.items()),
                    id="cockpit-scale",
                )
                yield Static(id="cockpit-recommendation")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#cockpit-notes", NotesBox).border_title = "Notes"
        self.query_one(CueChecklist).border_title = "Heard so far"
        if not self.session.spoken:
            self.query_one("#cockpit-answer", Static).border_title = "Answer"
        self.set_interval(0.5, self.tick)
        if self.session.spoken:
            # Load the grader now (the notes so far, often none), not on the first pause
            # in typing.
            self.grade(self.session.live(self.session.current.notes))
        self.show_question()
        if not self.session.round.focus_set:
            self.ask_focus()

    def on_unmount(self) -> None:
        normal_collector()

    # --- showing the question ------------------------------------------------------------------

    def ask_focus(self) -> None:
        session = self.session
        labels = list(dict.fromkeys(cue.label for q in session.round.questions for cue in q.rubric.cues))
        weakest = [label for label in self.coach_app.weakest_cue_labels(session.round.candidate) if label in labels]
        screen = FocusScreen(session.round.candidate, session.round.interviewer, labels, weakest)
        self.app.push_screen(screen, self.focus_chosen)

    def focus_chosen(self, focus) -> None:
        if focus is not None:
            self.session.set_focus(focus)
        self.show_question()

    def show_question(self) -> None:
        session = self.session
        question = session.question
        self.query_one("#cockpit-progress", Static).update(session.progress())
        self.query_one("#cockpit-question", Static).update(f"Read out: {question.prompt}")
        follow = f"Allow {minutes_text(question.time_limit_s)}."
        if question.follow_ups:
            follow += " Follow-ups: " + " / ".join(question.follow_ups)
        self.query_one("#cockpit-followups", Static).update(follow)
        focus = session.round.focus
        parts = [*focus.cues, *(f'"{habit}"' for habit in focus.habits)]
        self.query_one("#cockpit-focus", Static).update(
            f"◆ {session.round.candidate}'s focus: {', '.join(parts)}" if parts else ""
        )
        notes = self.query_one("#cockpit-notes", NotesBox)
        if notes.text != session.current.notes:
            notes.text = session.current.notes
        notes.focus()
        self.show_answer()
        self.show_calls()
        self.tick()
        if session.spoken and session.current.notes.strip() and session.current.result is None:
            self.schedule_live()

    def show_answer(self) -> None:
        if self.session.spoken:
            return
        current = self.session.current
        text = current.answer or "The candidate answers in their own view: press f2 to hand over."
        self.query_one("#cockpit-answer", Static).update(text)

    def show_calls(self) -> None:
        session = self.session
        self.query_one(CueChecklist).show(session.current, session.focus_cue_ids())
        suggestion = session.suggestion()
        self.query_one("#cockpit-probe", Static).update(suggestion.text() if suggestion else "Every cue heard.")
        value = session.current.recommendation
        self.query_one("#cockpit-recommendation", Static).update(
            f"Recommendation: {value} {RECOMMENDATIONS[value]}" if value else "Recommendation: not yet (^o)"
        )

    def tick(self) -> None:
        session = self.session
        watch = session.current.stopwatch
        elapsed = watch.elapsed()
        limit = session.question.time_limit_s
        remaining = limit - elapsed
        clock = self.query_one("#cockpit-clock", Static)
        state = "" if watch.running else "  (paused: ^t)" if elapsed else "  (^t starts)"
        clock.update(f"{clock_text(elapsed)} of {clock_text(limit)}{state}")
        clock.set_class(not watch.running, "-paused")
        clock.set_class(0 <= remaining <= LOW_TIME_S, "-low")
        clock.set_class(remaining < 0, "-over")

    # --- notes, scored as they are typed ---------------------------------------------------------

    @on(TextArea.Changed, "#cockpit-notes")
    def notes_changed(self, event: TextArea.Changed) -> None:
        self.session.current.notes = event.text_area.text
        if self._draft_timer:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY_S, self.save_draft)
        if self.session.spoken:
            self.schedule_live()

    def schedule_live(self) -> None:
        if self._live_timer:
            self._live_timer.stop()
        self._live_timer = self.set_timer(LIVE_DELAY_S, self.score_notes)

    def score_notes(self) -> None:
        self.grade(self.session.live(self.query_one("#cockpit-notes", NotesBox).text))

    def save_draft(self) -> None:
        self.coach_app.save_draft(self.session.draft(self.query_one("#cockpit-notes", NotesBox).text))

    @work(thread=True, exclusive=True, exit_on_error=False, group="live")
    def grade(self, pending: Pending) -> None:
        self.post_message(self.Graded(pending, self.session.grade(pending)))

    @on(Graded)
    def graded(self, message: Graded) -> None:
        if self.session.graded(message.pending, message.result):
            self.show_answer()
            self.show_calls()
        if self._finish_when_graded:
            self._finish_when_graded = False
            self.action_done()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self._finish_when_graded = False
            self.notify(f"Scoring the notes failed: {event.worker.error}", severity="error", timeout=10)

    # --- the interviewer's calls -----------------------------------------------------------------

    @on(CueChecklist.CueActed)
    def cue_acted(self, event: CueChecklist.CueActed) -> None:
        session = self.session
        if event.action == "confirm":
            session.confirm(event.cue_id)
        elif event.action == "override":
            session.override(event.cue_id)
        elif event.action == "rate":
            session.rate(event.cue_id, event.rating)
        elif event.action == "comment":
            cue = session.current.rubric.cue(event.cue_id)
            label = cue.label if cue else event.cue_id
            text = session.current.comments.get(event.cue_id, "")

            def commented(value: str | None) -> None:
                if value is not None:
                    session.comment(event.cue_id, value)
                    self.show_calls()

            self.app.push_screen(CommentScreen(label, text), commented)
            return
        self.show_calls()

    def action_recommend(self) -> None:
        def chosen(value: int | None) -> None:
            if value:
                self.session.recommend(value)
                self.show_calls()

        self.app.push_screen(RecommendScreen(self.session.current.recommendation), chosen)

    # --- the clock and the candidate's view -------------------------------------------------------

    def action_clock(self) -> None:
        self.session.current.stopwatch.toggle()
        self.tick()

    def action_reset_clock(self) -> None:
        self.session.current.stopwatch.reset()
        self.tick()

    def action_candidate_view(self) -> None:
        session = self.session
        current = session.current
        typed = not session.spoken and not current.answer
        view = CandidateView(
            current.question.prompt,
            current.question.time_limit_s,
            current.stopwatch,
            typed=typed,
            text=self._candidate_draft,
        )

        def back(answer: str | None) -> None:
            self._candidate_draft = view.draft
            if answer:
                pending = session.submit_answer(answer)
                if pending is not None:
                    self.show_answer()
                    self.grade(pending)
            self.tick()

        self.app.push_screen(view, back)

    # --- moving on --------------------------------------------------------------------------------

    def action_done(self) -> None:
        session = self.session
        if self._live_timer:
            self._live_timer.stop()
        if session.has_text() and session.current.recommendation is None:
            # Required before moving on: ask for it now, then carry on.
            def chosen(value: int | None) -> None:
                if value:
                    session.recommend(value)
                    self.show_calls()
                    self.action_done()

            self.app.push_screen(RecommendScreen(None), chosen)
            return
        if session.spoken and session.grade_is_stale():
            self._finish_when_graded = True
            self.score_notes()
            return
        problem = session.why_not_finish()
        if problem:
            self.notify(problem, severity="warning")
            return
        if self._draft_timer:
            self._draft_timer.stop()
        session.finish_question()
        if not session.current.saved:
            self.notify("This question could not be saved to your history; it is in the report.", severity="warning")
        if session.learning:
            question = session.question
            self.app.push_screen(DiscussScreen(question.prompt, list(question.outline)), lambda _: self.advance())
        else:
            self.advance()

    def advance(self) -> None:
        self._candidate_draft = ""
        if self.session.next_question():
            gc.collect()  # between questions, not mid-keystroke (tui/collector.py)
            self.show_question()
        else:
            self.coach_app.mock_round_done(self.session)

    # --- leaving ----------------------------------------------------------------------------------

    @property
    def answer_in_progress(self) -> bool:
        self.session.current.notes = self.query_one("#cockpit-notes", NotesBox).text
        return self.session.in_progress()

    def action_leave(self) -> None:
        from interviewcoach.tui.screens.confirm import ConfirmScreen

        def answered(leave: bool | None) -> None:
            if leave:
                self.save_draft()
                self.coach_app.go_home()

        self.app.push_screen(
            ConfirmScreen(
                "Leave the mock? Saved questions stay saved; your notes are kept and the home screen offers the "
                "mock back at this question.",
                yes="Leave",
                no="Stay",
            ),
            answered,
        )
