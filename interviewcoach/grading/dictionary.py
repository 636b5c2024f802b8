"""Is this a real English word? Asked before correcting a "typo" (lunch is not a
misspelt launch) and to tell gibberish from an answer.

The word list comes from pyspellchecker's English frequency dictionary. It takes a
fifth of a second to load, so it is loaded on first use, once, and only when an answer
has a word that might be a typo or looks like gibberish.
"""

from __future__ import annotations

import threading

_lock = threading.Lock()
_words: frozenset[str] | None = None

MIN_FREQUENCY = 5
"""Words seen fewer times than this in the source corpus are treated as unknown: the
tail of a frequency list holds misspellings."""


def _load() -> frozenset[str]:
    from spellchecker import SpellChecker

    frequencies = SpellChecker(language="en").word_frequency.dictionary
    return frozenset(word for word, count in frequencies.items() if count >= MIN_FREQUENCY)


def english_words() -> frozenset[str]:
    global _words
    if _words is None:
        with _lock:
            if _words is None:
                _words = _load()
    return _words


def is_english_word(word: str) -> bool:
    return word in english_words()


_counts: dict[str, int] | None = None


def word_frequency(word: str) -> int:
    """How often `word` occurs in the source corpus (0 if never): common words say
    little about what a question is about, rare ones ("discharge", "plumbers") a lot."""
    global _counts
    if _counts is None:
        with _lock:
            if _counts is None:
                from spellchecker import SpellChecker

                _counts = dict(SpellChecker(language="en").word_frequency.dictionary)
    return _counts.get(word, 0)
