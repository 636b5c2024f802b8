"""Find where a compiled rubric's patterns occur in an analysed answer, and whether
each occurrence is negated, hedged or hypothetical."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from interviewcoach.grading import lexicon
from interviewcoach.grading.compile import EXCLUDED, STRONG, CompiledRubric, Element, Pattern
from interviewcoach.grading.dictionary import is_english_word
from interviewcoach.grading.result import How
from interviewcoach.grading.text import AnalysedText, Token, is_past_tense

MIN_TYPO_LENGTH = 5
"""Shorter words are never corrected: roi, kpi and nps are too close to other words."""

HOW_RANK: dict[How, int] = {"exact": 0, "stem": 1, "fuzzy": 2, "typo": 3}


@dataclass(slots=True)
class Match:
    pattern: Pattern
    first: int
    last: int
    how: How
    negated: bool = False
    factor: float = 1.0
    """Below 1 when hedged ("could maybe") or hypothetical in a story ("I would")."""
    situated: bool = False
    """A passing mention made specific by the relative clause after it."""
    labelled: bool = False
    """A notes fragment under a cue's label ("S: ..."): whether it was written off was
    decided when it was read, so words inside it ("w/o help") don't deny it."""


def typo_corrections(text: AnalysedText, compiled: CompiledRubric) -> dict[int, str]:
    """Token index -> the stem of the rubric word it is a misspelling of."""
    corrections: dict[int, str] = {}
    cache = compiled.typo_corrections
    vocabulary = compiled.vocabulary
    for index, token in enumerate(text.tokens):
        word = token.norm
        if (
            token.kind != "word"
            or len(word) < MIN_TYPO_LENGTH
            or word in vocabulary
            or token.stem in compiled.vocabulary_stems
            or not word.isascii()
            or not word.isalpha()
        ):
            continue
        if word not in cache:
            cache[word] = _correct(word, vocabulary)
        corrected = cache[word]
        if corrected is not None:
            corrections[index] = corrected
    return corrections


def _correct(word: str, vocabulary: frozenset[str]) -> str | None:
    from interviewcoach.grading.text import stem

    limit = 1 if len(word) <= 7 else 2
    found = process.extractOne(word, vocabulary, scorer=OSA.distance, processor=None, score_cutoff=limit)
    if found is None:
        return None
    target = found[0]
    # Typos keep their first letter; and a real word is never turned into another
    # (lunch is not a misspelt launch, church not a misspelt churn).
    if target[0] != word[0] or is_english_word(word):
        return None
    return stem(target)


def _element_matches(element: Element, token: Token, corrected: str | None, sentence_first: bool) -> How | None:
    kind = element.kind
    if kind in ("word", "literal"):
        if element.exact:
            return "exact" if token.norm in element.norms else None
        if token.stem in element.stems:
            return "exact" if token.norm in element.norms else "stem"
        if corrected in element.stems:
            return "typo"
        return None
    if kind == "number":
        return "exact" if token.is_number else None
    if kind == "past":
        return "exact" if token.norm not in lexicon.NOT_ACTIONS and is_past_tense(token) else None
    if kind == "plural":
        word = token.norm
        plural = (
            word[-1] == "s"
            and len(word) > 3
            and token.kind == "word"
            and word[-2] != "s"
            and not token.is_stop
            and word not in lexicon.GENERIC_WORDS
        )
        return "exact" if plural else None
    if kind == "year":
        word = token.norm
        return "exact" if len(word) == 4 and word.isdigit() and 1950 <= int(word) <= 2099 else None
    if kind == "customer":
        word = token.norm
        return "exact" if word in lexicon.PERSON_NOUNS and word not in lexicon.COLLEAGUE_NOUNS else None
    if kind == "person":
        return "exact" if token.norm in lexicon.PERSON_NOUNS else None
    if kind == "name":
        name = (
            token.capitalised
            and not sentence_first
            and token.kind == "word"
            and token.norm != "i"
            and not token.is_stop
        )
        return "exact" if name else None
    return "exact" if token.kind != "symbol" else None  # "any"


_KIND_NOUNS = {
    "person": lexicon.PERSON_NOUNS,
    "customer": lexicon.PERSON_NOUNS - lexicon.COLLEAGUE_NOUNS,
}
_PLACEHOLDER_ELEMENTS = {
    kind: Element(kind) for kind in ("number", "year", "past", "name", "plural", "person", "customer", "any")
}


