"""The interviewer's side of a practice session, without any screen: which questions to
ask, what to say, which probe to ask next and when to stop. (final_grade.py merges the
replies into the grade.)

Wording varies from question to question but is fixed by a seed, so a session (and a
test) can be replayed exactly."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from interviewcoach.banks import Library
from interviewcoach.durations import minutes_text
from interviewcoach.final_grade import FinalGrade, final_grade
from interviewcoach.grading.result import GradeResult
from interviewcoach.models import Category, Level, Question, Rubric, Stage
from interviewcoach.settings import PracticeSetup


def choose_questions(
    library: Library,
    setup: PracticeSetup,
    seed: int,
    practised: Iterable[str] = (),
    cue_rates: dict[tuple[str, str], float] | None = None,
) -> list[Question]:
    """The questions for a session, in the order the setup asks for.

    `practised` are question ids already answered (for "new"); `cue_rates` maps
    (rubric id, cue id) to the user's hit rate (for "weakest")."""
    level = Level(setup.level)
    candidates = [
        q
        for q in library.questions.values()
        if level in q.levels
        and (setup.category == "any" or q.category == Category(setup.category))
        and (setup.stage == Stage.ANY or q.stage in (Stage(setup.stage), Stage.ANY))
    ]
    if not candidates:
        return []
    rng = random.Random(seed)
    rng.shuffle(candidates)
    if setup.order == "new":
        done = set(practised)
        candidates.sort(key=lambda q: q.id in done)  # stable: shuffled order within each group
    elif setup.order == "weakest":
        rates = cue_rates or {}

        def weakness(question: Question) -> float:
            rubric = library.rubrics[question.rubric]
            return min((rates.get((rubric.id, cue.id), 0.5) for cue in rubric.cues), default=0.5)

        candidates.sort(key=weakness)
    if setup.stage != Stage.ANY:
        # Questions written for the chosen stage first; "any company" ones only fill up.
        candidates.sort(key=lambda q: q.stage == Stage.ANY)  # stable: the order above within each
    return candidates[: setup.questions]


def questions_for_cue(library: Library, rubric_id: str, level: Level) -> list[Question]:
    """Questions graded with the rubric that holds a cue: what "drill it" asks."""
    found = [q for q in library.questions.values() if q.rubric == rubric_id and level in q.levels]
    return found or [q for q in library.questions.values() if q.rubric == rubric_id]


@dataclass(frozen=True)
class Probe:
    text: str
    cue: str | None
    """The cue it tries to draw out; None for a question's own follow-up."""


_OPENINGS = [
    "Here's the first one. {prompt}",
    "Let's start with this. {prompt}",
    "Okay, first question. {prompt}",
]
_NEXT = [
    "Next question. {prompt}",
    "Let's move on. {prompt}",
    "Here's another one. {prompt}",
]
_RESUMED = [
    "Let's pick up where you left off. {prompt}",
    "Back to where we stopped. {prompt}",
]
_RETRY = [
    "Let's try that one again. {prompt}",
    "Same question, another go. {prompt}",
]
_TIME = [
    "You have {minutes}.",
    "Take up to {minutes}.",
    "Aim to finish within {minutes}.",
]
_PRAISE = [
    "Thanks. I liked {strengths}.",
    "Good. {strengths_cap} came through clearly.",
    "Thank you; {strengths} stood out.",
]
_NO_PRAISE = [
    "Thanks for that.",
    "Okay, thank you.",
    "Thanks. Let me dig in a little.",
]
_PROBE_LEAD = [
    "Let me push on one thing: {probe}",
    "A follow-up: {probe}",
    "I'd like to hear more here. {probe}",
]
NOT_AN_ANSWER = ("insufficient", "off-question")
"""Verdicts on text that is not read as an answer to the question: it is not probed."""
_ASK_AGAIN = [
    "{reason} Could you give me a real answer to the question?",
    "{reason} Take another go and answer the question itself.",
]
_STILL_NOT = "{reason} Let's stop there and look at the feedback; you can retry from it."
_CLOSING = [
    "That's all I wanted to ask. Let's look at how it went.",
    "Thanks, that's enough for this one. Here's the feedback.",
    "Good, let's stop there and go through it.",
]


