"""A mock interview with a peer, without any screen: rounds in which two people take turns
as interviewer and candidate, the candidate's focus, the interviewer's clock, notes that
are graded as they are typed, the interviewer's calls, ratings and comments, the
recommendation, keep/stop/start, and the swap.

The cockpit, the candidate's view and the wrap-up are views over a MockSession, as the
practice screen is over a PracticeSession; grading goes through the same `Pending` /
`grade()` split (grade in a worker thread, hand the result back on the main thread),
and every score, verdict and hit comes from FinalGrade, the interviewer's calls being
its overrides."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from interviewcoach.draft_keys import MOCK_DRAFT_PREFIX
from interviewcoach.final_grade import FinalGrade, final_grade
from interviewcoach.models import Level, Question, Rubric
from interviewcoach.session import Grader, Pending, real_grader

if TYPE_CHECKING:
    from interviewcoach.grading.result import CueResult, GradeResult
    from interviewcoach.store.records import AttemptRecord, DraftRecord

AnswerMode = Literal["spoken", "typed"]
Style = Literal["learning", "realistic"]

RATINGS: dict[int, str] = {1: "not shown", 2: "thin", 3: "clear", 4: "in depth"}
"""What a 1-4 rating of one cue means, shown beside the ratings."""
RECOMMENDATIONS: dict[int, str] = {1: "strong no", 2: "no", 3: "yes", 4: "strong yes"}
"""The overall recommendation, as hiring panels write it."""

DRAFT_PREFIX = MOCK_DRAFT_PREFIX
"""Drafts of mock notes are keyed `mock/<session>/<round>/<question>` (draft_keys.py)."""


class MockError(Exception):
    """The mock was asked for something its state does not allow."""


class Stopwatch:
    """The interviewer's clock: started, paused and reset by hand."""

    def __init__(self, clock: Callable[[], float], elapsed: float = 0.0) -> None:
        self.clock = clock
        self._banked = elapsed
        self._since: float | None = None

    @property
    def running(self) -> bool:
        return self._since is not None

    def elapsed(self) -> float:
        running = self.clock() - self._since if self._since is not None else 0.0
        return self._banked + running

    def start(self) -> None:
        if self._since is None:
            self._since = self.clock()

    def pause(self) -> None:
        if self._since is not None:
            self._banked = self.elapsed()
            self._since = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def reset(self) -> None:
        self._banked = 0.0
        self._since = None


@dataclass
class Focus:
    """What the candidate asked the interviewer to watch this round."""

    cues: list[str] = field(default_factory=list)
    """Cue names ("Success metrics"), matched by name in any rubric."""
    habits: list[str] = field(default_factory=list)
    """In the candidate's own words: "I ramble", "I skip metrics"."""

    @property
    def empty(self) -> bool:
        return not self.cues and not self.habits


@dataclass
class MockPlan:
    """Who, what and how. Build it with `make_mock_plan`."""

    people: tuple[str, str]
    """The two people; people[first_interviewer] interviews in round 1."""
    rounds: list[list[Question]]
    """The questions of each round, in order; roles swap between rounds."""
    level: Level
    answer_mode: AnswerMode = "spoken"
    style: Style = "realistic"
    first_interviewer: int = 0
    session_uid: str = field(default_factory=lambda: uuid.uuid4().hex)

    def interviewer(self, round_index: int) -> str:
        return self.people[(self.first_interviewer + round_index) % 2]

    def candidate(self, round_index: int) -> str:
        return self.people[(self.first_interviewer + round_index + 1) % 2]

    def to_context(self) -> dict:
        """The plan as JSON, kept with each notes draft so a killed mock can come back."""
        return {
            "people": list(self.people),
            "rounds": [[q.id for q in questions] for questions in self.rounds],
            "level": str(self.level),
            "answer_mode": self.answer_mode,
            "style": self.style,
            "first_interviewer": self.first_interviewer,
            "session": self.session_uid,
        }

    @classmethod
    def from_context(cls, context: Mapping, questions: Mapping[str, Question]) -> MockPlan | None:
        """The plan a draft was saved with, or None when its questions are gone."""
        try:
            rounds = [[questions[qid] for qid in ids] for ids in context["rounds"]]
            return cls(
                people=(context["people"][0], context["people"][1]),
                rounds=rounds,
                level=Level(context["level"]),
                answer_mode=context["answer_mode"],
                style=context["style"],
                first_interviewer=int(context["first_interviewer"]),
                session_uid=context["session"],
            )
        except (KeyError, IndexError, ValueError, TypeError):
            return None