_NOT_AN_ACT_BEFORE = frozenset(
    "was were been be is are am have has had get got being very so really quite too highly well fully always".split()
)


def find_matches(text: AnalysedText, compiled: CompiledRubric) -> list[Match]:
    tokens = text.tokens
    corrections = typo_corrections(text, compiled)
    sentence_first = {s.first for s in text.sentences}
    sentence_last = [s.last for s in text.sentences]
    # A pattern can only match if every word it needs occurs somewhere in the answer;
    # narrowing the index to those patterns once spares most attempts at most positions.
    present = {t.stem for t in tokens} | set(corrections.values())

    def viable(patterns):
        return [p for p in patterns if all(not e.stems.isdisjoint(present) for e in p.elements if e.stems)]

    by_first = {}
    for word_stem in present:
        patterns = compiled.by_first_stem.get(word_stem)
        if patterns:
            kept = viable(patterns)
            if kept:
                by_first[word_stem] = kept
    by_anchor = {}
    for word_stem in present:
        anchored = compiled.by_anchor.get(word_stem)
        if anchored:
            kept_patterns = set(map(id, viable([entry[0] for entry in anchored])))
            kept = [entry for entry in anchored if id(entry[0]) in kept_patterns]
            if kept:
                by_anchor[word_stem] = kept
    by_placeholder = {
        kind: {key: kept for key, patterns in keyed.items() if (kept := viable(patterns))}
        for kind, keyed in compiled.by_placeholder.items()
    }
    # Where placeholder-first patterns may start, found in one pass per kind.
    starts: dict[int, list[Pattern]] = {}
    for kind, keyed in by_placeholder.items():
        if not keyed:
            continue
        if kind == "any":
            # "* who": look up by the word after the wildcard.
            for index in range(len(tokens) - 1):
                following = keyed.get(tokens[index + 1].stem)
                if following:
                    starts.setdefault(index, []).extend(following)
            continue
        patterns = keyed.get("")
        if not patterns:
            continue
        element = _PLACEHOLDER_ELEMENTS[kind]
        nouns = _KIND_NOUNS.get(kind)
        for index, token in enumerate(tokens):
            if nouns is not None:
                # A kind of person is a word of a list: looked up directly, not asked of
                # every token through _element_matches.
                if token.norm not in nouns:
                    continue
            elif token.kind == "symbol" or not _element_matches(element, token, None, index in sentence_first):
                continue
            starts.setdefault(index, []).extend(patterns)
    matches: list[Match] = []
    sentence_start = [s.first for s in text.sentences]
    tried: set[tuple[int, int]] = set()
    for index, token in enumerate(tokens):
        anchored = by_anchor.get(token.stem)
        corrected = corrections.get(index)
        if corrected is not None and corrected in by_anchor:
            anchored = [*(anchored or ()), *by_anchor[corrected]]
        if anchored:
            low = sentence_start[token.sentence]
            last = sentence_last[token.sentence]
            for pattern, position, back in anchored:
                first = pattern.elements[0]
                for start in range(max(low, index - back), index - position + 1):
                    if (id(pattern), start) in tried or _element_matches(
                        first, tokens[start], corrections.get(start), start in sentence_first
                    ) is None:
                        continue
                    tried.add((id(pattern), start))
                    found = _match_at(pattern, start, tokens, corrections, sentence_first, last)
                    if found is not None:
                        matches.append(found)
        candidates = by_first.get(token.stem)
        corrected = corrections.get(index)
        extra = starts.get(index)
        if corrected is not None or extra:
            typo_patterns = by_first.get(corrected, ()) if corrected is not None else ()
            candidates = [*(candidates or ()), *typo_patterns, *(extra or ())]
        if not candidates:
            continue
        last = sentence_last[token.sentence]
        for pattern in candidates:
            found = _match_at(pattern, index, tokens, corrections, sentence_first, last)
            if found is not None:
                matches.append(found)
    matches.sort(key=lambda m: (m.first, m.last))
    return matches


_HOW_BY_RANK: dict[int, How] = {rank: name for name, rank in HOW_RANK.items()}
_WORD_KINDS = frozenset({"word", "literal"})


