"""Read an answer once: tokens with offsets into the original text, normalised and
stemmed, grouped into sentences (or bullet items) and clauses.

Everything the grader reports points back into the original text through the token
offsets, so normalisation never changes where a word is.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, field

import snowballstemmer

from interviewcoach.grading import lexicon

_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’][^\W_]+)*|[%$€£]")
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*\s")
_BULLET = re.compile(r"(?:^|\n)[ \t]*(?:[-•*]|\d{1,2}[.)])[ \t]*$")
"""A list item's marker, just before its first word: "- Phoned the ops lead myself"."""
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014|+=→]|\s-\s|->|\.\.\.")
_ABBREVIATIONS = frozenset("e g i etc vs mr mrs ms dr st approx incl eg ie no fig".split())
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred thousand million billion half double twice dozen".split()
)

MAX_CHARS = 60_000
"""Answers are read up to this many characters; a longer paste is graded on its start."""

_stemmer_lock = threading.Lock()
_stemmer = snowballstemmer.stemmer("english")
_stems: dict[str, str] = {}


def stem(word: str) -> str:
    """The Snowball stem of a normalised word, with our overrides; cached."""
    cached = _stems.get(word)
    if cached is not None:
        return cached
    result = lexicon.STEM_OVERRIDES.get(word)
    if result is None:
        # The pure-Python stemmer keeps state between calls: one caller at a time.
        with _stemmer_lock:
            result = _stemmer.stemWord(word)
    if len(_stems) > 200_000:
        _stems.clear()
    _stems[word] = result
    return result


def american(word: str) -> str:
    """Map British spellings to American, so either spelling matches the rubric."""
    mapped = lexicon.AMERICAN_SPELLING.get(word)
    if mapped:
        return mapped
    if len(word) > 6 and word not in lexicon.ISE_EXCEPTIONS:
        for ending, replacement in (
            ("isations", "izations"),
            ("isation", "ization"),
            ("ising", "izing"),
            ("ised", "ized"),
            ("ises", "izes"),
            ("iser", "izer"),
            ("isers", "izers"),
            ("ise", "ize"),
        ):
            if word.endswith(ending):
                return word[: -len(ending)] + replacement
    return word


@dataclass(slots=True)
class Token:
    start: int
    """Offset of the first character in the original text."""
    end: int
    """Offset just past the last character in the original text."""
    norm: str
    """Lower-case, American-spelt word; a contraction's parts are separate tokens."""
    stem: str
    kind: str
    """"word", "number" or "symbol"."""
    capitalised: bool
    sentence: int = 0
    clause: int = 0
    is_stop: bool = False
    is_number: bool = False
    """A figure (12, 4.5) or a number word (three, half)."""
    historic: bool = False
    """A present-tense deed in a story told in the present ("So I pull the usage data"):
    read as the past it tells."""


@dataclass(slots=True)
class Sentence:
    index: int
    first: int
    """Index of its first token."""
    last: int
    """Index of its last token (inclusive)."""
    start: int
    end: int


@dataclass
class AnalysedText:
    text: str
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    word_count: int = 0
    """Words and numbers as written ("didn't" is one word, two tokens)."""


def _normalise(raw: str) -> str:
    word = unicodedata.normalize("NFKC", raw).casefold().replace("’", "'")
    return word


def _split_contraction(word: str) -> list[str]:
    if word in lexicon.IRREGULAR_NOT:
        return list(lexicon.IRREGULAR_NOT[word])
    if word.endswith("'s"):
        return [word[:-2]]
    for ending, expansion in lexicon.CONTRACTIONS.items():
        if word.endswith(ending) and len(word) > len(ending):
            return [word[: -len(ending)], expansion]
    return [word]


_readings: dict[str, tuple[str, tuple[tuple[str, str, bool, bool], ...]]] = {}


def _read_word(raw: str) -> tuple[str, tuple[tuple[str, str, bool, bool], ...]]:
    """A raw token's kind and its parts as (norm, stem, is_stop, is_number); cached,
    since answers reuse the same few hundred words."""
    cached = _readings.get(raw)
    if cached is not None:
        return cached
    word = _normalise(raw)
    kind = "number" if word[0].isdigit() else ("symbol" if not word[0].isalnum() else "word")
    if kind == "word":
        parts = _split_contraction(word) if ("'" in word or word in lexicon.IRREGULAR_NOT) else [word]
        readings = tuple(
            (norm, stem(norm), norm in lexicon.STOPWORDS, norm in _NUMBER_WORDS)
            for norm in (american(part) for part in parts if part)
        )
    else:
        readings = ((word, word, False, kind == "number"),)
    if len(_readings) > 200_000:
        _readings.clear()
    _readings[raw] = (kind, readings)
    return kind, readings


