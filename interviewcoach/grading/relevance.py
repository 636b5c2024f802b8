"""Does an answer address the question it was asked? Judged apart from cue evidence:
a well-built answer to another question shows every cue and answers nothing.

Lexical, so limited, and honest about it:
- Case questions (design, strategy, metrics, leadership): the question's words that
  say what it is about — its prompt first, then its follow-ups, outline and extra
  phrases — each weighted by how rare the word is in English ("discharge" says more
  than "night"), less the rubric's own vocabulary and generic PM words. An answer that
  shares too little of that weight is about something else.
- Behavioural questions: the theme asked (a failure, a conflict, influence...), from
  the question's tags, by the words a story on that theme cannot avoid. Themes with no
  vocabulary of their own ("execution", "startup") are not judged, and a story that
  names the theme in passing passes: a lexical check can't tell a real failure story
  from a success story that mentions a mistake.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Set
from dataclasses import dataclass

from interviewcoach.grading import lexicon
from interviewcoach.grading.text import AnalysedText, analyse, stem

PROMPT_WEIGHT, CONTEXT_WEIGHT = 1.0, 0.5
"""What a word counts for when the prompt uses it, or only its follow-ups and outline."""
OFF_QUESTION_BELOW = 0.9
"""Shared topic weight under which a case answer is about another question: about one
rare prompt word, or two or three of the outline's."""
FULLY_ON_FROM = 3.0
"""From this shared weight on, relevance no longer scales the score."""
LEAST_ON_QUESTION = 0.35
ASKED_RARITY = 0.4
"""How rare a word of a behavioural prompt must be to count as the theme's own word."""
SUBJECT_WORDS = 4
"""How many of an answer's most repeated concrete words make its subject."""
ELSEWHERE_FACTOR = 0.4
SUBJECT_MIN_TOPIC = 7.0
"""Only a question that says enough about its subject (design questions mostly) can
tell an answer's subject is elsewhere; "How would you choose a team's KPIs?" can't."""
"""The most relevance lets an answer keep when its subject is nowhere in the question."""
OFF_SHARE, FULL_SHARE = 0.09, 0.3
"""For questions whose words weigh little in all: the share of their total topic weight
below which an answer is off the question, and from which it is fully on it."""
"""The score factor of an answer just on the question (shared weight OFF_QUESTION_BELOW)."""

_NOT_TOPIC_STEMS = frozenset(stem(word) for word in lexicon.GENERIC_WORDS | lexicon.JARGON_WORDS | lexicon.NOT_A_TOPIC)
_METHOD_STEMS = frozenset(stem(word) for word in lexicon.PM_METHOD_WORDS)
_CUSTOMER_KINDS = frozenset(stem(word) for word in lexicon.PERSON_NOUNS - lexicon.COLLEAGUE_NOUNS)
_THEME_STEMS = {
    theme: frozenset(stem(word) for word in words.split())
    # A story about customers may name them by what they are: drivers, groomers, tenants.
    | (_CUSTOMER_KINDS if theme in ("customers", "customer-feedback") else frozenset())
    for theme, words in lexicon.THEMES.items()
}
_COUNTERPART_STEMS = {
    role: frozenset(stem(word) for word in [role, *words.split()]) for role, words in lexicon.COUNTERPARTS.items()
}


@dataclass(frozen=True, slots=True)
class TopicTerm:
    weight: float
    word: str
    """The word as the question writes it, to name what never came up."""
    in_prompt: bool


@dataclass(frozen=True, slots=True)
class Topic:
    """What a question is about, compiled once per question."""

    terms: dict[str, TopicTerm]
    """Stem -> its weight and word."""
    theme: str | None
    """The behavioural theme judged, if any."""
    theme_stems: frozenset[str] = frozenset()
    counterpart: str | None = None
    """For a story question that names the person it is about ("a designer"): that word."""
    counterpart_stems: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Relevance:
    on_question: bool
    factor: float
    """What relevance multiplies the score by: 1 when clearly on the question."""
    shared: float
    """The topic weight the answer shares with the question."""
    missing: tuple[str, ...]
    """The question's own words for what it is about that the answer never used."""
    theme: str | None = None
    """For a behavioural question judged on its theme: the theme."""
    elsewhere: tuple[str, ...] = ()
    """The words the answer keeps returning to, when the question mentions none of them."""


def _rarity(word: str) -> float:
    from interviewcoach.grading.dictionary import word_frequency

    count = word_frequency(word)
    # log10 of the corpus count: ~6.5 for "make", ~4 for "hospital"-level nouns, 0 unseen.
    return max(0.2, min(1.0, (6.3 - math.log10(count + 1)) / 2.0))