def _match_at(pattern, start, tokens, corrections, sentence_first, last_index) -> Match | None:
    """Match `pattern` with its first element at token `start`, each later element
    within its allowed gap and inside the sentence. Hot path: word elements are checked
    inline rather than through _element_matches."""
    elements = pattern.elements
    how = _element_matches(elements[0], tokens[start], corrections.get(start), start in sentence_first)
    if how is None:
        return None
    worst = HOW_RANK[how]
    position = start
    for element in elements[1:]:
        found = -1
        limit = min(last_index, position + 1 + element.gap)
        word_kind = element.kind in _WORD_KINDS
        for candidate in range(position + 1, limit + 1):
            token = tokens[candidate]
            if word_kind:
                if element.exact:
                    if token.norm not in element.norms:
                        continue
                    rank = 0
                elif token.stem in element.stems:
                    rank = 0 if token.norm in element.norms else 1
                elif corrections and corrections.get(candidate) in element.stems:
                    rank = 3
                else:
                    continue
            else:
                result = _element_matches(element, token, None, candidate in sentence_first)
                if result is None:
                    continue
                if element.kind == "past" and tokens[candidate - 1].norm in _NOT_AN_ACT_BEFORE:
                    continue  # "I was asked", "I've made", "I'm very organised": not acts
                rank = HOW_RANK[result]
            found = candidate
            if rank > worst:
                worst = rank
            break
        if found < 0:
            return None
        if found > position + 1 and worst < 2:
            worst = 2  # words stood between: a looser match
        position = found
    return Match(pattern, start, position, _HOW_BY_RANK[worst])


_NOTE_LINE = re.compile(r"(?m)^[ \t]*[-•*]?[ \t]*([A-Za-z][A-Za-z/ -]{0,15}?)[ \t]*:[ \t]*(\S.*)$")


def labelled_matches(text: AnalysedText, compiled: CompiledRubric, notes: bool = True) -> list[Match]:
    """In notes, "S: fintech startup 2021, reporting module" shows the cue its label
    names (the rubric's note_labels): one match over the words after the label, when
    they say something (two or more words that are not function words).

    In an answer, a heading ("Rollout: one ward first, then...") is the candidate's own
    structure: it counts as a single word of evidence on the heading itself, worth what
    its sentence is worth, and only over a line that says something (four or more words)."""
    if not compiled.note_labels:
        return []
    matches = []
    for line in _NOTE_LINE.finditer(text.text):
        cues = heading_cues(line.group(1).split("/"), compiled.note_labels)
        if not cues:
            continue
        start, end = line.span(2)
        inside = [i for i, t in enumerate(text.tokens) if t.start >= start and t.end <= end and t.end > t.start]
        if sum(1 for i in inside if not text.tokens[i].is_stop) < (2 if notes else 4):
            continue
        # A heading over nothing specific ("Task: ensure timely delivery while aligning
        # stakeholders") is a label without a story.
        if not notes and sum(1 for i in inside if _says_something(text.tokens[i])) < 2:
            continue
        # "R: none", "m: vague, didn't say": the interviewer wrote the cue off.
        opening = {text.tokens[i].norm for i in inside[:2]}
        written_off = not opening.isdisjoint(lexicon.NOTE_JUDGEMENTS | _TRIGGER_WORDS)
        if notes:
            first, last, content = inside[0], inside[-1], 2
        else:
            label = [i for i, t in enumerate(text.tokens) if t.start >= line.start(1) and t.end <= line.end(1)]
            if not label:
                continue
            first, last, content = label[0], label[-1], 1
        for cue in sorted(cues):
            pattern = Pattern(cue, STRONG, line.group(1).strip() + ":", (), content, False)
            matches.append(Match(pattern, first, last, "exact", negated=written_off, labelled=True))
    return matches


_HEADING_OPENERS = ("my ", "our ", "the ")


def heading_cues(parts: list[str], note_labels: dict[str, int]) -> set[int]:
    """The cues a heading's parts name ("Success", "Risks and rollout" split beforehand):
    "My target user" is the label "target user", or failing that "target"."""
    cues = set()
    for part in parts:
        label = part.strip().lower()
        if label.startswith(_HEADING_OPENERS) and " " in label:
            label = label.split(" ", 1)[1]
        found = note_labels.get(label)
        if found is None and " " in label:
            found = note_labels.get(label.split(" ", 1)[0])
        if found is not None:
            cues.add(found)
    return cues