def make_mock_plan(
    people: tuple[str, str],
    questions: Sequence[Question],
    *,
    per_round: int,
    rounds_per_person: int,
    level: Level,
    answer_mode: AnswerMode = "spoken",
    style: Style = "realistic",
    first_interviewer: int = 0,
    session_uid: str | None = None,
) -> MockPlan:
    """Deal `questions` out to the rounds, `per_round` each (both people answer
    `rounds_per_person` rounds); too few questions are dealt again from the start."""
    if not questions:
        raise MockError("a mock needs at least one question")
    total_rounds = 2 * rounds_per_person
    dealt = [questions[n % len(questions)] for n in range(per_round * total_rounds)]
    rounds = [dealt[r * per_round : (r + 1) * per_round] for r in range(total_rounds)]
    return MockPlan(
        people,
        rounds,
        level,
        answer_mode,
        style,
        first_interviewer,
        session_uid or uuid.uuid4().hex,
    )


@dataclass
class MockQuestion:
    """One question of a round: the interviewer's notes (or the candidate's typed
    answer), its latest grade, and the interviewer's calls on it."""

    question: Question
    rubric: Rubric
    stopwatch: Stopwatch
    notes: str = ""
    answer: str = ""
    """The candidate's typed answer, in typed mode."""
    result: GradeResult | None = None
    """The latest grade: of the notes (spoken) or of the answer (typed)."""
    graded_text: str = ""
    calls: dict[str, bool] = field(default_factory=dict)
    """The interviewer's call per cue: hit (true) or not; confirmed or overridden."""
    ratings: dict[str, int] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    recommendation: int | None = None
    attempt: AttemptRecord | None = None
    """The saved record, once the interviewer moved on."""
    saved: bool = False

    def grader_call(self, cue_id: str) -> bool:
        cue = self.result.cue(cue_id) if self.result else None
        return bool(cue and cue.hit)

    def call(self, cue_id: str) -> bool:
        """The interviewer's call, or the grader's while they have made none."""
        return self.calls.get(cue_id, self.grader_call(cue_id))

    def overrides(self) -> dict[str, bool]:
        """Calls that differ from the grader's: what FinalGrade applies."""
        return {cue: hit for cue, hit in self.calls.items() if hit != self.grader_call(cue)}

    def final(self) -> FinalGrade | None:
        if self.result is None:
            return None
        return final_grade(self.result, (), self.overrides())


@dataclass
class MockRound:
    number: int
    """From 1."""
    interviewer: str
    candidate: str
    questions: list[MockQuestion]
    focus: Focus = field(default_factory=Focus)
    focus_set: bool = False
    index: int = 0
    keep: str = ""
    stop: str = ""
    start: str = ""
    focus_notes: str = ""
    wrapped_up: bool = False

    @property
    def current(self) -> MockQuestion:
        return self.questions[self.index]

    @property
    def finished(self) -> bool:
        return all(q.attempt is not None for q in self.questions)

    @property
    def attempts(self) -> list[AttemptRecord]:
        return [q.attempt for q in self.questions if q.attempt is not None]


Saver = Callable[["AttemptRecord", "str | None"], bool]
"""Saves an attempt (dropping the draft with that key); says whether it was saved."""
FeedbackSaver = Callable[[str, int, dict[str, str]], None]
"""Writes a round's wrap-up (keep, stop, start, focus_notes) to its saved attempts."""


@dataclass(frozen=True)
class Suggestion:
    """The probe to ask next: the heaviest cue not heard yet."""

    cue_id: str
    label: str
    probe: str

    def text(self) -> str:
        return f"Not heard yet: {self.label.lower()} — ask: {self.probe}"