def analyse(text: str, shorthand: bool = False) -> AnalysedText:
    """Tokenise, normalise, stem and split `text` into sentences and clauses.

    `shorthand` reads an interviewer's notes: "cust", "ppl", "intvws", "w/" and "w/o"
    are read as the words they stand for; offsets still point at what was typed."""
    text = text[:MAX_CHARS]
    result = AnalysedText(text)
    tokens = result.tokens
    previous_end = 0
    sentence = clause = 0
    sentence_first_token = 0
    sentence_start: int | None = None
    bulleted = False
    for found in _TOKEN.finditer(text):
        raw = found.group()
        start, end = found.span()
        gap = text[previous_end:start]
        if tokens and gap != " ":
            ends, breaks = _gap_kind(gap)
            if ends and not (gap[0] == "." and tokens[-1].norm in _ABBREVIATIONS):
                assert sentence_start is not None  # a token has been read since the last end
                result.sentences.append(
                    Sentence(sentence, sentence_first_token, len(tokens) - 1, sentence_start, previous_end)
                )
                sentence += 1
                clause += 1
                sentence_first_token = len(tokens)
                sentence_start = None
            elif breaks:
                clause += 1
        if sentence_start is None:
            sentence_start = start
            bulleted = _BULLET.search(text, max(0, start - 12), start) is not None
        previous_end = end
        kind, readings = _read_word(raw)
        if shorthand and kind == "word":
            readings = _expand_shorthand(raw, readings, text[end : end + 2])
        if kind != "symbol":
            result.word_count += 1
        capitalised = raw[0].isupper()
        for norm, word_stem, is_stop, is_number in readings:
            if norm in lexicon.SCOPE_CLOSERS:
                clause += 1
            tokens.append(Token(start, end, norm, word_stem, kind, capitalised, sentence, clause, is_stop, is_number))
            # In notes any fragment, in an answer a list item ("- Phoned the trust's ops
            # lead myself"), that opens with a past-tense verb tells what the speaker did.
            opens_item = bulleted and len(tokens) - 1 == sentence_first_token
            if (shorthand or opens_item) and _implied_subject(tokens, len(tokens) - 1):
                # An empty "i" just before the verb: patterns such as "i {past}" read it,
                # and evidence still starts at the verb the interviewer typed.
                verb = tokens.pop()
                tokens.append(Token(start, start, "i", "i", "word", False, sentence, clause, True, False))
                tokens.append(verb)
    if tokens and sentence_start is not None:
        result.sentences.append(Sentence(sentence, sentence_first_token, len(tokens) - 1, sentence_start, previous_end))
    _mark_historic_present(tokens)
    return result


HISTORIC_FROM = 3
"""How many present-tense deeds ("I pull", "I ask") a story needs, and more than its
past-tense ones, to be read as told in the present."""


def _mark_historic_present(tokens: list[Token]) -> None:
    """ "First thing, I pull their usage. Then I ask for a call": a story told in the
    present tense tells events all the same. When the speaker's present-tense deeds
    outnumber their past-tense ones (and there are a few), they are read as past."""
    present = [
        i + 1
        for i, token in enumerate(tokens[:-1])
        if token.norm == "i" and tokens[i + 1].norm in lexicon.PRESENT_DEEDS
    ]
    if len(present) < HISTORIC_FROM:
        return
    past = sum(1 for i, token in enumerate(tokens[:-1]) if token.norm == "i" and is_past_tense(tokens[i + 1]))
    if len(present) > past:
        for index in present:
            tokens[index].historic = True


def is_past_tense(token: Token) -> bool:
    word = token.norm
    return (
        token.historic
        or token.kind == "word"
        and (
            word in lexicon.PAST_TENSE_IRREGULAR
            or (word.endswith("ed") and len(word) > 4 and word not in lexicon.NOT_PAST_TENSE_ED)
        )
    )


def _implied_subject(tokens: list[Token], index: int) -> bool:
    """In notes, a fragment that opens with a past-tense verb ("pulled 40 tickets",
    "called 5 top customers") tells what the candidate did: an "I" is implied."""
    token = tokens[index]
    if token.norm in lexicon.NOT_ACTIONS or not is_past_tense(token):
        return False
    return index == 0 or tokens[index - 1].clause != token.clause


def _expand_shorthand(raw: str, readings, after: str):
    word = readings[0][0] if len(readings) == 1 else None
    if word == "w" and after == "/o":
        word = "without"
    elif word == "o" and raw.lower() == "o":
        return readings
    else:
        word = lexicon.SHORTHAND.get(word or "")
    if word is None:
        return readings
    return ((word, stem(word), word in lexicon.STOPWORDS, False),)


_gap_kinds: dict[str, tuple[bool, bool]] = {}


def _gap_kind(gap: str) -> tuple[bool, bool]:
    """Does the text between two words end a sentence (unless the word before is an
    abbreviation: "e.g. customers"), and does it break a clause? Cached: the same few
    gaps (", ", ". ", ".\n") make up nearly all of them."""
    known = _gap_kinds.get(gap)
    if known is None:
        ends = "\n" in gap or "•" in gap or bool(_SENTENCE_END.search(gap + " "))
        known = (ends, bool(_CLAUSE_BREAK.search(gap)))
        if len(_gap_kinds) < 10_000:
            _gap_kinds[gap] = known
    return known
