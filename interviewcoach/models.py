"""The pydantic models of question banks and rubrics: the TOML files' schema."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from interviewcoach.enums import Category, Level, Stage

__all__ = ["Category", "Level", "Stage", "Cue", "Rubric", "Question", "QuestionBank", "question_for_prompt"]


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64),
]
"""Question, rubric and tag ids: lowercase letters, digits and hyphens."""
CueId = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
"""Cue ids are snake_case so they read well as JSON keys in graded output."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


def _no_repeats(values: list) -> list:
    seen = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{str(value)!r} is listed twice")
        seen.add(value)
    return values


class Cue(_Model):
    """One thing a strong answer does, and the words that show it was done."""

    id: CueId
    label: Text
    """Short name shown in checklists, e.g. "Customer focus"."""
    description: Text
    """One line on what earns the cue."""
    weight: float = Field(default=1.0, gt=0, le=10)
    """How much the cue counts towards the score, relative to the rubric's other cues."""
    phrases: list[Text] = Field(min_length=1)
    """Phrases and keywords that evidence the cue, with synonyms and paraphrases.
    Matched on word stems, a word or two may stand between their words, and these
    placeholders stand for a word of a kind: `{number}` (12, 40%, three), `{past}` (a
    past-tense verb: "i {past}"), `{name}` (a capitalised name), `*` (any one word)."""
    weak_phrases: list[Text] = []
    """Words that hint at the cue in passing ("users"): each counts a little, so several
    are needed where one of `phrases` would do."""
    excluded_phrases: list[Text] = []
    """Phrases that must not count even though they contain a cue phrase (e.g. negated forms)."""
    tip: Text
    """Coaching shown when the cue is missed: what to do and why interviewers care."""
    probes: list[Text] = Field(min_length=1)
    """Follow-up questions an interviewer asks to draw the cue out."""
    level_weights: dict[Level, Annotated[float, Field(gt=0, le=10)]] = {}
    """Multiplies `weight` for questions at these levels: rollout and alignment matter
    more for a director than for an APM."""
    note_labels: list[Text] = []
    """How interviewers label this cue in notes typed while listening ("S", "sit",
    "seg", "m"): in notes, what follows "label:" on its line shows the cue, unless the
    interviewer wrote it off ("R: none", "m: vague")."""
    beyond_prompt: bool = False
    """Evidence must go beyond the question's own words: answering "design for deaf
    customers" with "deaf customers" restates the group asked about, it does not choose
    one within it."""
    event: bool = True
    """In a story, evidence of this cue is something that happened: a sentence with no
    past-tense verb counts less. Off for context ("I look after the booking app at a
    small company") and for cues conditional by nature."""
    abstract: bool = False
    """The cue is said in general words by nature ("it fell to me to decide what to
    ship", "next time I'd raise it sooner"): a sentence that names nothing specific is not
    discounted for it, as it is for cues whose evidence should be concrete."""
    conditional: bool = False
    """The cue is conditional by nature (reflection: "next time I would..."; options:
    "we could build or buy"): hedges and "I would" don't weaken its evidence, as they
    do for what was done (action, result, rollout steps)."""
    essential: bool = False
    """Without this cue the answer is no answer of its kind (a story with nothing the
    candidate did): however much else it shows, its score stays under ESSENTIAL_CAP."""


class Rubric(_Model):
    """A rubric file: the cues an answer is graded against."""

    id: Slug
    title: Text
    description: Text
    version: int = Field(default=1, ge=1)
    """Bumped whenever cues change, so saved attempts record what they were graded with."""
    answer_kind: Literal["case", "story"] = "case"
    """"story" for answers about what the candidate did (behavioural): there, "I would…"
    is a hypothetical and counts less than "I did…"."""
    cues: list[Cue] = Field(min_length=1)

    def cue(self, cue_id: str) -> Cue | None:
        return next((cue for cue in self.cues if cue.id == cue_id), None)


class Question(_Model):
    """One interview question and what a strong answer to it covers."""

    id: Slug
    """Stable id: history refers to it, so it never changes once published."""
    prompt: Text
    category: Category
    rubric: Slug
    """The id of the rubric the answer is graded with."""
    levels: list[Level] = Field(min_length=1)
    """The PM levels this question suits."""
    stage: Stage = Stage.ANY
    """The company stage the question is written for."""
    time_limit_s: int = Field(default=300, ge=30, le=3600)
    """Seconds the candidate has to answer."""
    follow_ups: list[Text] = []
    """Questions an interviewer asks after the first answer."""
    outline: list[Text] = []
    """What a strong answer covers, shown after grading."""
    tags: list[Slug] = []
    extra_phrases: dict[CueId, list[Text]] = {}
    """Question-specific phrases that also evidence a rubric cue, keyed by cue id."""
    focus_cues: list[CueId] = []
    """The rubric cues this question asks about; empty means all. A focused question
    ("how would you keep your best PMs?") is scored on those cues only."""

    _unique_levels = field_validator("levels", "tags", "focus_cues")(_no_repeats)


PROMPT_QUESTION_ID = "prompt"
"""The id of a question made from a prompt alone (grade --prompt)."""


def question_for_prompt(prompt: str, rubric: Rubric) -> Question:
    """A question that is only its prompt, graded with `rubric`: for grading an answer to
    a question that is in no bank (`grade --prompt`). Relevance is judged from the prompt
    alone, and a behavioural prompt's theme from its own words."""
    known = {category.value for category in Category}
    if rubric.id in known:
        category = Category(rubric.id)
    else:
        category = Category.BEHAVIOURAL if rubric.answer_kind == "story" else Category.PRODUCT_DESIGN
    return Question(id=PROMPT_QUESTION_ID, prompt=prompt, category=category, rubric=rubric.id, levels=list(Level))


class QuestionBank(_Model):
    """A question-bank file."""

    title: Text | None = None
    description: Text | None = None
    questions: list[Question] = Field(min_length=1)
