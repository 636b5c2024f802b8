"""A story's grade: the behavioural rubric through the public grader, and a short list
of what would make the story stronger, read off the grade's own findings (missed and
thin cues, the grader's notes) plus two checks of the story's words that the grader
does not make: a result with no number in it, and a story told as "we"."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, get_args

from interviewcoach.final_grade import FinalGrade, final_grade
from interviewcoach.grading.result import Verdict

if TYPE_CHECKING:
    from interviewcoach.banks import Library
    from interviewcoach.grading.result import GradeResult
    from interviewcoach.models import Rubric
    from interviewcoach.stories.shelf import SavedStory

StoryGrader = Callable[..., "GradeResult"]
"""`grading.grade_answer`, or a fixed grade in tests: (text, rubric) -> GradeResult."""

STORY_RUBRIC = "behavioural"
GOOD_VERDICTS = frozenset({"strong", "solid"})
"""Verdicts of a story that answers its themes well; below them a story is a weak answer."""
THIN_UP_TO = 0.55
"""A cue hit with this strength or less was shown by one general sentence: the grader
gives one vague sentence 0.5, just a hit, and adds for specifics and further sentences."""
MAX_TIPS = 6
VERDICT_WIDTH = max(len(verdict) for verdict in get_args(Verdict))
"""The longest verdict word ("insufficient"): every face sizes a verdict's column to it."""

_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"hundred|hundreds|thousand|thousands|million|millions|half|halved|third|quarter|double|doubled|tripled|"
    r"tenfold|percent|per cent)\b",
    re.IGNORECASE,
)
_I = re.compile(r"\b(i|i'm|i've|i'd|i'll|me|my|myself)\b", re.IGNORECASE)
_WE = re.compile(r"\b(we|we're|we've|we'd|we'll|us|our|ourselves)\b", re.IGNORECASE)


@dataclass(frozen=True)
class StoryGrade:
    """What a story earns: the grade as feedback shows it, and what would make it stronger."""

    story_id: str
    text: str
    """The story's text as graded (`Story.text()`): the evidence points into it."""
    final: FinalGrade
    tips: tuple[str, ...]

    @property
    def score(self) -> int:
        return self.final.score

    @property
    def verdict(self) -> str:
        return self.final.verdict

    @property
    def good(self) -> bool:
        """Strong or solid: good enough to answer a theme with."""
        return self.final.verdict in GOOD_VERDICTS


def story_rubric(library: Library) -> Rubric | None:
    """The rubric stories are graded with: the behavioural rubric, or (in a library
    without it) the rubric of the first behavioural question."""
    rubric = library.rubrics.get(STORY_RUBRIC)
    if rubric is not None:
        return rubric
    from interviewcoach.stories.themes import is_behavioural

    question = next((q for q in library.questions.values() if is_behavioural(q)), None)
    return library.rubrics.get(question.rubric) if question else None


def grade_story(saved: SavedStory, rubric: Rubric, grader: StoryGrader | None = None) -> StoryGrade:
    """Grade a story as a behavioural answer to no one question (its relevance to a
    question is judged when it is told in practice)."""
    if grader is None:
        from interviewcoach.grading import grade_answer

        grader = grade_answer
    text = saved.story.text()
    result = grader(text, rubric)
    return StoryGrade(saved.id, text, final_grade(result), tuple(stronger_tips(result, text)))


def stronger_tips(result: GradeResult, text: str) -> list[str]:
    """What would make the story stronger, most important first: why it is not read as
    a story at all, each missed cue (heaviest first), a story told as "we", a result
    with no number, each cue shown thinly, then the grader's other notes."""
    tips = [*result.lead_notes]
    missed = sorted((cue for cue in result.cues if not cue.hit), key=lambda cue: -cue.weight)
    tips.extend(f"No {cue.label.lower()}: {_first_sentence(cue.tip)}" for cue in missed if cue.tip)
    if told_as_we(text):
        tips.append(
            'The task reads as the team\'s, not yours: you say "we" more than "I". Say what you did and decided.'
        )
    result_cue = result.cue("result")
    if result_cue is not None and result_cue.hit and not result_has_number(result_cue.evidence):
        tips.append("No number in the result: say how much changed (retention up 4 points, two weeks saved).")
    tips.extend(
        f"{cue.label} is thin: one general sentence. Say more, and name something specific: who, what, how many."
        for cue in result.cues
        if cue.hit and cue.strength <= THIN_UP_TO
    )
    tips.extend(note for note in result.notes if note not in result.lead_notes)
    return tips[:MAX_TIPS]


def told_as_we(text: str) -> bool:
    """The story says "we" (us, our) more than "I" (me, my), at least twice: the
    interviewer cannot tell what the candidate did."""
    we = len(_WE.findall(text))
    return we >= 2 and we > len(_I.findall(text))


def result_has_number(evidence) -> bool:
    """Whether any sentence that shows the result has a number in it (digits or words)."""
    return any(_NUMBER.search(item.sentence) for item in evidence)


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    end = re.search(r"(?<=[.!?])\s", flat)
    return flat[: end.start()] if end else flat


def grade_stories(
    stories: list[SavedStory], rubric: Rubric, grader: StoryGrader | None = None
) -> dict[str, StoryGrade]:
    """Every story's grade, by story id."""
    return {saved.id: grade_story(saved, rubric, grader) for saved in stories}