@dataclass
class QuestionTurn:
    """The conversation about one question: the answer, then up to N probes."""

    question: Question
    rubric: Rubric
    max_probes: int
    seed: int
    first: bool = True
    result: GradeResult | None = None
    probes: list[Probe] = field(default_factory=list)
    probe_results: list[GradeResult] = field(default_factory=list)
    asked_again: bool = False
    """Whether the interviewer already asked for a real answer to this question."""
    answer_text: str = ""
    """The answer as sent: a follow-up it already addresses is not asked."""

    def __post_init__(self) -> None:
        self._rng = random.Random(f"{self.seed}:{self.question.id}")

    def _pick(self, options: Sequence[str]) -> str:
        return self._rng.choice(options)

    def opening(self, timed: bool, resumed: bool = False, retry: bool = False) -> str:
        lines = _RESUMED if resumed else _RETRY if retry else _OPENINGS if self.first else _NEXT
        text = self._pick(lines).format(prompt=self.question.prompt)
        if timed:
            text += " " + self._pick(_TIME).format(minutes=minutes_text(self.question.time_limit_s))
        return text

    def ask_again(self, result: GradeResult) -> str | None:
        """When the answer is not read as an answer (too short, not English, another
        question's), what the interviewer says to ask for a real one instead of probing:
        once per question. None otherwise."""
        if result.verdict not in NOT_AN_ANSWER or self.asked_again:
            return None
        self.asked_again = True
        return self._pick(_ASK_AGAIN).format(reason=_reason(result))

    def react(self, result: GradeResult) -> tuple[str, Probe | None]:
        """What the interviewer says after the answer: brief praise, then a probe; for
        something that is not an answer, why not, and no probe."""
        self.result = result
        if result.verdict in NOT_AN_ANSWER:
            return _STILL_NOT.format(reason=_reason(result)), None
        strong = [cue.label.lower() for cue in result.cues if cue.hit][:2]
        if strong:
            joined = " and ".join(strong)
            praise = self._pick(_PRAISE).format(strengths=f"your {joined}", strengths_cap=f"Your {joined}")
        else:
            praise = self._pick(_NO_PRAISE)
        probe = self.next_probe()
        if probe is None:
            return f"{praise} {self._pick(_CLOSING)}", None
        return f"{praise} {self._pick(_PROBE_LEAD).format(probe=probe.text)}", probe

    def next_probe(self) -> Probe | None:
        """The probe for the most important cue still missing, if probes remain.
        Each cue is probed once; the question's own follow-ups come after."""
        if len(self.probes) >= self.max_probes or self.result is None:
            return None
        final = self.final()
        asked = {p.cue for p in self.probes} | {p.text for p in self.probes}
        missing = sorted(
            (cue for cue in final.cues if not final.is_hit(cue.id) and cue.id not in asked),
            key=lambda cue: (-cue.weight, cue.strength),
        )
        for cue in missing:
            rubric_cue = self.rubric.cue(cue.id)
            if rubric_cue and rubric_cue.probes:
                text = self._pick(rubric_cue.probes)
                probe = Probe(text, cue.id)
                self.probes.append(probe)
                return probe
        for follow_up in self.question.follow_ups:
            if follow_up not in asked and not addressed(follow_up, self.answer_text, self.question.prompt):
                probe = Probe(follow_up, None)
                self.probes.append(probe)
                return probe
        return None

    def closing(self) -> str:
        """What the interviewer says when the questions about this answer are over."""
        return self._pick(_CLOSING)

    def after_probe(self, result: GradeResult) -> tuple[str, Probe | None]:
        self.probe_results.append(result)
        probe = self.next_probe()
        if probe is None:
            return self._pick(_CLOSING), None
        return self._pick(_PROBE_LEAD).format(probe=probe.text), probe

    def final(self) -> FinalGrade:
        """The grade so far: the answer's, with the replies to probes merged in."""
        assert self.result is not None
        return final_grade(self.result, self.probe_results)