class MockSession:
    """One mock interview between two people. Not thread-safe except for `grade()`."""

    def __init__(
        self,
        plan: MockPlan,
        rubrics: Mapping[str, Rubric],
        *,
        clock: Callable[[], float],
        grader: Grader = real_grader,
        save: Saver | None = None,
        save_feedback: FeedbackSaver | None = None,
        start_round: int = 0,
        start_question: int = 0,
        notes: str = "",
        focus: Focus | None = None,
    ) -> None:
        if not plan.rounds or not all(plan.rounds):
            raise MockError("a mock needs questions in every round")
        self.plan = plan
        self.rubrics = rubrics
        self.clock = clock
        self.grader = grader
        self._save: Saver = save or (lambda attempt, draft_key: False)
        self._save_feedback: FeedbackSaver = save_feedback or (lambda uid, number, fields: None)
        self.rounds = [
            MockRound(
                number + 1,
                plan.interviewer(number),
                plan.candidate(number),
                [MockQuestion(q, rubrics[q.rubric], Stopwatch(clock)) for q in questions],
            )
            for number, questions in enumerate(plan.rounds)
        ]
        self.round_index = start_round
        self.round.index = start_question
        self.round.current.notes = notes
        if focus is not None:
            self.set_focus(focus)

    # --- where the mock is -------------------------------------------------------------------

    @property
    def round(self) -> MockRound:
        return self.rounds[self.round_index]

    @property
    def current(self) -> MockQuestion:
        return self.round.current

    @property
    def question(self) -> Question:
        return self.current.question

    @property
    def spoken(self) -> bool:
        return self.plan.answer_mode == "spoken"

    @property
    def learning(self) -> bool:
        return self.plan.style == "learning"

    @property
    def is_last_question(self) -> bool:
        return self.round.index + 1 >= len(self.round.questions)

    @property
    def is_last_round(self) -> bool:
        return self.round_index + 1 >= len(self.rounds)

    def progress(self) -> str:
        r = self.round
        return (
            f"Round {r.number} of {len(self.rounds)} · {r.interviewer} asks {r.candidate} · "
            f"question {r.index + 1} of {len(r.questions)}"
        )

    # --- the candidate's focus -----------------------------------------------------------------

    def set_focus(self, focus: Focus) -> None:
        self.round.focus = Focus([c for c in focus.cues if c.strip()], [h.strip() for h in focus.habits if h.strip()])
        self.round.focus_set = True

    def focus_cue_ids(self) -> set[str]:
        """The cues of the current question whose names the candidate asked to watch."""
        names = {name.casefold() for name in self.round.focus.cues}
        return {cue.id for cue in self.current.rubric.cues if cue.label.casefold() in names}

    # --- notes and grading -------------------------------------------------------------------

    @property
    def draft_key(self) -> str:
        return f"{DRAFT_PREFIX}{self.plan.session_uid}/{self.round.number}/{self.round.index}"

    def draft(self, notes: str) -> DraftRecord | None:
        """The notes to autosave, with all it takes to offer the mock back at this question."""
        from interviewcoach.store.records import DraftRecord

        self.current.notes = notes
        if not notes.strip() or self.current.attempt is not None:
            return None
        focus = self.round.focus
        return DraftRecord(
            key=self.draft_key,
            text=notes,
            question_id=self.question.id,
            context={
                "mock": self.plan.to_context(),
                "round": self.round_index,
                "question": self.round.index,
                "focus": {"cues": focus.cues, "habits": focus.habits},
            },
        )

    def in_progress(self) -> bool:
        """Whether leaving now would lose work: any question not saved yet."""
        return any(q.attempt is None for r in self.rounds for q in r.questions) and (
            self.round_index > 0 or self.round.index > 0 or bool(self.current.notes.strip() or self.current.answer)
        )

    def live(self, notes: str) -> Pending:
        """The notes so far, to grade for the live checklist (spoken mode)."""
        self.current.notes = notes
        return self._pending(notes, "coach")

    def submit_answer(self, text: str) -> Pending | None:
        """The candidate's typed answer (typed mode); None when blank."""
        if self.spoken:
            raise MockError("in spoken mode the interviewer's notes are graded, not an answer")
        if not text.strip():
            return None
        self.current.answer = text.strip()
        self.current.stopwatch.pause()
        return self._pending(self.current.answer, "answer")

    def _pending(self, text: str, kind: Literal["answer", "coach"]) -> Pending:
        return Pending(text.strip(), kind, self.question, self.current.rubric, self.plan.level)

    def grade(self, pending: Pending) -> GradeResult:
        """Grade pending text. Safe to call from a worker thread: reads only `pending`.
        The interviewer's notes are graded as notes: fragments, shorthand and lists are
        how notes are written, not faults of an answer."""
        return self.grader(pending.text, pending.rubric, pending.question, pending.level, notes=pending.kind == "coach")

    def graded(self, pending: Pending, result: GradeResult) -> bool:
        """Take a grade; False (and nothing changes) when it is stale: another question's,
        or notes when an answer is what counts."""
        current = self.current
        if current.attempt is not None or pending.question.id != current.question.id:
            return False
        if pending.kind == "coach" and not self.spoken:
            return False
        current.result = result
        current.graded_text = pending.text
        return True

    def cue_rows(self) -> list[CueResult]:
        return list(self.current.result.cues) if self.current.result else []

    def heard(self, cue_id: str) -> bool:
        return self.current.call(cue_id)

    def suggestion(self) -> Suggestion | None:
        """The probe for the heaviest cue not heard yet (focus cues first among equals)."""
        current = self.current
        focus = self.focus_cue_ids()
        weights = {cue.id: cue.weight for cue in current.result.cues} if current.result else {}
        waiting = [
            cue
            for cue in current.rubric.cues
            if (not current.question.focus_cues or cue.id in current.question.focus_cues) and not self.heard(cue.id)
        ]
        if not waiting:
            return None
        best = max(waiting, key=lambda cue: (weights.get(cue.id, cue.weight), cue.id in focus))
        return Suggestion(best.id, best.label, best.probes[0])

    # --- the interviewer's calls ---------------------------------------------------------------

    def _cue_ids(self) -> list[str]:
        return [cue.id for cue in self.current.rubric.cues]

    def confirm(self, cue_id: str) -> None:
        """Agree with the grader's call on a cue."""
        self.current.calls[cue_id] = self.current.grader_call(cue_id)

    def override(self, cue_id: str) -> None:
        """Call the cue the other way from the grader (again: back to the grader's)."""
        current = self.current
        grader = current.grader_call(cue_id)
        current.calls[cue_id] = grader if current.calls.get(cue_id, grader) != grader else not grader

    def rate(self, cue_id: str, rating: int) -> None:
        if rating not in RATINGS:
            raise MockError(f"a rating is 1 to 4, not {rating}")
        self.current.ratings[cue_id] = rating

    def comment(self, cue_id: str, text: str) -> None:
        if text.strip():
            self.current.comments[cue_id] = text.strip()
        else:
            self.current.comments.pop(cue_id, None)

    def recommend(self, value: int) -> None:
        if value not in RECOMMENDATIONS:
            raise MockError(f"a recommendation is 1 to 4, not {value}")
        self.current.recommendation = value

    # --- moving on ------------------------------------------------------------------------------

    def has_text(self) -> bool:
        """Whether there is something to grade: notes (spoken) or the answer (typed)."""
        return bool((self.current.notes if self.spoken else self.current.answer).strip())

    def grade_is_stale(self) -> bool:
        """Whether the notes changed since they were last graded."""
        current = self.current
        text = current.notes if self.spoken else current.answer
        return bool(text.strip()) and (current.result is None or current.graded_text != text.strip())

    def why_not_finish(self) -> str | None:
        """What is missing before the interviewer may move on, or None."""
        current = self.current
        text = current.notes if self.spoken else current.answer
        if not text.strip():
            return "Write some notes first." if self.spoken else "The candidate has not answered yet."
        if current.result is None or current.graded_text != text.strip():
            return "The checklist is still catching up with the notes; a moment."
        if current.recommendation is None:
            return "Give your overall recommendation first (1-4)."
        return None

    def finish_question(self) -> AttemptRecord:
        """Save the question with the interviewer's calls, ratings, comments and notes."""
        problem = self.why_not_finish()
        if problem:
            raise MockError(problem)
        current = self.current
        current.stopwatch.pause()
        current.attempt = self.attempt()
        current.saved = self._save(current.attempt, self.draft_key)
        return current.attempt

    def attempt(self) -> AttemptRecord:
        from interviewcoach.store.records import AttemptRecord, PeerDetails

        current = self.current
        assert current.result is not None
        r = self.round
        record = AttemptRecord.of(
            current.result,
            current.graded_text,
            current.rubric,
            current.question,
            self.plan.level,
            session_uid=self.plan.session_uid,
            time_taken_s=round(current.stopwatch.elapsed(), 1),
        )
        peer = PeerDetails(
            candidate=r.candidate,
            interviewer=r.interviewer,
            round=r.number,
            answer_mode=self.plan.answer_mode,
            style=self.plan.style,
            recommendation=current.recommendation,
            comments=dict(current.comments),
            grader_calls={cue.id: cue.hit for cue in current.result.cues},
            focus_cues=list(r.focus.cues),
            habits=list(r.focus.habits),
            clock_s=round(current.stopwatch.elapsed(), 1),
        )
        return record.model_copy(
            update={
                # In typed mode the notes are the interviewer's, beside the answer.
                "notes": current.notes.strip() or None,
                "overrides": current.overrides(),
                "ratings": dict(current.ratings),
                "peer": peer,
            }
        )

    def next_question(self) -> bool:
        """On to the round's next question; False after its last (time to wrap up)."""
        if self.current.attempt is None:
            raise MockError("finish this question first")
        if self.is_last_question:
            return False
        self.round.index += 1
        return True

    # --- wrap-up and swap ---------------------------------------------------------------------

    def suggestions(self) -> tuple[str, str, str]:
        """Keep, stop and start, suggested from the round's cues and ratings."""
        return suggest_keep_stop_start(self.round.attempts, self.rubrics)

    def focus_summary(self) -> str:
        return focus_summary(self.round.attempts, self.round.focus)

    def wrap_up(self, keep: str, stop: str, start: str, focus_notes: str) -> None:
        r = self.round
        r.keep, r.stop, r.start, r.focus_notes = keep.strip(), stop.strip(), start.strip(), focus_notes.strip()
        r.wrapped_up = True
        fields = {"keep": r.keep, "stop": r.stop, "start": r.start, "focus_notes": r.focus_notes}
        for question in r.questions:
            if question.attempt is not None and question.attempt.peer is not None:
                peer = question.attempt.peer.model_copy(update=fields)
                question.attempt = question.attempt.model_copy(update={"peer": peer})
        self._save_feedback(self.plan.session_uid, r.number, fields)

    def swap(self) -> bool:
        """Swap roles: on to the next round; False after the last."""
        if not self.round.wrapped_up:
            raise MockError("wrap up this round first")
        if self.is_last_round:
            return False
        self.round_index += 1
        return True

    def report(self) -> str:
        """The round's report, as Markdown."""
        return render_round(self.round.attempts)

    def summary(self) -> list[PersonSummary]:
        """For both people after the last round: how each did as candidate."""
        return summarise(a for r in self.rounds for a in r.attempts)