_NOT_SPECIFIC = frozenset(lexicon.GENERIC_WORDS | lexicon.JARGON_WORDS)


def _says_something(token: Token) -> bool:
    return token.is_number or (
        token.kind == "word" and not token.is_stop and len(token.norm) >= 3 and token.norm not in _NOT_SPECIFIC
    )


def _by_first_word(triggers) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for trigger in triggers:
        index.setdefault(trigger[0], []).append(trigger)
    return index


_NEGATIONS = _by_first_word(lexicon.NEGATION_TRIGGERS)
_PSEUDO = frozenset(pseudo[:2] for pseudo in lexicon.PSEUDO_NEGATIONS)


def _has_trigger(norms: list[str]) -> bool:
    """Does a negation (and not a pseudo-negation like "not only") occur in `norms`?"""
    for offset, word in enumerate(norms):
        for trigger in _NEGATIONS.get(word, ()):
            if tuple(norms[offset : offset + len(trigger)]) != trigger:
                continue
            if tuple(norms[offset : offset + 2]) in _PSEUDO:
                continue
            return True
    return False


_AUXILIARIES = frozenset("was were is are been be being did do does had have has got".split())
_DENIALS = frozenset({"nothing", "none", "zero"})
_MODALS = frozenset({"would", "could", "might", "will", "should"})
_SINGLE_NEGATIONS = frozenset(trigger[0] for trigger in lexicon.NEGATION_TRIGGERS if len(trigger) == 1)
_TRIGGER_WORDS = frozenset(_NEGATIONS)
_SUBJECTS = frozenset("i we they he she you it".split())
_RELATIVES = frozenset({"who", "that", "whose", "which"})
_NOMINAL_TRIGGERS = frozenset({"without", "no", "zero", "none", "nothing", "lack", "instead", "rather", "absence"})
NOMINAL_REACH = 5
"""How far back "without", "no" and "instead of" reach, inside their own clause."""
SCOPE_LIMIT = 16
"""How far a negation, hedge or "I would" reaches forward along its clause chain."""


def _negated_after(following: list[str]) -> bool:
    """ "customers were never consulted", "metrics don't matter", "customers or users
    weren't involved", "feedback was ignored"."""
    if len(following) >= 3 and following[0] in ("or", "and"):
        following = following[2:]  # a coordinated subject: "customers or users weren't"
    if not following or following[0] not in _AUXILIARIES:
        return False
    rest = following[1:]
    if rest and rest[0] in ("ignored", "skipped", "overlooked", "neglected", "forgotten", "missing"):
        return True
    return bool(rest) and rest[0] in ("not", "never")


def _counterfactual(before: list[str]) -> bool:
    """ "would have", "could have", "should have" just before a match."""
    tail = before[-4:]
    if "have" not in tail:
        return False
    return any(a in ("would", "could", "should") and b == "have" for a, b in zip(tail, tail[1:], strict=False))


def _chain_starts(text: AnalysedText) -> list[int]:
    """For each token, where its clause chain begins. A chain is a clause and the verbs
    and objects coordinated with it ("never talked to customers or read the tickets"); it
    ends at the sentence's end, at but / however / because..., and where a new clause
    brings its own subject ("we skipped the pilot, we launched to 5%")."""
    tokens = text.tokens
    starts = [0] * len(tokens)
    begin = 0
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else None
        if (
            previous is None
            or token.sentence != previous.sentence
            or token.norm in lexicon.SCOPE_CLOSERS
            or (token.norm in _SUBJECTS and (token.clause != previous.clause or previous.norm in ("and", "or")))
        ):
            begin = index
        starts[index] = begin
    return starts


def _clause_starts(tokens: list[Token]) -> list[int]:
    starts = [0] * len(tokens)
    for index in range(1, len(tokens)):
        same = tokens[index].clause == tokens[index - 1].clause
        starts[index] = starts[index - 1] if same else index
    return starts


def _clause_ends(tokens: list[Token]) -> list[int]:
    ends = [0] * len(tokens)
    begin = 0
    for index in range(1, len(tokens) + 1):
        if index == len(tokens) or tokens[index].clause != tokens[begin].clause:
            for k in range(begin, index):
                ends[k] = index - 1
            begin = index
    return ends


