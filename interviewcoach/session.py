"""A practice session without any screen: the plan, the question order, each question's
turn (answer, probes, replies), drafts, the saved attempt and the summary.

The solo screens drive it now and the peer cockpit will next: a screen asks it what to
show and tells it what the user did. Grading is the one slow step, so it is split in
three: `submit()` or `reply_to_probe()` (main thread) hand back a `Pending`, `grade()`
runs it anywhere (a worker thread), and `graded()` (main thread again) moves the
conversation on."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Literal, Protocol

from interviewcoach.enums import Stage as CompanyStage
from interviewcoach.final_grade import FinalGrade
from interviewcoach.interviewer import Probe, QuestionTurn
from interviewcoach.models import Level, Question, Rubric
from interviewcoach.settings import PracticeSetup, Settings

if TYPE_CHECKING:
    from interviewcoach.grading.result import GradeResult
    from interviewcoach.store.records import AttemptRecord, DraftRecord


class Grader(Protocol):
    """What grades an answer: `grading.grade_answer`, or a fixed grade in tests."""

    def __call__(
        self,
        text: str,
        rubric: Rubric,
        question: Question | None = None,
        level: Level | None = None,
        *,
        follow_up: bool = False,
        notes: bool = False,
    ) -> GradeResult: ...


def real_grader(
    text: str,
    rubric: Rubric,
    question: Question | None = None,
    level: Level | None = None,
    *,
    follow_up: bool = False,
    notes: bool = False,
) -> GradeResult:
    # Imported here: the grader loads on the first answer, not while the app starts.
    from interviewcoach.grading.grader import grade_answer

    return grade_answer(text, rubric, question, level, follow_up=follow_up, notes=notes)


class Stage(Enum):
    """Where the conversation about the current question is."""

    ANSWER = "answer"
    """The candidate is typing the answer."""
    PROBE = "probe"
    """The interviewer asked a probe; the candidate is typing the reply."""
    GRADING = "grading"
    """An answer or reply is being graded; nothing can be sent."""
    DONE = "done"
    """The question is finished and saved; its outcome is ready."""


@dataclass
class PracticePlan:
    """What a session asks and how. Build it with `make_plan`."""

    questions: list[Question]
    setup: PracticeSetup
    timer: bool
    probes: int
    seed: int
    session_uid: str
    first_answer: str = ""
    """Text to start the first answer with: a resumed draft."""
    draft_key: str | None = None
    """The key of the resumed draft, so saving the answer drops that draft."""
    previous: dict[str, FinalGrade] = field(default_factory=dict)
    """Earlier final grades by question id (a retry from the history): each question's
    first outcome is compared with its entry."""
    start: int = 0
    """The index of the question to begin with: a resumed session goes on where it stopped."""
    name: str = ""
    """What the interviewer calls the candidate (the `name` setting); empty for no name."""
    drill: str | None = None
    """The id of the cue a drill practises: named in the header, first in the feedback."""
    first_story: str | None = None
    """The story picked for the resumed draft's answer: picked again on resuming it."""


def make_plan(
    settings: Settings,
    questions: Sequence[Question],
    seed: int,
    *,
    setup: PracticeSetup | None = None,
    session_uid: str | None = None,
    first_answer: str = "",
    draft_key: str | None = None,
    previous: Mapping[str, FinalGrade] | None = None,
    start: int = 0,
    drill: str | None = None,
    first_story: str | None = None,
) -> PracticePlan:
    """The one way to plan a session: the user's settings, these questions in order."""
    setup = setup or settings.last_practice
    if setup.questions != len(questions):
        setup = setup.model_copy(update={"questions": len(questions)})
    return PracticePlan(
        list(questions),
        setup,
        settings.timer,
        settings.probes,
        seed,
        session_uid or uuid.uuid4().hex,
        first_answer=first_answer,
        draft_key=draft_key,
        previous=dict(previous or {}),
        start=min(max(start, 0), len(questions) - 1) if questions else 0,
        name=settings.name.strip(),
        drill=drill,
        first_story=first_story if first_answer else None,
    )


def shuffled(questions: Sequence[Question], seed: int, limit: int) -> list[Question]:
    """Up to `limit` of `questions` in an order fixed by `seed`."""
    chosen = list(questions)
    random.Random(seed).shuffle(chosen)
    return chosen[:limit]