# --- reports: plain functions of saved attempts, so `interviewcoach report` reads the same --


@dataclass(frozen=True)
class PersonSummary:
    name: str
    questions: int
    average: float
    recommendations: list[int]
    strongest: list[str]
    weakest: list[str]


def summarise(attempts) -> list[PersonSummary]:
    by_person: dict[str, list[AttemptRecord]] = {}
    for attempt in attempts:
        if attempt.peer is not None:
            by_person.setdefault(attempt.peer.candidate, []).append(attempt)
    rows = []
    for name, mine in by_person.items():
        hits: dict[str, int] = {}
        seen: dict[str, int] = {}
        for attempt in mine:
            final = attempt.final
            for cue in final.cues:
                seen[cue.label] = seen.get(cue.label, 0) + 1
                hits[cue.label] = hits.get(cue.label, 0) + final.is_hit(cue.id)
        order = sorted(seen, key=lambda label: hits[label] / seen[label])
        rows.append(
            PersonSummary(
                name,
                len(mine),
                sum(a.final.score for a in mine) / len(mine),
                [a.peer.recommendation for a in mine if a.peer and a.peer.recommendation],
                [label for label in reversed(order) if hits[label] == seen[label]][:3],
                [label for label in order if hits[label] < seen[label]][:3],
            )
        )
    return rows