_COPULAS = frozenset({"is", "was", "are", "were"})


def _says_what_it_is_not(norms: list[str], last: int) -> bool:
    """ "the problem isn't finding the app", "the goal was not speed": the phrase is
    followed by (or ends on) its verb, denied, and then by what it is not. A participle
    after the denial is a denial of the deed instead: "metrics were not defined"."""
    if norms[last] in _AUXILIARIES and norms[last + 1 : last + 2] in (["not"], ["never"]):
        return True
    after = norms[last + 1 : last + 4]
    return (
        len(after) == 3
        and after[0] in _COPULAS
        and after[1] in ("not", "never")
        and not (after[2].endswith("ed") and not after[2].endswith("eed"))
        and after[2] not in _IRREGULAR_PARTICIPLES
    )


_IRREGULAR_PARTICIPLES = frozenset(
    """done made set run told seen heard known thought built kept met given taken written
    chosen driven broken spoken forgotten hidden proven shown""".split()
)


def judge_context(
    text: AnalysedText,
    matches: list[Match],
    story: bool,
    steady_cues: frozenset[int] = frozenset(),
    judgements: frozenset[str] = frozenset(),
) -> list[Match]:
    """Mark each match negated, hedged or hypothetical from the words around it, and
    return the matches that stand. A phrase whose own verb the answer denies ("the
    problem isn't finding the app", "the goal wasn't speed") is dropped: it neither
    shows the cue nor refuses it, as the answer goes on to say what it is.

    A negation reaches forward over its whole clause chain (see _chain_starts), so "I
    never once talked to customers or read the support tickets" denies both. A phrase
    that itself holds a negation word ("rather than", "instead of") is not cancelled
    by that word. `steady_cues` are cues conditional by nature (reflection: "next time
    I would..."; options): hedges and "I would" don't weaken them. `judgements` are
    verdict words that deny a match on either side of it within its clause ("metrics
    vague"), as an interviewer's notes use them."""
    tokens = text.tokens
    norms = [t.norm for t in tokens]
    chain_start = _chain_starts(text)
    clause_end = _clause_ends(tokens)
    clause_start = _clause_starts(tokens)
    standing = []
    for match in matches:
        pattern = match.pattern
        if pattern.role == EXCLUDED or match.labelled:
            standing.append(match)
            continue
        first, last = match.first, match.last
        holds_negation = any(e.norms & _TRIGGER_WORDS for e in pattern.elements)
        if not holds_negation and _says_what_it_is_not(norms, last):
            continue
        standing.append(match)
        before = norms[max(chain_start[first], first - SCOPE_LIMIT) : first]
        # "without", "no", "instead of" negate the words they govern, within their own
        # clause; verbs of denial ("never", "didn't", "forgot to") reach along the chain.
        clause = norms[max(clause_start[first], first - NOMINAL_REACH) : first]
        before = [w for w in before[: len(before) - len(clause)] if w not in _NOMINAL_TRIGGERS] + clause
        following = norms[last + 1 : min(clause_end[last], last + 5) + 1]
        inside = norms[first : last + 1]
        if (
            (_TRIGGER_WORDS.intersection(before) and _has_trigger(before))
            or (_TRIGGER_WORDS.intersection(inside) and not holds_negation and _has_trigger(inside))
            or (norms[last] not in _RELATIVES and _negated_after(following))
            or (following and following[0] in _DENIALS)  # "we'd measure nothing"
            or (
                judgements
                and not judgements.isdisjoint(
                    norms[clause_start[first] : first] + norms[last + 1 : clause_end[last] + 1]
                )
            )
        ):
            match.negated = True
            continue
        if pattern.cue in steady_cues:
            continue
        if story and _counterfactual(before):
            match.negated = True  # "it would have saved two weeks": it didn't happen
            continue
        words = set(before)
        after = set(following[:2])
        hedges = len((words | after) & lexicon.HEDGES)
        if hedges:
            match.factor = 0.5 if hedges == 1 else 0.3
        # In a story, "I would..." is what the candidate might do, not what they did.
        if story and (words & lexicon.HYPOTHETICALS or after & _MODALS):
            match.factor = min(match.factor, 0.5)
    return standing