_WORD = re.compile(r"[a-z][a-z'-]+")
_FILLER = frozenset(
    "a an and are as at be but by can could did do does first for from get had has have how i if in into is it "
    "its of on or our so than that the their them then there they this to up us was we were what when where "
    "which who whom why will with would you your".split()
)
_REASONS = ("because", "since", "so that", "due to", "reason", "which means", "as a result")


def _stems(text: str) -> set[str]:
    """Content words cut to their first four letters: "gives" and "give" meet."""
    return {word[:4] for word in _WORD.findall(text.lower()) if word not in _FILLER and len(word) > 2}


def addressed(follow_up: str, answer: str, prompt: str = "") -> bool:
    """Whether the answer already covers a follow-up: every content word the follow-up
    adds to the question is in the answer, and a "why" is met with a reason. Asking it
    anyway tells the candidate the interviewer was not listening."""
    asks = _stems(follow_up) - _stems(prompt)
    if not asks or not answer.strip():
        return False
    if not asks <= _stems(answer):
        return False
    lowered = answer.lower()
    return "why" not in _WORD.findall(follow_up.lower()) or any(reason in lowered for reason in _REASONS)


def _reason(result: GradeResult) -> str:
    """Why an answer is not read as one, as the interviewer says it."""
    if result.lead_notes:
        note = result.lead_notes[0].strip()
        return note if note.endswith((".", "!", "?")) else note + "."
    if result.verdict == "off-question":
        return "That doesn't answer the question I asked."
    return "That isn't enough for me to go on."


def speaking_minutes(words: int, words_per_minute: int = 130) -> float:
    """About how long the answer would take to say out loud."""
    return words / words_per_minute


LONG_FACTOR = 1.2
"""An answer that would take this many times its limit to say is flagged as too long."""
SHORT_SHARE = 0.2
"""An answer that would take under this share of its limit to say is flagged as thin."""


def length_note(words: int, limit_s: int | None, taken_s: float | None = None) -> str | None:
    """What the feedback says about the answer's length against its time limit, if
    anything: spoken at about 130 words a minute, would it fit?"""
    if not limit_s:
        return None
    spoken_s = speaking_minutes(words) * 60
    limit = minutes_text(limit_s)
    if spoken_s > limit_s * LONG_FACTOR:
        per = f"{limit_s // 60}-minute" if limit_s % 60 == 0 else minutes_text(limit_s)
        return (
            f"About {round(spoken_s / 60)} minutes spoken against a {per} limit: an interviewer would "
            "stop you long before the end. Lead with your strongest points and cut the rest."
        )
    if words >= 20 and spoken_s < limit_s * SHORT_SHARE:
        spoken = "Under a minute" if spoken_s < 60 else f"About {minutes_text(round(spoken_s / 60) * 60)}"
        return f"{spoken} spoken of {limit}: room to go deeper on what you chose."
    if taken_s is not None and taken_s > limit_s * LONG_FACTOR:
        return f"You took {round(taken_s / 60)} minutes of {limit}; practise getting to your points sooner."
    return None


def changed_marks(previous: FinalGrade, current: FinalGrade) -> list[tuple[str, str, str]]:
    """Cues whose mark moved between two attempts (✓ hit, ↺ only when asked, ✗ missed),
    as (cue id, mark before, mark now), in rubric order."""
    return [
        (cue.id, previous.mark(cue.id), current.mark(cue.id))
        for cue in current.cues
        if previous.mark(cue.id) != current.mark(cue.id)
    ]


def compare(previous: FinalGrade, current: FinalGrade) -> tuple[int, list[str], list[str]]:
    """Score change, cues gained and cues lost between two attempts at one question."""
    before, after = set(previous.hits), set(current.hits)
    order = [c.id for c in current.cues]
    return (
        current.score - previous.score,
        [c for c in order if c in after - before],
        [c for c in order if c in before - after],
    )