def suggest_keep_stop_start(attempts: Sequence[AttemptRecord], rubrics: Mapping[str, Rubric]) -> tuple[str, str, str]:
    keep: dict[str, str] = {}
    stop: dict[str, str] = {}
    start: dict[str, str] = {}
    for attempt in attempts:
        final = attempt.final
        comments = attempt.peer.comments if attempt.peer else {}
        rubric = rubrics.get(attempt.rubric_id)
        for cue in final.cues:
            rating = attempt.ratings.get(cue.id)
            note = f" ({comments[cue.id]})" if cue.id in comments else ""
            if final.is_hit(cue.id) and (rating is None or rating >= 3):
                keep.setdefault(cue.label, f"- {cue.label}: it came through{note}.")
            elif final.is_hit(cue.id):
                stop.setdefault(
                    cue.label, f"- Skimming {cue.label.lower()}: it came up, but thinly (rated {rating}){note}."
                )
            elif cue.id in final.overrides and not final.overrides[cue.id]:
                stop.setdefault(cue.label, f"- Naming {cue.label.lower()} without backing it up{note}.")
            else:
                rubric_cue = rubric.cue(cue.id) if rubric else None
                tip = rubric_cue.tip if rubric_cue else (cue.tip or f"Show {cue.label.lower()}.")
                start.setdefault(cue.label, f"- {cue.label}: {tip}{note}")
    for label in list(keep):
        if label in start or label in stop:
            keep.pop(label)  # mixed across questions: the weaker advice wins
    return "\n".join(keep.values()), "\n".join(stop.values()), "\n".join(start.values())


