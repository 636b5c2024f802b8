"""Turn a rubric's phrases (and a question's extra phrases) into patterns the matcher
looks up by their first word's stem. Compiled once per rubric and question, then cached."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import lru_cache

from interviewcoach.grading import lexicon
from interviewcoach.grading.relevance import Topic, compile_topic
from interviewcoach.grading.text import analyse, stem
from interviewcoach.models import Cue, Level, Question, Rubric
from interviewcoach.phrases import GAP_MARK, PLACEHOLDERS, expand_groups

WORD_GAP = 2
"""Words that may stand between two words of a phrase anywhere: "talk to our users"."""
WIDE_GAP = 5

STRONG, WEAK, EXCLUDED = "strong", "weak", "excluded"


@dataclass(frozen=True, slots=True)
class Element:
    """One position of a pattern: a word (by stem, with alternatives) or a placeholder."""

    kind: str
    """"word" (or "literal" for a symbol such as %), or a placeholder kind: "number",
    "past", "name", "any"."""
    stems: frozenset[str] = frozenset()
    norms: frozenset[str] = frozenset()
    gap: int = WORD_GAP
    """How many words may stand between this element and the one before it."""
    exact: bool = False
    """Match the written form only ("=improved" is not "improve"): tense can matter."""

    @property
    def is_content(self) -> bool:
        return self.kind not in ("word", "literal") or not self.norms <= lexicon.STOPWORDS


@dataclass(frozen=True, slots=True)
class Pattern:
    cue: int
    """Index of the cue in CompiledRubric.cues."""
    role: str
    """STRONG, WEAK or EXCLUDED."""
    phrase: str
    """The phrase as written in the rubric, reported as evidence."""
    elements: tuple[Element, ...]
    content: int
    """How many of its elements are not function words: "talk to users" has 2."""
    negative: bool
    """An excluded phrase that itself negates ("didn't measure")."""


@dataclass
class CompiledCue:
    cue: Cue
    weight: float


@dataclass
class CompiledRubric:
    rubric: Rubric
    cues: list[CompiledCue]
    by_first_stem: dict[str, list[Pattern]] = field(default_factory=dict)
    by_anchor: dict[str, list[tuple[Pattern, int, int]]] = field(default_factory=dict)
    """Patterns that start with function words ("the problem", "i was asked"), keyed by
    their first content word and listed with its position and how far back the pattern
    may start: looking them up at "problem" is far cheaper than at every "the"."""
    by_placeholder: dict[str, dict[str, list[Pattern]]] = field(default_factory=dict)
    """Patterns that start with a placeholder, by its kind; those starting with "*" are
    keyed by their second word's stems, the others under ""."""
    vocabulary: frozenset[str] = frozenset()
    """The rubric's own longer words: the only words a typo is corrected towards."""
    vocabulary_stems: frozenset[str] = frozenset()
    topic_stems: frozenset[str] = frozenset()
    """Content stems of the question, if any: shared words make an answer specific."""
    conditional_cues: frozenset[int] = frozenset()
    essential_cues: frozenset[int] = frozenset()
    """Indexes of cues without which an answer scores under ESSENTIAL_CAP."""
    note_labels: dict[str, int] = field(default_factory=dict)
    """A notes label, lower case ("s", "seg", "m") -> the index of the cue it introduces."""
    prompt_stems: frozenset[str] = frozenset()
    """Content stems of the question's prompt, for cues whose evidence must go beyond it."""
    """Indexes of cues that hedges and "I would" don't weaken."""
    topic: Topic | None = None
    """What the question is about, to judge relevance; None without a question."""
    typo_corrections: dict[str, str | None] = field(default_factory=dict)
    """Answer word -> the stem of the rubric word it misspells (None: not a typo), learnt
    as answers are graded. Lives here because it depends on this rubric's vocabulary."""


@lru_cache(maxsize=20_000)
def _word_tokens(word: str) -> tuple:
    """The tokens of one word of a phrase; rubrics repeat words across many phrases."""
    return tuple(analyse(word).tokens)


def compile_phrase(text: str) -> tuple[Element, ...]:
    """`i {past}`, `talk to users`, `they|users struggle|hate`, `at ... company`.
    A function word must follow the word before it directly ("time to" does not match
    "time went to"); a content word may have up to WORD_GAP words before it."""
    elements: list[Element] = []
    gap = WORD_GAP
    for chunk in text.split():
        if chunk == GAP_MARK:
            gap = WIDE_GAP
            continue
        placeholder = PLACEHOLDERS.get(chunk.lower())
        if placeholder:
            elements.append(Element(placeholder, gap=0 if placeholder == "any" else gap))
            gap = WORD_GAP
            continue
        exact = chunk.startswith("=") and len(chunk) > 1
        chunk = chunk[1:] if exact else chunk
        alternatives = [_word_tokens(word) for word in chunk.split("|") if word]
        if len(alternatives) > 1 and all(len(tokens) == 1 for tokens in alternatives):
            tokens = [t[0] for t in alternatives]
            elements.append(_element(tokens, gap, exact))
        else:
            # A hyphenated or contracted word ("a/b", "didn't") is several tokens, which
            # follow each other directly.
            for index, token in enumerate(_word_tokens(chunk.replace("|", " "))):
                elements.append(_element([token], gap if index == 0 else 0, exact))
        gap = WORD_GAP
    return tuple(elements)