@dataclass(frozen=True)
class Pending:
    """Text waiting to be graded, with everything grading it needs."""

    text: str
    kind: Literal["answer", "probe", "coach"]
    question: Question
    rubric: Rubric
    level: Level


@dataclass(frozen=True)
class Opening:
    """A question begins: what the interviewer says, and the answer to start from."""

    said: str
    text: str = ""


@dataclass
class Outcome:
    """One finished question, for the feedback and the summary."""

    question: Question
    attempt: AttemptRecord
    saved: bool
    retry_of: FinalGrade | None = None
    """The previous try's final grade, when this was a retry."""
    drill: str | None = None
    """The cue the session drills, if it is a drill: the feedback leads with it."""
    final: FinalGrade = field(init=False)

    def __post_init__(self) -> None:
        self.final = self.attempt.final


@dataclass(frozen=True)
class Reply:
    """What the interviewer says after grading; `probe` when it asks one, `outcome`
    when the question is finished."""

    said: str
    probe: Probe | None = None
    outcome: Outcome | None = None
    asks_again: bool = False
    """The answer was not read as one: the interviewer asks for a real answer."""


@dataclass(frozen=True)
class SummaryRow:
    number: int
    question_id: str
    question_text: str
    """The question as asked: what the summary names it by."""
    score: int
    verdict: str
    hits: int
    cues: int


@dataclass(frozen=True)
class SessionSummary:
    rows: list[SummaryRow]
    average: float
    most_missed: list[tuple[str, int]]
    """Cue labels missed most often, with how often: at most three."""
    unsaved: list[AttemptRecord]
    """Attempts the history could not take: the summary offers to export them."""


class SessionError(Exception):
    """The session was asked for something its stage does not allow."""


Saver = Callable[["AttemptRecord", "str | None"], bool]
"""Saves an attempt (dropping the draft with that key); says whether it was saved."""