def focus_summary(attempts: Sequence[AttemptRecord], focus: Focus) -> str:
    lines = []
    for name in focus.cues:
        shown = rated = 0
        ratings: list[int] = []
        for attempt in attempts:
            final = attempt.final
            for cue in final.cues:
                if cue.label.casefold() == name.casefold():
                    rated += 1
                    shown += final.is_hit(cue.id)
                    if cue.id in attempt.ratings:
                        ratings.append(attempt.ratings[cue.id])
        if not rated:
            lines.append(f"- {name}: not part of these questions' rubrics.")
            continue
        rating = f", rated {'/'.join(map(str, ratings))}" if ratings else ""
        lines.append(f"- {name}: shown in {shown} of {rated} question{'s' if rated != 1 else ''}{rating}.")
    lines.extend(f'- "{habit}": ' for habit in focus.habits)
    return "\n".join(lines)


def _table_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_round(attempts: Sequence[AttemptRecord]) -> str:
    """One round of a mock as Markdown: focus first, then each question with every cue's
    grader call, interviewer's call, rating and comment, where they disagree,
    keep/stop/start, the recommendation, the timing and the calibration line."""
    from interviewcoach.durations import clock_text

    peers = [a.peer for a in attempts if a.peer is not None]
    if not peers:
        return ""
    first = peers[0]
    out = [f"## Round {first.round}: {first.interviewer} interviews {first.candidate}", ""]
    out += [
        f"Answers {'spoken; graded from the interviewer’s notes' if first.answer_mode == 'spoken' else 'typed by the candidate'}"
        f", {first.style} style.",
        "",
    ]
    out += ["### The candidate's focus", ""]
    if first.focus_cues or first.habits:
        if first.focus_cues:
            out.append("Watching: " + ", ".join(first.focus_cues) + ".")
        if first.habits:
            out.append("Habits: " + "; ".join(f'"{h}"' for h in first.habits) + ".")
        out.append("")
        out.append(first.focus_notes or focus_summary(attempts, Focus(first.focus_cues, first.habits)))
    else:
        out.append("No focus named.")
    out.append("")
    agreed = calls = 0
    disagreed_labels: list[str] = []
    for number, attempt in enumerate(attempts, start=1):
        peer = attempt.peer
        assert peer is not None
        final = attempt.final
        out += [
            f"### Question {number}: {attempt.question_id or attempt.rubric_id}",
            "",
            f"> {attempt.question_text}",
            "",
        ]
        recommendation = (
            f"{peer.recommendation} ({RECOMMENDATIONS[peer.recommendation]})" if peer.recommendation else "none"
        )
        timing = clock_text(attempt.time_taken_s or 0)
        limit = f" of {clock_text(attempt.time_limit_s)}" if attempt.time_limit_s else ""
        out += [
            f"Score {final.headline()} · recommendation {recommendation} · time {timing}{limit}",
            "",
            "| cue | grader | interviewer | rating | comment |",
            "|---|---|---|---|---|",
        ]
        disagreements = []
        for cue in final.cues:
            grader = peer.grader_calls.get(cue.id, cue.hit)
            mine = final.is_hit(cue.id)
            calls += 1
            if mine == grader:
                agreed += 1
            else:
                disagreements.append(cue.label)
                disagreed_labels.append(cue.label)
            rating = attempt.ratings.get(cue.id)
            out.append(
                f"| {cue.label} | {'hit' if grader else 'missed'} | {'hit' if mine else 'missed'}"
                f"{' ≠' if mine != grader else ''} | {f'{rating} ({RATINGS[rating]})' if rating else '-'} | "
                f"{_table_cell(peer.comments.get(cue.id, ''))} |"
            )
        out.append("")
        if disagreements:
            out += [f"Where they disagree: {', '.join(disagreements)}.", ""]
        else:
            out += ["The interviewer and the grader agree on every cue.", ""]
        kind = "Notes" if peer.answer_mode == "spoken" else "Answer"
        out += [f"{kind}:", "", "```", attempt.answer, "```", ""]
        if peer.answer_mode == "typed" and attempt.notes:
            out += ["Interviewer's notes:", "", "```", attempt.notes, "```", ""]
    out += ["### Feedback", ""]
    for title, text in (("Keep doing", first.keep), ("Stop doing", first.stop), ("Start doing", first.start)):
        out += [f"**{title}**", "", text or "-", ""]
    total = sum(a.time_taken_s or 0 for a in attempts)
    out.append(f"Timing: {clock_text(total)} over {len(attempts)} question{'s' if len(attempts) != 1 else ''}.")
    out.append("")
    rate = agreed / calls if calls else 1.0
    line = f"Calibration: the interviewer's calls agreed with the grader's on {agreed} of {calls} cues ({rate:.0%})"
    line += f"; disagreed on {', '.join(dict.fromkeys(disagreed_labels))}." if disagreed_labels else "."
    out.append(line)
    return "\n".join(out) + "\n"


