"""Grade an answer against a rubric: which cues it shows, how strongly, with evidence.

How a score comes about, in order:
1. Every rubric phrase found in the answer is a match (see matching.py); negated ones
   earn nothing, hedged or hypothetical ones earn less (not for cues conditional by
   nature, such as reflection).
2. A match is worth its phrase's strength (a multi-word phrase more than a single word)
   times the quality of its sentence: sentences made of jargon, bare keyword lists and
   sentences that claim many cues at once are discounted, and repeated sentences count
   once. A passing mention ("users", "so") is never evidence, unless a relative clause
   makes it specific ("people who lost their sight as adults").
   The learned evidence check (evidence_check.py) may then read a piece of evidence,
   in its sentence, as a mention: it only ever takes evidence away.
3. A cue's strength combines its evidence sentence by sentence with diminishing returns;
   one vague sentence shows it thinly (0.5, a hit), specifics and further sentences show
   it in depth. Mentions alone earn at most 0.3 and never a hit.
4. The score is the weighted mean cue strength, scaled down for answers that are short
   or say little that is specific, and by relevance when the question is known: an
   answer to another question is "off-question" and scores at most 20.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from interviewcoach.grading import evidence_check, lexicon
from interviewcoach.grading.compile import EXCLUDED, STRONG, WEAK, CompiledRubric, compiled_rubric
from interviewcoach.grading.dictionary import is_english_word
from interviewcoach.grading.matching import (
    Match,
    find_matches,
    heading_cues,
    is_past_tense,
    judge_context,
    labelled_matches,
    typo_corrections,
)
from interviewcoach.grading.relevance import Relevance, judge_relevance
from interviewcoach.grading.result import CueResult, Evidence, GradeResult, Verdict
from interviewcoach.grading.text import AnalysedText, Sentence, Token, analyse, stem
from interviewcoach.grading.verdict import verdict_for
from interviewcoach.models import Cue, Level, Question, Rubric

HIT_THRESHOLD = 0.5
MIN_WORDS = 20
"""Below this an answer is too short to grade fairly."""
FULL_LENGTH_WORDS = 110
"""From this length on, length no longer scales the score down."""

STRONG_PHRASE, STRONG_WORD, WEAK_MENTION = 1.0, 0.75, 0.3
"""What one match is worth before its sentence's quality: a phrase of two or more
content words, a single word, a passing mention."""
EVIDENCE_FLOOR = 0.35
"""A strong phrase worth less than this after its discounts (hedged, in a jargon
sentence) is a mention, not evidence."""
MENTIONS_CAP = 0.3
"""The most a cue shown only by passing mentions can be worth."""
"""A hit needs at least one match worth this much: passing mentions and hedged claims
alone never make one, however many there are; the cue's strength then stops just below
a hit."""
NO_STORY_FACTOR = 0.6
NOTHING_SPECIFIC, LITTLE_SPECIFIC = 0.5, 0.75
"""What a sentence's evidence is worth when it names nothing specific (no who, where,
how many, nothing the answer keeps returning to), or almost nothing."""
"""In a story rubric, a sentence with no past-tense verb is a claim, not an event."""

_GENERIC_STEMS = frozenset(stem(word) for word in lexicon.GENERIC_WORDS)
_JARGON_STEMS = frozenset(stem(word) for word in lexicon.JARGON_WORDS)


@dataclass
class _SentenceReading:
    quality: float
    specific: float
    repeated: bool
    list_like: bool
    no_event: bool = False
    """In a story: the sentence has no past-tense verb, so it tells no event."""
    vagueness: float = 1.0
    """Below 1 when the sentence names nothing specific: what its evidence is worth then."""


def grade_answer(
    answer: str,
    rubric: Rubric,
    question: Question | None = None,
    level: Level | None = None,
    *,
    follow_up: bool = False,
    notes: bool = False,
    check_evidence: bool = True,
) -> GradeResult:
    """Grade `answer` with `rubric` (and the question's own phrases, if given).
    Pure and thread-safe: no I/O, and the same input always gives the same result.

    `follow_up` grades a reply to an interviewer's probe: replies are short by nature,
    so length neither scales the score down nor makes the reply "insufficient".

    `notes` grades an interviewer's notes of a spoken answer, typed while listening:
    fragments, shorthand ("cust", "ppl", "w/o") and lists are how notes are written, so
    neither lists nor length nor a missing past tense count against them, relevance is
    not judged (the notes are of the question being asked), and the interviewer's verdict
    words ("no metrics", "result vague") deny the cue they stand beside.

    `check_evidence=False` grades by the phrase rules alone, without the learned
    evidence check (evidence_check.py): how the check's training reads answers."""
    if level is None and question is not None and len(question.levels) == 1:
        level = question.levels[0]
    compiled = compiled_rubric(rubric, question, level)
    text = analyse(answer, shorthand=notes)
    # Context first, so that where two matches overlap the one that stands (not negated)
    # is kept: "conversion didn't drop, and revenue rose by 11%".
    found = judge_context(
        text,
        find_matches(text, compiled),
        story=rubric.answer_kind == "story",
        steady_cues=compiled.conditional_cues,
        judgements=lexicon.NOTE_JUDGEMENTS if notes else frozenset(),
    )
    matches = _resolve(found)
    # A labelled fragment or a heading stands beside the phrases found in it, not in
    # their place.
    matches = sorted([*matches, *labelled_matches(text, compiled, notes)], key=lambda m: (m.first, m.pattern.cue))
    covered = {i for m in matches for i in range(m.first, m.last + 1)}
    claims = _claims(text, matches)
    readings = _read_sentences(text, covered, compiled, claims, notes)
    cues = _cue_results(text, compiled, matches, readings, claims, question, notes, check_evidence and not notes)
    return _overall(text, compiled, cues, readings, question, follow_up or notes, judge_relevance_too=not notes)


ONE_SENTENCE_CAP = 0.5
"""What one vague sentence can show of a cue: enough for a hit, not for depth. Each
specific word in it (a name, a number, the answer's own subject) adds DEPTH_PER_SPECIFIC,
and further sentences add with diminishing returns."""

DENIED_FROM = 0.4
"""Share of the rubric's weight an answer explicitly sets aside (negated, not shown
elsewhere) from which it is read as a refusal, and its score scaled down by that share."""

REPETITION_PENALTY = 0.4
"""What cue evidence is worth in an answer that mostly repeats itself."""


def _resolve(matches: list[Match]) -> list[Match]:
    """Drop matches inside a longer match of the same cue, and those an excluded
    phrase covers; an excluded phrase that negates is kept to report as negated."""
    kept: list[Match] = []
    by_cue: dict[int, list[Match]] = {}
    for match in matches:
        by_cue.setdefault(match.pattern.cue, []).append(match)
    for cue_matches in by_cue.values():
        excluded = [m for m in cue_matches if m.pattern.role == EXCLUDED]
        others = [m for m in cue_matches if m.pattern.role != EXCLUDED]
        others.sort(key=lambda m: (m.negated, -(m.pattern.role == STRONG), -m.pattern.content, m.first - m.last))
        chosen: list[Match] = []
        for match in others:
            if any(_overlap(match, e) for e in excluded):
                continue
            if any(_overlap(match, c) for c in chosen):
                continue
            chosen.append(match)
        for match in excluded:
            if match.pattern.negative:
                match.negated = True
                chosen.append(match)
        kept.extend(chosen)
    kept.sort(key=lambda m: (m.first, m.pattern.cue))
    return kept


def _overlap(a: Match, b: Match) -> bool:
    return a.first <= b.last and b.first <= a.last


def _claims(text: AnalysedText, matches: list[Match]) -> dict[int, set[int]]:
    """Sentence index -> the cues it claims with a strong phrase."""
    claims: dict[int, set[int]] = {}
    for match in matches:
        if not match.negated and match.pattern.role == STRONG:
            claims.setdefault(text.tokens[match.first].sentence, set()).add(match.pattern.cue)
    return claims


def _read_sentences(
    text: AnalysedText, covered: set[int], compiled: CompiledRubric, claims: dict[int, set[int]], notes: bool = False
) -> list[_SentenceReading]:
    story = compiled.rubric.answer_kind == "story" and not notes
    readings = []
    seen: dict[str, list[str]] = {}
    # Words an answer keeps coming back to are its subject (restaurants, reviews, owners);
    # a word said once may be a passing abstraction ("elegant", "clarify").
    recurring = Counter(
        t.stem
        for t in text.tokens
        if t.kind == "word" and not t.is_stop and t.stem not in _GENERIC_STEMS and t.stem not in _JARGON_STEMS
    )
    for sentence in text.sentences:
        tokens = text.tokens[sentence.first : sentence.last + 1]
        words = [t for t in tokens if t.kind != "symbol"]
        content_stems = [t.stem for t in words if not t.is_stop]
        specific = 0.0
        jargon = 0
        for offset, token in enumerate(tokens):
            index = sentence.first + offset
            if (
                token.stem in _JARGON_STEMS or token.norm in lexicon.JARGON_WORDS
            ) and token.stem not in compiled.topic_stems:
                # A word of the question's own subject is literal: a ride-share "driver"
                # is not "driven". Repeats alone don't make a subject: stuffing repeats.
                jargon += 1
            if index in covered:
                continue
            if token.is_number and token.kind == "number":
                specific += 1.5
                continue
            if token.kind != "word" or token.is_stop or len(token.norm) < 3:
                continue
            if token.stem in _GENERIC_STEMS or token.stem in _JARGON_STEMS:
                continue
            if token.capitalised and offset > 0:
                weight = 1.5  # a name: Leeds, Priya, Figma
            elif recurring[token.stem] >= 2 or token.stem in compiled.topic_stems:
                weight = 1.0
            else:
                weight = 0.5
            specific += weight
        stops = sum(1 for t in words if t.is_stop)
        list_like = (
            not notes  # notes are lists by nature
            and specific < 2
            and len(words) >= 5
            and (
                stops / len(words) < 0.15
                # A list of short items is gaming when its items claim several cues
                # ("build an MVP, run a beta, measure KPIs"), not when it breaks one idea down.
                or (len(claims.get(sentence.index, ())) >= 3 and _comma_list(text, sentence))
            )
        )
        jargon_heavy = jargon >= 2 and jargon >= specific
        quality = 1.0
        vagueness = 1.0
        if notes:
            pass  # notes keep the gist, not the details: terseness is not vagueness
        elif specific == 0:
            vagueness = NOTHING_SPECIFIC
        elif specific < 1.5:
            vagueness = LITTLE_SPECIFIC
        if jargon_heavy:
            quality *= 0.45
        if list_like:
            quality *= 0.45
        no_event = story and (
            not any(is_past_tense(t) for t in tokens) or any(t.norm in lexicon.HABITUAL for t in tokens)
        )
        key = " ".join(content_stems)
        repeated = False
        if len(content_stems) >= 3:
            # Near-repeats share their opening, so only those are compared in full.
            similar = seen.setdefault(content_stems[0], [])
            repeated = key in similar or (
                len(content_stems) >= 5
                and bool(similar)
                and process.extractOne(key, similar, scorer=fuzz.ratio, processor=None, score_cutoff=90) is not None
            )
            similar.append(key)
        readings.append(_SentenceReading(quality, specific, repeated, list_like, no_event, vagueness))
    return readings


def _comma_list(text: AnalysedText, sentence: Sentence) -> bool:
    """Four or more short items in a row ("build an MVP, run a beta, gather feedback,
    measure KPIs"): a list of steps named, not a plan explained."""
    items = [item.split() for item in re.split(r",|;| and ", text.text[sentence.start : sentence.end])]
    items = [item for item in items if item]
    return len(items) >= 4 and sum(len(item) for item in items) / len(items) <= 3.5


_HEADING = re.compile(r"\s*[-•*]?\s*([A-Za-z][A-Za-z &/-]{0,30}?)\s*:")


def _headed_sentences(text: AnalysedText, compiled: CompiledRubric) -> dict[int, set[int]]:
    """Sentence index -> the cues its heading names ("Success:", "Risks and rollout:")."""
    if not compiled.note_labels:
        return {}
    headed: dict[int, set[int]] = {}
    for sentence in text.sentences:
        found = _HEADING.match(text.text, sentence.start)
        if not found or found.start(1) > sentence.start + 4:
            continue
        cues = heading_cues(re.split(r"\s+and\s+|\s*[&/]\s*", found.group(1).strip()), compiled.note_labels)
        if cues:
            headed[sentence.index] = cues
    return headed


def _sentence_cap(reading: _SentenceReading) -> float:
    """What one sentence can show of a cue: a cue named in a vague clause is thin; in a
    sentence full of specifics (who, where, how many) it is shown in depth."""
    return min(1.0, ONE_SENTENCE_CAP + DEPTH_PER_SPECIFIC * reading.specific)


DEPTH_PER_SPECIFIC = 0.05


def _situated(text: AnalysedText, match: Match) -> bool:
    """A passing mention that ends in a relative pronoun and goes on to say something
    specific is no longer passing: "people who lost their sight as adults" chooses a
    group, "people who want a better experience" doesn't."""
    tokens = text.tokens
    if match.pattern.role != WEAK or tokens[match.last].norm not in _RELATIVES:
        return False
    if tokens[match.first].norm in lexicon.ANYONE:
        return False  # "anyone who", "someone that": nobody chosen
    head = tokens[match.last - 1]
    if match.last == match.first or head.kind == "symbol" or (head.kind == "word" and head.is_stop):
        return False  # 'a "who's on" rota': no noun (or age: "aged 8 to 12 who") heads the clause
    end = min(len(tokens), match.last + 1 + SITUATION_WORDS)
    specific = 0
    for token in tokens[match.last + 1 : end]:
        if token.sentence != tokens[match.last].sentence:
            break
        if token.is_number or (
            token.kind == "word"
            and not token.is_stop
            and len(token.norm) >= 3
            and token.stem not in _GENERIC_STEMS
            and token.stem not in _JARGON_STEMS
        ):
            specific += 1
    return specific >= 2


SITUATION_WORDS = 8
"""How far past "who" a relative clause is read for what it says."""


PLATITUDE_FACTOR = 0.4
"""What a cue said in general words by nature is worth when the words it leads into say
nothing in particular ("I learned a lot"): a mention, not evidence."""

_PLATITUDE_STEMS = frozenset(stem(word) for word in lexicon.PLATITUDE_WORDS)


def _platitude(text: AnalysedText, match: Match) -> bool:
    """Does the match, with what it leads into ("I learned to be adaptable", "Looking
    back, I wouldn't do anything differently"), name nothing but stock words?"""
    tokens = text.tokens
    first = match.first
    while first > 0 and tokens[first - 1].clause == tokens[match.first].clause:
        first -= 1
    last = _shown_on(text, match.first, match.last, SHOWN_WORDS_AFTER, False)
    said = [*tokens[first : match.first], *tokens[match.last + 1 : last + 1]]
    return not any(
        t.kind != "symbol" and not t.is_stop and t.stem not in _GENERIC_STEMS and t.stem not in _PLATITUDE_STEMS
        for t in said
    )


def _match_value(match: Match, reading: _SentenceReading, cue: Cue) -> float:
    pattern = match.pattern
    if pattern.role == STRONG or match.situated:
        base = STRONG_PHRASE if pattern.content >= 2 else STRONG_WORD
    else:
        base = WEAK_MENTION
    event = cue.event and not cue.conditional
    story_factor = NO_STORY_FACTOR if event and reading.no_event else 1.0
    # A cue said in general words by nature ("it fell to me to decide") is not vague for it.
    vagueness = 1.0 if cue.abstract else reading.vagueness
    return base * match.factor * reading.quality * vagueness * story_factor


def _cue_results(text, compiled, matches, readings, claims, question=None, notes=False, check=False) -> list[CueResult]:
    tokens = text.tokens
    sentences = text.sentences
    focus = set(question.focus_cues) if question is not None and question.focus_cues else None
    # In notes every line is headed and packs several cues: headings only sort answers.
    headed = {} if notes else _headed_sentences(text, compiled)
    repeated = sum(1 for r in readings if r.repeated)
    # An answer that is mostly the same sentence again is gaming, not answering.
    repetition = REPETITION_PENALTY if repeated >= 2 and repeated * 3 >= len(readings) else 1.0
    reader = evidence_check.SentenceReader(compiled.rubric.id, tokens) if check else None
    results = []
    for index, compiled_cue in enumerate(compiled.cues):
        cue = compiled_cue.cue
        best_per_sentence: dict[int, float] = {}
        evidence: list[Evidence] = []
        mentions: list[Evidence] = []
        negated: list[Evidence] = []
        for match in (m for m in matches if m.pattern.cue == index):
            match.situated = _situated(text, match)
            sentence_index = tokens[match.first].sentence
            reading = readings[sentence_index]
            if match.negated:
                negated.append(_evidence(text, sentences[sentence_index], match, 0.0))
                continue
            if reading.repeated:
                continue
            value = _match_value(match, reading, cue) * repetition
            if cue.abstract and cue.conditional and _platitude(text, match):
                value *= PLATITUDE_FACTOR
            # One sentence claiming many cues is a summary, not a demonstration; a
            # concrete one may still carry several ("In 2022 I was the PM for the driver
            # app at a parcel company..."), so only vague crowded sentences are discounted.
            crowd = len(claims.get(sentence_index, ()))
            if crowd >= 3 and reading.specific < crowd - 1:
                value *= min(1.0, 2.0 / (crowd - 0.5))
            # A sentence headed "Success:" or "Risks:" belongs to that cue: another cue's
            # words in it ("users whose...", "pilot") are said on the way.
            heading = headed.get(sentence_index)
            if heading and index not in heading:
                value *= 0.5
            value = round(value, 3)
            if value <= 0:
                continue
            sentence = sentences[sentence_index]
            if (
                (match.pattern.role == STRONG or match.situated)
                and value >= EVIDENCE_FLOOR
                and not (cue.beyond_prompt and _restates_prompt(tokens, match, compiled.prompt_stems))
                and not (reader is not None and reader.doubts(cue.id, sentence, match, value))
            ):
                evidence.append(_evidence(text, sentence, match, value, shown_in_context=True))
                best_per_sentence[sentence_index] = max(best_per_sentence.get(sentence_index, 0.0), value)
            else:
                mentions.append(_evidence(text, sentence, match, value))
        if evidence:
            # A hit stands on its evidence alone: passing mentions ("so", "users") and
            # hedged half-claims neither add to it nor are shown as what earned it.
            missing = 1.0
            for sentence_index, value in best_per_sentence.items():
                missing *= 1.0 - min(value, _sentence_cap(readings[sentence_index]))
            strength = 1.0 - missing
        else:
            # Mentions alone never make a hit, however many: they show the cue was in
            # view, and earn a little.
            evidence = sorted(evidence + mentions, key=lambda e: e.start)
            missing = 1.0
            for item in evidence:
                missing *= 1.0 - item.weight
            strength = min(1.0 - missing, MENTIONS_CAP)
        strength = round(strength, 3)
        hit = strength >= HIT_THRESHOLD
        results.append(
            CueResult(
                id=cue.id,
                label=cue.label,
                hit=hit,
                strength=strength,
                negated=bool(negated) and not hit,
                # Cues a question does not ask about are shown but count nothing.
                weight=compiled_cue.weight if focus is None or cue.id in focus else 0.0,
                evidence=evidence,
                negated_evidence=negated,
                tip=None if hit or (focus is not None and cue.id not in focus) else cue.tip,
                probe=None if hit or (focus is not None and cue.id not in focus) else cue.probes[0],
            )
        )
    return results


_RELATIVES = frozenset({"who", "whose", "that", "which"})


def _restates_prompt(tokens, match: Match, prompt_stems: frozenset[str]) -> bool:
    """Are all the match's content words the question's own? A relative clause ("owners
    who just went freelance") says more than the question did, whatever its noun."""
    if tokens[match.last].norm in _RELATIVES:
        return False
    words = [
        t
        for t in tokens[match.first : match.last + 1]
        if t.kind == "word" and not t.is_stop and t.norm not in lexicon.FRAMING_WORDS
    ]
    return bool(prompt_stems) and bool(words) and all(t.stem in prompt_stems for t in words)


def _evidence(
    text: AnalysedText, sentence: Sentence, match: Match, weight: float, shown_in_context: bool = False
) -> Evidence:
    """`shown_in_context`: evidence (not a mention) is shown with what its words lead into."""
    tokens = text.tokens
    first = match.first
    # "82-year-old": the figure written onto the words is part of them.
    if shown_in_context and first > 0 and tokens[first - 1].is_number and _attached(text, first - 1, first):
        first -= 1
    start = tokens[first].start
    end = tokens[_shown_until(text, match) if shown_in_context else match.last].end
    return Evidence(
        start=start,
        end=end,
        text=text.text[start:end],
        phrase=match.pattern.phrase,
        how=match.how,
        sentence=text.text[sentence.start : sentence.end],
        weight=weight,
    )


SHOWN_WORDS_AFTER = 12
"""How far evidence that only leads in ("we hit", "went from", "crews who") is shown on
into the words it leads into."""

SHOWN_WORDS_UNDER_HEADING = 12
"""How much of the line a heading ("Result: ...") heads is shown with it."""


def _shown_until(text: AnalysedText, match: Match) -> int:
    """The last token to show for a match. Highlighting "we hit", "went from", "biggest
    risk is" or "crews who" shows the user nothing; what the words lead into ("we hit 40%
    of stores by March") is what earned the cue. So evidence with at most one word of
    substance, or ending in a function word or a relative pronoun, is shown with the rest
    of its clause (or, when it ends its clause, "Looking back, ...", with the next one),
    up to SHOWN_WORDS_AFTER words; a heading is shown with the line it heads."""
    tokens = text.tokens
    if match.labelled:
        return _with_symbols(text, _shown_on(text, match.first, match.last, SHOWN_WORDS_UNDER_HEADING, True))
    matched = [t for t in tokens[match.first : match.last + 1] if t.kind != "symbol"]
    substance = [t for t in matched if not _function_word(t) and t.stem not in _GENERIC_STEMS]
    leads_in = (
        tokens[match.last].norm in _RELATIVES
        or _function_word(tokens[match.last])
        or len(substance) <= 1
        or _introduces(text, match.last)
    )
    if not leads_in:
        return _with_symbols(text, match.last)
    return _with_symbols(text, _shown_on(text, match.first, match.last, SHOWN_WORDS_AFTER, False))


_LEADS_ON = frozenset({"us", "me", "him", "her", "them", "it"} | lexicon.SCOPE_CLOSERS)
"""Words that, ending a span, say it goes on: "tell us", "matters because"."""


def _function_word(token: Token) -> bool:
    return token.is_stop or token.norm in _LEADS_ON


def _attached(text: AnalysedText, before: int, after: int) -> bool:
    """Are two tokens written as one ("15%", "82-year-old")?"""
    return text.text[text.tokens[before].end : text.tokens[after].start] in ("", "-")


def _introduces(text: AnalysedText, last: int) -> bool:
    """Do the words end in a colon ("How I'd know it worked: ...")? Then they introduce
    what follows it."""
    if last + 1 >= len(text.tokens):
        return False
    return ":" in text.text[text.tokens[last].end : text.tokens[last + 1].start]


def _with_symbols(text: AnalysedText, last: int) -> int:
    """`last`, or the symbol written onto it ("15" -> "15%"): a span never cuts a figure."""
    tokens = text.tokens
    while last + 1 < len(tokens) and tokens[last + 1].kind == "symbol" and _attached(text, last, last + 1):
        last += 1
    return last


def _shown_on(text: AnalysedText, first: int, last: int, words: int, whole_sentence: bool) -> int:
    """The last token of the words after `first..last` that say what they lead into: the
    rest of their clause (every clause of their sentence when `whole_sentence`), or the
    next clause when they are a clause of their own; never past a joining word ("and",
    "but") or more than `words` words."""
    tokens = text.tokens
    if last + 1 >= len(tokens):
        return last
    clause, sentence = tokens[last].clause, tokens[last].sentence
    if tokens[last + 1].clause != clause:
        # "Looking back, I'd ...", "Result" over its line, "know it worked: ...": words
        # that are a clause (or a line) of their own, or end in a colon, lead into the
        # next one; anything else ends where it ends.
        starts_clause = first == 0 or tokens[first - 1].clause != clause
        starts_sentence = first == 0 or tokens[first - 1].sentence != sentence
        colon = _introduces(text, last)
        if not (starts_clause or colon) or (tokens[last + 1].sentence != sentence and not (starts_sentence or colon)):
            return last
        clause, sentence = tokens[last + 1].clause, tokens[last + 1].sentence
    shown = last
    counted = 0
    for index in range(last + 1, len(tokens)):
        token = tokens[index]
        if not whole_sentence and token.clause != clause and index - 1 > last and _introduces(text, index - 1):
            clause, sentence = token.clause, token.sentence  # "What I took from it: ..."
        if token.sentence != sentence or (not whole_sentence and token.clause != clause):
            break
        if not whole_sentence and token.norm in _CLAUSE_JOINS and not _degree(tokens, index):
            break
        if token.kind != "symbol":
            counted += 1
            if counted > words:
                break
        shown = index
    # A list number ("v1:" over "1. Rewrite...") leads into nothing worth showing.
    if not any(token.kind == "word" for token in tokens[last + 1 : shown + 1]):
        return last
    return shown


_CLAUSE_JOINS = frozenset({"and", "but", "or", "because", "so", "while", "whereas"})
"""Where a shown clause stops: what comes after is another thought."""


def _degree(tokens: list[Token], index: int) -> bool:
    """ "so much", "so many": "so" as a degree word, not a join."""
    following = tokens[index + 1].norm if index + 1 < len(tokens) else ""
    return tokens[index].norm == "so" and following in {"much", "many", "far", "few", "little", "long"}


def _overall(text, compiled, cues, readings, question, follow_up=False, judge_relevance_too=True) -> GradeResult:
    notes: list[str] = []
    total_weight = sum(c.weight for c in cues) or 1.0
    raw = sum(c.weight * c.strength for c in cues) / total_weight
    counted = [r for r in readings if not r.repeated]
    specific_per_sentence = sum(min(r.specific, 4.0) for r in counted) / len(counted) if counted else 0.0
    substance = 0.4 + 0.6 * min(1.0, specific_per_sentence / 2.0) ** 1.5
    # Words of a repeated sentence don't make an answer longer.
    repeated_words = sum(
        1
        for sentence, reading in zip(text.sentences, readings, strict=True)
        if reading.repeated
        for token in text.tokens[sentence.first : sentence.last + 1]
        if token.kind != "symbol"
    )
    words = max(0, text.word_count - repeated_words)
    length = 1.0 if follow_up else min(1.0, words / FULL_LENGTH_WORDS) ** 0.5
    score = round(100 * raw * substance * length)
    # An answer that sets aside most of what was asked ("no research, no pilot, no
    # metrics") is not saved by the one pain it mentions on the way.
    denied = sum(c.weight for c in cues if c.negated and not c.hit) / total_weight
    if denied >= DENIED_FROM:
        score = round(score * (1.0 - denied))
        notes.append(
            "This answer sets aside most of what was asked: "
            + ", ".join(c.label.lower() for c in cues if c.negated and not c.hit)
            + "."
        )
    # An answer made of the question's own words and PM vocabulary ("the siblings
    # coordinating care for an ageing parent are our key persona and target segment")
    # names every cue and says nothing of its own.
    own = None if follow_up else _own_share(text, compiled)
    if own is not None and own < OWN_WORDS:
        score = round(score * (own / OWN_WORDS) ** 2)
        notes.insert(
            0,
            "Most of this answer is the question's own words and PM vocabulary: "
            + (
                "tell what happened, what you did and what changed."
                if compiled.rubric.answer_kind == "story"
                else "say what you would build, for whom, and how you would know it worked."
            ),
        )
    # "At [Company] our [metric] fell by [X]%": a form waiting to be filled in is no
    # answer, however well its blanks are arranged.
    placeholders = len(_PLACEHOLDER.findall(text.text))
    if placeholders >= PLACEHOLDERS_FROM and not follow_up and score > PLACEHOLDER_CAP:
        score = PLACEHOLDER_CAP
        notes.insert(
            0,
            f"{placeholders} [placeholders] stand where the specifics should be: say what happened, "
            "with real names and numbers (change them if they are confidential).",
        )
    # A story with nothing the candidate did is a colleague's story, or a lecture on
    # how to tell one: its context, outcome and lesson are not the candidate's to claim.
    missing = [c for i, c in enumerate(cues) if not c.hit and i in compiled.essential_cues]
    if missing and not follow_up and score >= ESSENTIAL_CAP:
        score = ESSENTIAL_CAP - 1
        notes.insert(
            0,
            f"No {missing[0].label.lower()}: it is what this kind of answer is judged on, so the "
            f"score stays under {ESSENTIAL_CAP} until it is there.",
        )
    relevance = None
    if compiled.topic is not None and not follow_up and judge_relevance_too:
        relevance = judge_relevance(text, compiled.topic, set(typo_corrections(text, compiled).values()))
        if relevance.on_question:
            score = round(score * relevance.factor)
            if relevance.elsewhere:
                notes.append(
                    f"This answer keeps coming back to {', '.join(relevance.elsewhere[:3])}, which the "
                    "question never mentions: make sure you answer what was asked."
                )

    repeated = sum(1 for r in readings if r.repeated)
    if repeated:
        notes.append(f"{repeated} repeated sentence(s) counted once.")
    if repeated >= 2 and repeated * 3 >= len(readings):
        notes.append("Most of this answer repeats itself, so its cues count for little.")
    listy = sum(1 for r in counted if r.list_like)
    if listy:
        notes.append(f"{listy} line(s) read as keyword lists and count for little: say it in sentences.")
    if substance < 0.8 and counted:
        notes.append("Mostly general PM vocabulary: name who, what, where and how many to make it convincing.")
    if length < 1.0 and text.word_count >= MIN_WORDS:
        # The words that counted: a long paste of one paragraph over and over is short.
        said = f"{words} words once repeats are set aside" if repeated_words else f"{text.word_count} words"
        notes.append(f"{said}: strong answers usually run 150 words or more.")

    insufficient = _insufficient_reason(text, compiled, cues, question, follow_up)
    if insufficient is None and relevance is not None and not relevance.on_question:
        notes.insert(0, _off_question_note(relevance))
        score = min(OFF_QUESTION_CAP, round(score * 0.2))
        verdict: Verdict = "off-question"
        # However well built, an answer to another question shows nothing that was asked.
        cues = [
            replace(cue, hit=False, tip=cue.tip or _tip(compiled, cue.id), probe=cue.probe or _probe(compiled, cue.id))
            for cue in cues
        ]
    elif insufficient:
        notes.insert(0, insufficient)
        score = min(score, 10)
        verdict = "insufficient"
        # Too short, unreadable or off the question: nothing in it can earn a cue.
        cues = [
            replace(cue, hit=False, tip=cue.tip or _tip(compiled, cue.id), probe=cue.probe or _probe(compiled, cue.id))
            for cue in cues
        ]
    else:
        verdict = verdict_for(score)
    return GradeResult(
        rubric=compiled.rubric.id,
        rubric_version=compiled.rubric.version,
        question=question.id if question else None,
        score=max(0, min(100, score)),
        verdict=verdict,
        cues=cues,
        word_count=text.word_count,
        notes=notes,
        relevance=relevance,
    )


OWN_WORDS = 0.4
"""Below this share of its content words an answer's own (not the question's prompt, not
PM jargon, not generic PM vocabulary), its score is scaled by the square of how far
below it is. On the labelled sets the answers under it are stuffed, gibberish, STAR
headings over nothing, a few refusals and two weak ones; the lowest answer rated 3 or
more sits at 0.37 (a terse strategy answer), the lowest design answer at 0.51."""
OWN_WORDS_FROM = 20
"""Content words an answer needs before the share is judged; shorter ones have their own rules."""


def _own_share(text: AnalysedText, compiled: CompiledRubric) -> float | None:
    content = [t for t in text.tokens if t.kind == "word" and not t.is_stop and len(t.norm) >= 3]
    if len(content) < OWN_WORDS_FROM:
        return None
    borrowed = compiled.prompt_stems | _JARGON_STEMS | _GENERIC_STEMS
    own = sum(1 for t in content if t.stem not in borrowed and t.norm not in lexicon.JARGON_WORDS)
    return own / len(content)


OFF_QUESTION_CAP = 20
"""The most an answer to another question can score."""
PLACEHOLDERS_FROM, PLACEHOLDER_CAP = 3, 20
"""An answer with this many bracketed placeholders ("[Company]", "[X]%") is a template:
its score is at most PLACEHOLDER_CAP."""
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,40}\](?!\()")
"""A bracketed blank; not a Markdown link ("[docs](https://...)")."""
ESSENTIAL_CAP = 40
"""An answer missing an essential cue (a story with no action of the candidate's) scores
under this: "weak" or "partial" at best."""


def _off_question_note(relevance: Relevance) -> str:
    if relevance.theme is not None and relevance.missing and relevance.missing[0] != relevance.theme:
        person = relevance.missing[0]
        article = "an" if person[0] in "aeiou" else "a"
        return (
            f"This story doesn't answer the question: it asks about {article} {person}, "
            "and nobody of that kind is in the story."
        )
    if relevance.theme is not None:
        return (
            f"This story doesn't answer the question: it asks about {relevance.theme.replace('-', ' ')}, "
            "and the story never comes to it."
        )
    missing = list(relevance.missing)
    named = ", ".join(missing[:-1]) + f" or {missing[-1]}" if len(missing) > 1 else (missing[0] if missing else "")
    about = f": it never mentions {named}" if named else ""
    return f"This answer doesn't address the question{about}. Answer the question that was asked."


def _tip(compiled: CompiledRubric, cue_id: str) -> str:
    return next(c.cue.tip for c in compiled.cues if c.cue.id == cue_id)


def _probe(compiled: CompiledRubric, cue_id: str) -> str:
    return next(c.cue.probes[0] for c in compiled.cues if c.cue.id == cue_id)


def _insufficient_reason(text, compiled, cues, question, follow_up=False) -> str | None:
    if text.word_count == 0:
        return "No answer to grade."
    if follow_up:
        return None
    if not text.text.isascii():
        letters = [c for c in text.text if c.isalpha()]
        if sum(1 for c in letters if ord(c) < 0x250) < 0.7 * len(letters):  # mostly non-Latin
            return "This does not read as an English answer."
    if text.word_count < MIN_WORDS:
        return f"Too short to grade ({text.word_count} words): answer in full sentences."
    words = [t for t in text.tokens if t.kind == "word"]
    stops = sum(1 for t in words if t.is_stop)
    if stops / max(1, len(words)) < 0.25:
        checkable = [t.norm for t in words if len(t.norm) >= 3]
        known = sum(1 for w in checkable if w in lexicon.STOPWORDS or w in compiled.vocabulary or is_english_word(w))
        if checkable and known / len(checkable) < 0.6:
            return "This does not read as an English answer."
    evidence = sum(c.strength for c in cues)
    if question is None and evidence < 0.5 and not any(c.hit for c in cues):
        return "This answer does not address what the rubric looks for."
    return None