class PracticeSession:
    """One solo practice session. Not thread-safe except for `grade()`."""

    def __init__(
        self,
        plan: PracticePlan,
        rubrics: Mapping[str, Rubric],
        *,
        clock: Callable[[], float],
        grader: Grader = real_grader,
        save: Saver | None = None,
    ) -> None:
        if not plan.questions:
            raise SessionError("a session needs at least one question")
        self.plan = plan
        self.rubrics = rubrics
        self.clock = clock
        self.grader = grader
        self._save: Saver = save or (lambda attempt, draft_key: False)
        self.index = plan.start
        self.stage = Stage.ANSWER
        self.turn = self._new_turn(first=True)
        self.outcomes: list[Outcome] = []
        self._previous: dict[str, FinalGrade] = dict(plan.previous)
        self.started = clock()
        self.time_taken: float | None = None
        self.answer_text = ""
        self.replies: list[str] = []
        self.probe: Probe | None = None
        """The probe waiting for a reply."""
        self._sending: Pending | None = None
        self.story_id: str | None = None
        """The story from the story bank picked for the current question, if any."""

    # --- what is being asked -----------------------------------------------------------------

    @property
    def question(self) -> Question:
        return self.plan.questions[self.index]

    @property
    def rubric(self) -> Rubric:
        return self.rubrics[self.question.rubric]

    @property
    def level(self) -> Level:
        return Level(self.plan.setup.level)

    @property
    def coach(self) -> bool:
        """Coach mode: the cues light up while the answer is typed."""
        return self.plan.setup.mode == "coach"

    @property
    def is_last(self) -> bool:
        return self.index + 1 >= len(self.plan.questions)

    def progress(self) -> str:
        text = f"Question {self.index + 1} of {len(self.plan.questions)} · {self.question.category} · {self.plan.setup.level}"
        stage = CompanyStage(self.plan.setup.stage)
        if stage is not CompanyStage.ANY:
            text += f" · {stage.label}"
        drilled = self.rubric.cue(self.plan.drill) if self.plan.drill else None
        return f"{text} · drilling {drilled.label}" if drilled else text

    def _new_turn(self, first: bool) -> QuestionTurn:
        return QuestionTurn(self.question, self.rubric, self.plan.probes, self.plan.seed, first=first)

    def start(self) -> Opening:
        """The first question; a resumed draft is its starting text."""
        return self._begin(first=True, text=self.plan.first_answer, resumed=bool(self.plan.first_answer))

    def retry(self) -> Opening:
        """Ask the question just finished again; the new outcome is compared with it."""
        self._require(Stage.DONE)
        return self._begin(first=False, retry=True)

    def next_question(self) -> Opening | None:
        """Go on to the next question, or None after the last."""
        self._require(Stage.DONE)
        if self.is_last:
            return None
        self.index += 1
        return self._begin(first=False)

    def _begin(self, first: bool, text: str = "", resumed: bool = False, retry: bool = False) -> Opening:
        self.turn = self._new_turn(first)
        self.stage = Stage.ANSWER
        self.started = self.clock()
        self.time_taken = None
        self.answer_text = ""
        self.replies = []
        self.probe = None
        if not retry:
            self.story_id = None  # a retry tells the same story again, a new question may not
        if resumed:
            self.story_id = self.plan.first_story  # the draft's story, picked before it was left
        said = self.turn.opening(self.plan.timer, resumed, retry)
        if self.plan.name and (first or resumed):
            said = f"{'Welcome back' if resumed else 'Hi'}, {self.plan.name}. {said}"
        return Opening(said, text)

    def use_story(self, story_id: str | None) -> None:
        """Record that the answer to the current question tells this story (None: no story)."""
        self._require(Stage.ANSWER, Stage.PROBE)
        self.story_id = story_id

    # --- the clock -----------------------------------------------------------------------------

    def elapsed(self) -> float:
        return self.clock() - self.started

    def remaining(self) -> float | None:
        """Seconds left to answer (negative when over), or None without a timer."""
        if not self.plan.timer:
            return None
        return self.question.time_limit_s - self.elapsed()

    # --- drafts --------------------------------------------------------------------------------

    @property
    def draft_key(self) -> str:
        """What the current answer's draft is saved under: one draft per session and question."""
        if self.index == self.plan.start and self.plan.draft_key:
            return self.plan.draft_key
        return f"{self.plan.session_uid}/{self.question.id}"

    def draft(self, text: str) -> DraftRecord | None:
        """The draft to autosave for `text`, or None when there is nothing to keep."""
        from interviewcoach.store.records import DraftRecord

        if self.stage is not Stage.ANSWER or not text.strip():
            return None
        # The whole plan is kept with the draft, so resuming it goes on with the session
        # (the questions after this one, the same level and mode), not with this question alone.
        context = {
            "session": self.plan.session_uid,
            "questions": [question.id for question in self.plan.questions],
            "index": self.index,
            "setup": self.plan.setup.model_dump(mode="json"),
        }
        if self.story_id:
            context["story"] = self.story_id  # the story picked: picked again on resuming
        return DraftRecord(key=self.draft_key, text=text, question_id=self.question.id, context=context)

    def answer_in_progress(self, text: str) -> bool:
        """Whether leaving now would lose work: typed text, or a conversation under way."""
        if self.stage is Stage.ANSWER:
            return bool(text.strip())
        return self.stage in (Stage.PROBE, Stage.GRADING)

    # --- the conversation ---------------------------------------------------------------------

    @property
    def accepts_text(self) -> bool:
        return self.stage in (Stage.ANSWER, Stage.PROBE)

    def submit(self, text: str) -> Pending | None:
        """Send the answer; None (and nothing changes) when it is blank."""
        self._require(Stage.ANSWER)
        if not text.strip():
            return None
        # Kept as graded (stripped): the evidence's offsets point into this text.
        self.answer_text = text.strip()
        self.time_taken = self.clock() - self.started
        self.stage = Stage.GRADING
        self._sending = self._pending(text, "answer")
        return self._sending

    def reply_to_probe(self, text: str) -> Pending | None:
        """Send the reply to the probe asked; None when it is blank."""
        self._require(Stage.PROBE)
        if not text.strip():
            return None
        self.replies.append(text.strip())
        self.stage = Stage.GRADING
        self._sending = self._pending(text, "probe")
        return self._sending

    def live(self, text: str) -> Pending:
        """The answer so far, to grade for coach mode's checklist; the stage stays."""
        return self._pending(text, "coach")

    def _pending(self, text: str, kind: Literal["answer", "probe", "coach"]) -> Pending:
        return Pending(text.strip(), kind, self.question, self.rubric, self.level)

    def grade(self, pending: Pending) -> GradeResult:
        """Grade pending text. Safe to call from a worker thread: reads only `pending`."""
        return self.grader(
            pending.text, pending.rubric, pending.question, pending.level, follow_up=pending.kind == "probe"
        )

    def graded(self, pending: Pending, result: GradeResult) -> Reply:
        """Take the grade of an answer or reply: the interviewer reacts, then probes or
        finishes the question (saving the attempt)."""
        if pending.kind == "coach":
            raise SessionError("a coach-mode grade moves nothing on")
        self._require(Stage.GRADING)
        self._sending = None
        if pending.kind == "answer":
            again = self.turn.ask_again(result)
            if again is not None:
                # Not an answer: nothing is saved, the candidate answers again.
                self.stage = Stage.ANSWER
                self.time_taken = None
                self.answer_text = ""
                return Reply(again, asks_again=True)
            self.turn.answer_text = self.answer_text
            said, probe = self.turn.react(result)
        else:
            said, probe = self.turn.after_probe(result)
        if probe is not None:
            self.stage = Stage.PROBE
            self.probe = probe
            return Reply(said, probe)
        return Reply(said, outcome=self._finish())

    def skip_probe(self) -> Reply:
        """Decline to answer the probe: the question ends, the probe kept unanswered."""
        self._require(Stage.PROBE)
        return Reply(self.turn.closing(), outcome=self._finish())

    def grading_failed(self) -> str:
        """Grading the text just sent raised: go back to before it was sent, and return
        the text so it can be put back in the box."""
        sent, self._sending = self._sending, None
        if sent is None or self.stage is not Stage.GRADING:
            return ""
        if sent.kind == "answer":
            self.stage = Stage.ANSWER
            self.time_taken = None
            self.answer_text = ""
        else:
            self.replies.pop()
            self.stage = Stage.PROBE
        return sent.text

    def _finish(self) -> Outcome:
        self.stage = Stage.DONE
        self.probe = None
        attempt = self.attempt()
        saved = self._save(attempt, self.draft_key)
        outcome = Outcome(
            self.question, attempt, saved, retry_of=self._previous.get(self.question.id), drill=self.plan.drill
        )
        self._previous[self.question.id] = outcome.final
        self.outcomes.append(outcome)
        return outcome

    def attempt(self) -> AttemptRecord:
        """The record of the current question's answer, replies and grades."""
        from interviewcoach.store.records import AttemptRecord, ProbeExchange

        if self.turn.result is None:
            raise SessionError("the answer has not been graded yet")
        results: list[GradeResult | None] = [*self.turn.probe_results]
        exchanges = [
            ProbeExchange(
                probe=probe.text,
                cue=probe.cue,
                answer=self.replies[n] if n < len(self.replies) else "",
                result=results[n] if n < len(results) else None,
            )
            for n, probe in enumerate(self.turn.probes)
        ]
        return AttemptRecord.of(
            self.turn.result,
            self.answer_text,
            self.rubric,
            self.question,
            self.level,
            session_uid=self.plan.session_uid,
            probes=exchanges,
            time_taken_s=round(self.time_taken or 0.0, 1),
            story_id=self.story_id,
        )

    def _require(self, *stages: Stage) -> None:
        if self.stage not in stages:
            wanted = " or ".join(stage.value for stage in stages)
            raise SessionError(f"the session is at {self.stage.value}, not {wanted}")

    # --- the end ---------------------------------------------------------------------------------

    def summary(self) -> SessionSummary:
        rows = [
            SummaryRow(
                number,
                o.question.id,
                o.question.prompt,
                o.final.score,
                o.final.verdict,
                len(o.final.hits),
                len(o.final.cues),
            )
            for number, o in enumerate(self.outcomes, start=1)
        ]
        average = sum(row.score for row in rows) / len(rows) if rows else 0.0
        missed: dict[str, int] = {}
        for outcome in self.outcomes:
            for cue in outcome.final.cues:
                if not outcome.final.is_hit(cue.id):
                    missed[cue.label] = missed.get(cue.label, 0) + 1
        worst = sorted(missed.items(), key=lambda item: -item[1])[:3]
        return SessionSummary(rows, average, worst, [o.attempt for o in self.outcomes if not o.saved])