def render_mock(attempts: Sequence[AttemptRecord]) -> str:
    """A whole mock (every round) as Markdown, with the summary for both people."""
    rounds: dict[int, list[AttemptRecord]] = {}
    for attempt in attempts:
        if attempt.peer is not None:
            rounds.setdefault(attempt.peer.round, []).append(attempt)
    if not rounds:
        return ""
    people = summarise(attempts)
    out = ["# Mock interview: " + " and ".join(p.name for p in people), ""]
    for person in people:
        recommendations = ", ".join(RECOMMENDATIONS[r] for r in person.recommendations) or "none"
        out.append(
            f"- {person.name}: {person.questions} question{'s' if person.questions != 1 else ''}, "
            f"average {person.average:.0f}; recommendations: {recommendations}"
            + (f"; strongest: {', '.join(person.strongest)}" if person.strongest else "")
            + (f"; to work on: {', '.join(person.weakest)}" if person.weakest else "")
        )
    out.append("")
    for number in sorted(rounds):
        out.append(render_round(rounds[number]))
    return "\n".join(out)


def report_path(session_uid: str) -> Path:
    """Where a mock's report is kept: the data folder's `reports/`, one file per mock."""
    from interviewcoach import locations

    return locations.data_dir() / "reports" / f"mock-{session_uid[:12]}.md"


def save_report(session_uid: str, markdown: str) -> Path:
    """Write (or rewrite, as rounds are added) a mock's report; returns its path."""
    from interviewcoach import locations
    from interviewcoach.files import write_atomically

    path = report_path(session_uid)
    locations.ensure_private_dir(path.parent)
    return write_atomically(path, markdown)