def _element(tokens, gap: int, exact: bool = False) -> Element:
    kind = "word" if tokens[0].kind == "word" else "literal"
    norms = frozenset(t.norm for t in tokens)
    if gap == WORD_GAP and norms <= lexicon.STOPWORDS:
        gap = 0
    return Element(kind, frozenset(t.stem for t in tokens), norms, gap, exact)


def _anchor(elements: tuple[Element, ...]) -> int:
    """Position of the first content word, if the pattern starts with function words and
    no placeholder stands before it; else 0."""
    for position, element in enumerate(elements):
        if element.kind not in ("word", "literal"):
            return 0
        if element.is_content:
            return position
    return 0


def _is_negative(elements: tuple[Element, ...]) -> bool:
    single = {trigger[0] for trigger in lexicon.NEGATION_TRIGGERS if len(trigger) == 1}
    return any(e.norms & single for e in elements)


def _build(rubric: Rubric, question: Question | None, level: Level | None) -> CompiledRubric:
    cues = [
        CompiledCue(cue, cue.weight * cue.level_weights.get(level, 1.0) if level else cue.weight) for cue in rubric.cues
    ]
    compiled = CompiledRubric(rubric, cues)
    compiled.conditional_cues = frozenset(i for i, cue in enumerate(rubric.cues) if cue.conditional)
    compiled.essential_cues = frozenset(i for i, cue in enumerate(rubric.cues) if cue.essential)
    compiled.note_labels = {label.lower(): i for i, cue in enumerate(rubric.cues) for label in cue.note_labels}
    vocabulary: set[str] = set()
    rubric_stems: set[str] = set()
    extras = question.extra_phrases if question else {}
    for index, cue in enumerate(rubric.cues):
        roles = [
            (STRONG, cue.phrases),
            (STRONG, extras.get(cue.id, [])),
            (WEAK, cue.weak_phrases),
            (EXCLUDED, cue.excluded_phrases),
        ]
        for role, phrases in roles:
            for phrase, elements in (
                (written, compile_phrase(expansion))
                for written in phrases
                for expansion in expand_groups(written, merge_words=True)
            ):
                if not elements:
                    continue
                content = sum(1 for e in elements if e.is_content)
                pattern = Pattern(index, role, phrase, elements, content, role == EXCLUDED and _is_negative(elements))
                first = elements[0]
                anchor = _anchor(elements)
                if first.kind in ("word", "literal") and anchor:
                    back = sum(elements[k].gap + 1 for k in range(1, anchor + 1))
                    for anchor_stem in elements[anchor].stems:
                        compiled.by_anchor.setdefault(anchor_stem, []).append((pattern, anchor, back))
                elif first.kind in ("word", "literal"):
                    for first_stem in first.stems:
                        compiled.by_first_stem.setdefault(first_stem, []).append(pattern)
                else:
                    by_kind = compiled.by_placeholder.setdefault(first.kind, {})
                    if first.kind == "any" and len(elements) > 1 and elements[1].stems:
                        for second in elements[1].stems:
                            by_kind.setdefault(second, []).append(pattern)
                    else:
                        by_kind.setdefault("", []).append(pattern)
                vocabulary.update(
                    norm for e in elements if e.kind == "word" for norm in e.norms if len(norm) >= 5 and norm.isalpha()
                )
                if role != EXCLUDED:
                    rubric_stems.update(s for e in elements for s in e.stems)
    compiled.vocabulary = frozenset(vocabulary)
    compiled.vocabulary_stems = frozenset(stem(word) for word in vocabulary)
    if question:
        topic_text = " ".join(
            [question.prompt, *question.outline, *(p for phrases in extras.values() for p in phrases)]
        )
        compiled.topic_stems = frozenset(
            t.stem
            for t in analyse(topic_text).tokens
            if t.kind == "word" and not t.is_stop and t.norm not in lexicon.GENERIC_WORDS
        )
        compiled.prompt_stems = frozenset(
            t.stem for t in analyse(question.prompt).tokens if t.kind == "word" and not t.is_stop
        )
        compiled.topic = compile_topic(
            question.prompt,
            [*question.follow_ups, *question.outline, *(p for phrases in extras.values() for p in phrases)],
            question.tags,
            rubric.answer_kind == "story",
            frozenset(rubric_stems),
        )
    return compiled


_cache: dict[tuple[int, int, str | None], tuple[Rubric, Question | None, CompiledRubric]] = {}
_cache_lock = threading.Lock()


def compiled_rubric(rubric: Rubric, question: Question | None = None, level: Level | None = None) -> CompiledRubric:
    """The compiled form of a rubric (with a question's extra phrases), cached.

    Keyed by object identity: rubrics and questions are frozen models, so the same
    object always compiles to the same patterns."""
    key = (id(rubric), id(question), str(level) if level else None)
    entry = _cache.get(key)
    if entry is not None and entry[0] is rubric and entry[1] is question:
        return entry[2]
    with _cache_lock:
        entry = _cache.get(key)
        if entry is not None and entry[0] is rubric and entry[1] is question:
            return entry[2]
        built = _build(rubric, question, level)
        if len(_cache) > 512:
            _cache.clear()
        _cache[key] = (rubric, question, built)
        return built
