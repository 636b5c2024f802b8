"""The syntax of rubric phrases, checked without loading the grader: validation runs on
every start, and must stay cheap.

A phrase is words separated by spaces. `a|b` offers one-word alternatives at a place,
`(a b|c d)` alternatives of several words, `...` a wide gap, `=word` an exact form, and
{number}, {year} (1950-2099), {past}, {name}, {plural}, {person} (a kind of person:
nurses, owners), {customer} (a {person} who is not usually a colleague) and *
stand for a word of a kind."""

from __future__ import annotations

import re

from interviewcoach.grading.lexicon import IRREGULAR_NOT

PLACEHOLDERS = {
    "{number}": "number",
    "{past}": "past",
    "{name}": "name",
    "{plural}": "plural",
    "{person}": "person",
    "{customer}": "customer",
    "{year}": "year",
    "*": "any",
}
GAP_MARK = "..."
"""Between two words of a phrase: up to WIDE_GAP words may stand there."""
MAX_EXPANSIONS = 256
"""Groups multiply: a phrase may stand for at most this many plain phrases. `validate`
rejects one that stands for more rather than silently dropping the rest."""

_GROUP = re.compile(r"\(([^()]*)\)")
# What the answer tokeniser reads as one token; contractions such as "can't" are two.
_HAS_WORD = re.compile(r"[^\W_]|[%$€£]")
_ONE_WORD = re.compile(r"[^\W_]+(?:['’]s)?|\d+(?:[.,]\d+)+|[%$€£]")


def expand_groups(text: str, merge_words: bool = False) -> list[str]:
    """`success (is|would be) clear` -> `success is clear`, `success would be clear`.

    With `merge_words`, a group's one-word options stay together as one `a|b` place
    (`(told|said|asked) us` is `told|said|asked us`, one phrase, not three): the grader
    compiles far fewer patterns and matches the same words."""
    found = _GROUP.search(text)
    if not found:
        return [" ".join(text.split())]
    options = [option.strip() for option in found.group(1).split("|")]
    if merge_words:
        from interviewcoach.grading.lexicon import STOPWORDS

        words = [o for o in options if o not in PLACEHOLDERS and not o.startswith("=") and is_one_word(o)]
        # Function words and content words are matched differently (how far apart they
        # may stand), so each kind is merged apart.
        merged = [
            "|".join(kind)
            for kind in ([w for w in words if w.lower() in STOPWORDS], [w for w in words if w.lower() not in STOPWORDS])
            if kind
        ]
        options = [*merged, *(o for o in options if o not in words)]
    expanded: list[str] = []
    for option in options:
        expanded.extend(expand_groups(text[: found.start()] + f" {option} " + text[found.end() :], merge_words))
    return expanded[:MAX_EXPANSIONS]


def _count_expansions(text: str) -> int:
    count = 1
    for group in _GROUP.findall(text):
        count *= max(1, len(group.split("|")))
    return count


def is_one_word(word: str) -> bool:
    return bool(_ONE_WORD.fullmatch(word)) and word.lower() not in IRREGULAR_NOT


def phrase_problem(text: str) -> str | None:
    """Why `text` is not a usable phrase, or None. `a|b` alternatives must each be one
    word ("while i was|running" would mean "while i was" or "while i running"); for
    alternatives of several words, use a group: "while (i was|running)"."""
    if text.count("(") != text.count(")") or "((" in text:
        return f"phrase {text!r}: unbalanced or nested parentheses"
    if _count_expansions(text) > MAX_EXPANSIONS:
        return (
            f"phrase {text!r}: its groups stand for more than {MAX_EXPANSIONS} phrases; split it into several phrases"
        )
    for expansion in expand_groups(text):
        if "(" in expansion or ")" in expansion:
            return f"phrase {text!r}: unbalanced or nested parentheses"
        problem = _plain_phrase_problem(expansion, text)
        if problem:
            return problem
    return None


def _plain_phrase_problem(expansion: str, text: str) -> str | None:
    chunks = expansion.split()
    slip = _alternation_slip(chunks, text)
    if slip:
        return slip
    if not any(chunk not in PLACEHOLDERS and chunk != GAP_MARK for chunk in chunks):
        return f"phrase {text!r} has no word to match"
    if chunks[0] == GAP_MARK or chunks[-1] == GAP_MARK:
        return f"phrase {text!r}: '...' must stand between two words"
    for chunk in chunks:
        if chunk in PLACEHOLDERS or chunk == GAP_MARK:
            continue
        for option in chunk.lstrip("=").split("|"):
            if not _HAS_WORD.search(option):
                return f"phrase {text!r}: {option!r} is not a word (only letters, digits and % $ € £ are matched)"
        if "|" not in chunk:
            continue
        if any(option in PLACEHOLDERS for option in chunk.split("|")):
            return (
                f"phrase {text!r}: a placeholder cannot be one of several alternatives; write it as a phrase of its own"
            )
        for alternative in chunk.lstrip("=").split("|"):
            if not is_one_word(alternative):
                return (
                    f"phrase {text!r}: alternative {alternative!r} is not a single word; "
                    "put alternatives of several words in a group: (a b|c d)"
                )
    return None


_PREPOSITIONS = frozenset(
    "in on at under over than of for to from with by about into onto after before between "
    "below above within without".split()
)


def _alternation_slip(chunks: list[str], text: str) -> str | None:
    """Alternatives that make no sense together: a slip for a group of several words.
    "in under|less than" reads "in under than" as well as "in less than"; "track
    rate|how many" reads "track rate many". Two tell-tales: neighbouring alternations
    that offer the same word, and a choice of function words wedged between two
    fixed ones."""
    from interviewcoach.grading.lexicon import STOPWORDS

    options = [chunk.lstrip("=").lower().split("|") for chunk in chunks]
    for left, right in zip(options, options[1:], strict=False):
        shared = set(left) & set(right) if len(left) > 1 and len(right) > 1 else set()
        if shared:
            return (
                f"phrase {text!r}: neighbouring alternatives both offer {sorted(shared)[0]!r}, "
                "which reads as a slip; put alternatives of several words in a group: (a b|c d)"
            )
    # An alternation between two fixed function words, one of whose choices is itself a
    # function word: "in under|less than" also reads "in under than".
    for before, chunk, after in zip(options, options[1:], options[2:], strict=False):
        if (
            len(chunk) > 1
            and len(before) == 1
            and len(after) == 1
            and before[0] in STOPWORDS
            and after[0] in STOPWORDS
            and any(w in _PREPOSITIONS for w in chunk)
        ):
            reading = f"{before[0]} {next(w for w in chunk if w in _PREPOSITIONS)} {after[0]}"
            return (
                f"phrase {text!r}: it also reads {reading!r}, which no one says; "
                "put alternatives of several words in a group: (a b|c d)"
            )
    return None
    for chunk in options:
        if len(chunk) > 1:
            function = [w for w in chunk if w in STOPWORDS]
            if function and len(function) < len(chunk):
                return (
                    f"phrase {text!r}: with {function[0]!r} it has no content word to match, "
                    f"with the other choices it has; put alternatives of several words in a group: (a b|c d)"
                )
    return None
