"""Does a rubric phrase, in the sentence it sits in, read as evidence of its cue?

Phrase rules alone can't tell "we'd pilot it with two clinics in March" from "pilot
projects are how big companies waste a year": the same phrase, evidence in one sentence
and a passing remark in the other. The evidence check is a small logistic model per
cue, learned from answers people labelled (benchmarks/train_evidence_check.py), that
reads the words of the phrase's sentence and says how likely the phrase is real
evidence there. A phrase it doubts is kept as a mention: shown when nothing better
is, never a hit on its own.

It can only take evidence away, never add it, so every point still points at the words
that earned it. Its weights are plain data (evidence_check.json, one table of
word -> weight per cue), so a doubted phrase can be explained by the words that
weighed against it. Cues it was not trained for (a user's own rubric) are left to the
phrase rules.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from importlib import resources
from itertools import repeat
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from interviewcoach.grading.text import Sentence, Token

if TYPE_CHECKING:
    from interviewcoach.grading.matching import Match

MODEL_FILE = "evidence_check.json"


class CueCheck(BaseModel):
    bias: float
    weights: dict[str, float]
    """Feature -> weight; a feature absent here weighs nothing."""


class EvidenceCheckModel(BaseModel):
    version: int = Field(ge=1)
    threshold: float = Field(gt=0, lt=1)
    """Evidence whose probability of being evidence is below this is a mention."""
    trained_on: list[str]
    """The labelled sets it learned from: any figure read on them is not a fair reading."""
    answers: int
    cues: dict[str, CueCheck]
    """"rubric/cue" -> its check."""


_lock = threading.Lock()
_model: EvidenceCheckModel | None = None
_loaded = False


def model() -> EvidenceCheckModel | None:
    """The shipped model, read once on first use; None if the package has none."""
    global _model, _loaded
    if not _loaded:
        with _lock:
            if not _loaded:
                source = resources.files("interviewcoach.grading").joinpath(MODEL_FILE)
                _model = EvidenceCheckModel.model_validate_json(source.read_bytes()) if source.is_file() else None
                _loaded = True
    return _model


def sentence_features(sentence: Sequence[Token]) -> tuple[str, ...]:
    """The sentence's words (stems) and word pairs: what every phrase in it is read with."""
    found: dict[str, None] = {}
    previous = None
    for token in sentence:
        if token.kind == "symbol":
            previous = None
            continue
        word = "#" if token.kind == "number" else token.stem
        if not token.is_stop and token.kind == "word" and len(word) >= 2:
            found[f"w:{word}"] = None
        if previous is not None:
            found[f"p:{previous}_{word}"] = None
        previous = word
    return tuple(found)


def features(sentence: Sequence[Token], phrase: str, how: str, value: float) -> dict[str, float]:
    """What the check reads: the phrase and how it matched, what the match is worth, and
    the sentence's words and word pairs. Training reads examples through this function
    and grading through `SentenceReader`, which computes the same sum."""
    found = {"value": value, f"how:{how}": 1.0, f"phrase:{phrase}": 1.0}
    found.update(dict.fromkeys(sentence_features(sentence), 1.0))
    return found


def logistic(z: float) -> float:
    """The model's probability for a summed weight `z` (clamped: no overflow on outliers)."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def probability(check: CueCheck, found: dict[str, float]) -> float:
    weights = check.weights
    return logistic(check.bias + sum(weights.get(name, 0.0) * amount for name, amount in found.items()))


class SentenceReader:
    """The check as one grading uses it: each sentence's words are read once, and summed
    once per cue, however many phrases the sentence holds."""

    def __init__(self, rubric: str, tokens: Sequence[Token]) -> None:
        self.model = model()
        self.rubric = rubric
        self.tokens = tokens
        self._checks: dict[str, CueCheck | None] = {}
        self._words: dict[tuple[int, int], tuple[str, ...]] = {}
        self._sentences: dict[tuple[int, int, str], float] = {}
        self._phrases: dict[tuple[str, str, str], float] = {}

    def doubts(self, cue: str, sentence: Sentence, match: Match, value: float) -> bool:
        """Evidence the check reads as no evidence in its sentence."""
        likely = self.probability(cue, sentence.first, sentence.last, match.pattern.phrase, match.how, value)
        return likely is not None and self.model is not None and likely < self.model.threshold

    def probability(self, cue: str, first: int, last: int, phrase: str, how: str, value: float) -> float | None:
        """How likely the phrase, in the sentence of tokens first..last, is evidence of
        `cue`; None when the check was not trained for the cue."""
        if self.model is None:
            return None
        if cue in self._checks:
            check = self._checks[cue]
        else:
            check = self._checks[cue] = self.model.cues.get(f"{self.rubric}/{cue}")
        if check is None:
            return None
        weights = check.weights
        sentence = self._sentences.get((first, last, cue))
        if sentence is None:
            words = self._words.get((first, last))
            if words is None:
                words = self._words[(first, last)] = sentence_features(self.tokens[first : last + 1])
            sentence = self._sentences[(first, last, cue)] = sum(map(weights.get, words, repeat(0.0)))
        said = self._phrases.get((cue, phrase, how))
        if said is None:
            said = self._phrases[(cue, phrase, how)] = (
                check.bias + weights.get(f"how:{how}", 0.0) + weights.get(f"phrase:{phrase}", 0.0)
            )
        return logistic(said + sentence + weights.get("value", 0.0) * value)
