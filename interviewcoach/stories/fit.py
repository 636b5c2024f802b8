"""Which stories fit a question best: the themes they share with it, then how much of
the question's own words their title and text use, forgiving word forms and typos
("disagreed" and "disagreement", "prioritise" and "priorities") with rapidfuzz."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from interviewcoach.stories.themes import question_themes

if TYPE_CHECKING:
    from interviewcoach.models import Question
    from interviewcoach.stories.grade import StoryGrade
    from interviewcoach.stories.shelf import SavedStory

THEME_WEIGHT, TITLE_WEIGHT, TEXT_WEIGHT = 0.6, 0.25, 0.15
"""What each signal counts for in a fit: a story tagged with the question's theme
answers it whatever words it uses; its title is what the user named it for."""
WORD_LIKENESS = 75
"""rapidfuzz ratio from which two words of five letters or more are one word in two
forms ("failed"/"failure" 77, "engineer"/"engineering" 84)."""

_WORD = re.compile(r"[a-z][a-z'-]*")
_NOT_CONTENT = frozenset(
    """tell about time when what which your you yours have been were with this that them they
    there their from into give describe example share walk through most ever last would could
    should something someone made make did does doing done how why where who whom while had""".split()
)


@dataclass(frozen=True)
class StoryFit:
    saved: SavedStory
    fit: float
    """0..1: how well the story fits the question."""
    themes: tuple[str, ...]
    """The question's themes the story is tagged with."""
    words: tuple[str, ...]
    """The question's words its title or text uses."""


def content_words(text: str) -> list[str]:
    """The words of `text` that say what it is about, lowercased, in order, once each."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        if len(word) >= 4 and word not in _NOT_CONTENT:
            seen.setdefault(word, None)
    return list(seen)


def shared_words(asked: Sequence[str], words: Iterable[str]) -> list[str]:
    """The words of `asked` found among `words`, exactly or (both five letters or more)
    in another form."""
    from rapidfuzz import fuzz, process

    pool = set(words)
    long_pool = [word for word in pool if len(word) >= 5]
    found = []
    for word in asked:
        if word in pool or (
            len(word) >= 5 and process.extractOne(word, long_pool, scorer=fuzz.ratio, score_cutoff=WORD_LIKENESS)
        ):
            found.append(word)
    return found


def story_fit(question: Question, saved: SavedStory) -> StoryFit:
    asked_themes = question_themes(question)
    themes = tuple(tag for tag in asked_themes if tag in saved.story.themes)
    asked = content_words(question.prompt)
    in_title = shared_words(asked, content_words(saved.story.title))
    in_text = shared_words(asked, content_words(saved.story.text()))
    share = (lambda found: len(found) / len(asked)) if asked else (lambda found: 0.0)
    words = share(in_title) * TITLE_WEIGHT + share(in_text) * TEXT_WEIGHT
    if asked_themes:
        fit = THEME_WEIGHT * len(themes) / len(asked_themes) + words
    else:
        fit = words / (TITLE_WEIGHT + TEXT_WEIGHT)  # nothing to tag-match: the words decide
    ordered = tuple(word for word in asked if word in in_title or word in in_text)
    return StoryFit(saved, round(min(1.0, fit), 3), themes, ordered)


def rank_stories(
    question: Question,
    stories: Iterable[SavedStory],
    grades: Mapping[str, StoryGrade] | None = None,
    limit: int | None = None,
) -> list[StoryFit]:
    """Stories best first for `question`: by fit, then the stronger story, then title.
    Stories that share nothing with the question come last."""
    grades = grades or {}
    fits = [story_fit(question, saved) for saved in stories]

    def order(fit: StoryFit) -> tuple[float, int, str]:
        grade = grades.get(fit.saved.id)
        return (-fit.fit, -(grade.score if grade else 0), fit.saved.story.title.casefold())

    fits.sort(key=order)
    return fits[:limit] if limit is not None else fits