def compile_topic(prompt: str, context: list[str], tags: list[str], story: bool, rubric_stems: frozenset[str]) -> Topic:
    if story:
        tokens = analyse(prompt).tokens
        # A story on the theme may use the question's own words instead of the theme's.
        asked = {
            t.stem
            for t in tokens
            if t.kind == "word"
            and not t.is_stop
            and len(t.norm) >= 4
            and t.stem not in _NOT_TOPIC_STEMS
            # "change", "mind", "time": words too common to tell one story from another
            and _rarity(t.norm) >= ASKED_RARITY
        }
        themes = [tag for tag in tags if tag in _THEME_STEMS]
        if not themes:
            # A question whose tags name no theme (one made from a prompt alone has none)
            # is on the themes its own words name: "a time you disagreed" asks about a
            # conflict.
            themes = [theme for theme, stems in _THEME_STEMS.items() if not stems.isdisjoint(asked)]
        if not themes:
            return Topic({}, None)
        # "as a product manager" is the candidate's own title, not a person in the story.
        named = [
            t.norm
            for i, t in enumerate(tokens)
            if t.norm in _COUNTERPART_STEMS and not (i and tokens[i - 1].norm in ("product", "project", "program"))
        ]
        counterpart = named[0] if named and " or " not in prompt.lower() else None
        return Topic(
            {},
            themes[0],
            frozenset().union(asked, *(_THEME_STEMS[t] for t in themes)),
            counterpart,
            _COUNTERPART_STEMS[counterpart] if counterpart else frozenset(),
        )
    terms: dict[str, TopicTerm] = {}

    def add(text: str, base: float, in_prompt: bool) -> None:
        for token in analyse(text).tokens:
            if (
                token.kind != "word"
                or token.is_stop
                or token.is_number
                or len(token.norm) < 3
                or token.stem in _NOT_TOPIC_STEMS
                or (not in_prompt and token.stem in _METHOD_STEMS)
            ):
                continue
            weight = base * _rarity(token.norm)
            known = terms.get(token.stem)
            if known is None or weight > known.weight:
                terms[token.stem] = TopicTerm(weight, token.norm, in_prompt or bool(known and known.in_prompt))

    add(prompt, PROMPT_WEIGHT, True)
    for text in context:
        add(text.replace("|", " "), CONTEXT_WEIGHT, False)
    return Topic(terms, None)


def judge_relevance(text: AnalysedText, topic: Topic, corrected: Set[str] = frozenset()) -> Relevance:
    """`corrected`: stems the answer's typos were corrected to ("custmers")."""
    stems = {t.stem for t in text.tokens if t.kind == "word"} | corrected
    if _agreement_denied(text):
        # "We did not agree" is a disagreement, though "agreed" says nothing of one.
        stems.add(_DISAGREE)
    if topic.theme is not None:
        on = not stems.isdisjoint(topic.theme_stems)
        if on and topic.counterpart and stems.isdisjoint(topic.counterpart_stems):
            # On the theme, but nobody of the kind asked about is in it.
            return Relevance(False, 0.0, 0.0, (topic.counterpart,), topic.theme)
        return Relevance(on, 1.0 if on else 0.0, 1.0 if on else 0.0, () if on else (topic.theme,), topic.theme)
    if not topic.terms:
        return Relevance(True, 1.0, 0.0, ())
    shared = sum(term.weight for key, term in topic.terms.items() if key in stems)
    subject = _subject(text)
    missing = tuple(
        term.word
        for key, term in sorted(topic.terms.items(), key=lambda item: -item[1].weight)
        if term.in_prompt and key not in stems
    )[:3]
    # A question that says little about its subject ("How would you choose a team's
    # KPIs?") can't ask much of an answer's words: the bars scale with what it offers.
    total = sum(term.weight for term in topic.terms.values())
    off_below = min(OFF_QUESTION_BELOW, OFF_SHARE * total)
    full_from = min(FULLY_ON_FROM, FULL_SHARE * total)
    if shared < off_below:
        return Relevance(False, 0.0, round(shared, 2), missing)
    span = (min(shared, full_from) - off_below) / max(1e-9, full_from - off_below)
    factor = LEAST_ON_QUESTION + (1 - LEAST_ON_QUESTION) * span
    elsewhere: tuple[str, ...] = ()
    if total >= SUBJECT_MIN_TOPIC and subject and not any(key in topic.terms for key, _ in subject):
        # What the answer keeps coming back to is nowhere in the question: it shares
        # a few words with it in passing and is about something else.
        factor = min(factor, ELSEWHERE_FACTOR)
        elsewhere = tuple(word for _, word in subject)
    return Relevance(True, round(factor, 3), round(shared, 2), missing, elsewhere=elsewhere)


_AGREE, _DISAGREE = stem("agree"), stem("disagree")
_NOT = frozenset({"not", "never", "n't", "couldn't", "didn't", "wouldn't"})


def _agreement_denied(text: AnalysedText) -> bool:
    tokens = text.tokens
    return any(
        token.stem == _AGREE and any(t.norm in _NOT for t in tokens[max(0, index - 2) : index])
        for index, token in enumerate(tokens)
    )


def _subject(text: AnalysedText) -> list[tuple[str, str]]:
    """The answer's subject: the concrete words it keeps returning to, as (stem, word)."""
    counts: Counter[str] = Counter()
    words: dict[str, str] = {}
    for token in text.tokens:
        if (
            token.kind == "word"
            and not token.is_stop
            and len(token.norm) >= 4
            and token.stem not in _NOT_TOPIC_STEMS
            and token.stem not in _METHOD_STEMS
        ):
            counts[token.stem] += 1
            words.setdefault(token.stem, token.norm)
    return [(key, words[key]) for key, n in counts.most_common(SUBJECT_WORDS) if n >= 2]
