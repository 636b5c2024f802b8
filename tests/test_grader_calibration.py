"""The grader against answers labelled by people (tests/data): the bars the grader
issue sets. The table of per-cue figures is printed (pytest -s, or -rA) and is part of
any failure message."""

from pathlib import Path

import pytest

from interviewcoach.calibration import REQUIRED_CUES, calibrate, cross_question, load_labelled

DATA = Path(__file__).parent / "data"
DEV_SET = sorted(DATA.glob("grading-dev-*.toml"))
CHECK_SETS = sorted(DATA.glob("grading-check*.toml"))
HARD_SETS = sorted(DATA.glob("grading-unseen-*.toml"))
"""Written to be hard (grader issue 9): the mediocre middle, off-question, negated and
plain-language answers. Held to lower floors until the grader reaches the targets."""


class Floors:
    """What CI holds the grader to on every labelled set: floors against regression,
    below the issue's targets (calibration.Bars), which benchmarks/eval_grader.py reports
    and which the grader does not meet on every set yet."""

    MACRO_F1 = 0.80
    SPEARMAN = 0.75
    GAMED = 35
    STRONG_AMONG_LOW = 0.10
    CROSS_BELOW_40 = 0.90
    OWN_OFF_QUESTION = 0.02


def report(calibration) -> str:
    lines = [f"{'rubric':16} {'cue':16}    P     R    F1"]
    for (rubric, cue), f in sorted(calibration.cues.items()):
        lines.append(f"{rubric:16} {cue:16} {f.precision:5.2f} {f.recall:5.2f} {f.f1:5.2f}")
    lines.append(f"macro F1 {calibration.macro_f1:.3f}, Spearman {calibration.spearman:.3f}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def dev_answers():
    return load_labelled(DEV_SET)


def test_the_development_set_is_big_and_varied_enough(dev_answers):
    assert len(dev_answers) >= 100
    assert {a.rubric for a in dev_answers} == {"product-design", "behavioural"}
    kinds = {a.kind for a in dev_answers}
    assert {
        "strong",
        "partial",
        "weak",
        "paraphrase",
        "negation",
        "typo",
        "stuffed",
        "offtopic",
        "oneline",
        "gibberish",
    } <= kinds
    assert {a.rating for a in dev_answers} == {1, 2, 3, 4, 5}
    for answer in dev_answers:
        assert set(REQUIRED_CUES[answer.rubric]) <= set(answer.labels), answer.id
    assert len({a.id for a in dev_answers}) == len(dev_answers)


@pytest.mark.parametrize("use_questions", [True, False], ids=["with-question", "rubric-only"])
@pytest.mark.parametrize(
    "files", [DEV_SET, *([path] for path in CHECK_SETS)], ids=["dev", *(p.stem for p in CHECK_SETS)]
)
def test_grader_meets_the_floors(library, files, use_questions):
    calibration = calibrate(load_labelled(files), library, use_questions=use_questions)
    table = report(calibration)
    print("\n" + table)
    if calibration.cues:
        assert calibration.macro_f1 >= Floors.MACRO_F1, table
    assert calibration.spearman >= Floors.SPEARMAN, table
    strong, low = calibration.strong_among_low
    assert strong <= Floors.STRONG_AMONG_LOW * low, (strong, low)
    gamed = {a.id: r.score for a, r in calibration.gamed}
    # Off-question answers are gamed only when graded against the question they miss.
    if not use_questions:
        gamed = {a.id: r.score for a, r in calibration.gamed if a.kind != "offquestion"}
    assert all(score < Floors.GAMED for score in gamed.values()), gamed


HARD_FLOORS = {
    # set: (macro F1 over required cues, Spearman); a little under each set's reading now.
    # The evidence check learned from every one of these sets, so they guard against
    # regressions; they are not readings of answers it has not seen (docs/grader-readings.md).
    "grading-unseen-a-behavioural": (0.94, 0.96),
    "grading-unseen-a-design": (0.87, 0.92),
    "grading-unseen-a-other": (None, 0.73),
    "grading-unseen-b-behavioural": (0.95, 0.91),
    "grading-unseen-b-design": (0.91, 0.93),
    "grading-unseen-b-other": (None, 0.87),
    "grading-unseen-c-behavioural": (0.94, 0.9),
    "grading-unseen-c-design": (0.87, 0.86),
    "grading-unseen-c-other": (None, 0.78),
    "grading-unseen-d-behavioural": (0.91, 0.89),
    "grading-unseen-d-design": (0.92, 0.94),
    "grading-unseen-d-other": (None, 0.9),
    "grading-unseen-e-behavioural": (0.92, 0.93),
    "grading-unseen-e-design": (0.93, 0.86),
    "grading-unseen-e-other": (None, 0.67),
    "grading-unseen-f-behavioural": (0.88, 0.92),
    "grading-unseen-f-design": (0.9, 0.88),
    "grading-unseen-g-behavioural": (0.89, 0.88),
    "grading-unseen-g-design": (0.88, 0.88),
    "grading-unseen-h-behavioural": (0.85, 0.78),
    "grading-unseen-i-behavioural": (0.87, 0.88),
    "grading-unseen-i-design": (0.89, 0.84),
    "grading-unseen-j-behavioural": (0.91, 0.91),
    "grading-unseen-j-design": (0.9, 0.84),
    "grading-unseen-k-behavioural": (0.9, 0.91),
    "grading-unseen-k-design": (0.88, 0.87),
    "grading-unseen-l-behavioural": (0.92, 0.9),
    "grading-unseen-l-design": (0.92, 0.9),
    "grading-unseen-h-design": (0.89, 0.86),
    # unseen-m: tuned on and learned from after its first reading (0.72/0.67, 0.81/0.79).
    "grading-unseen-m-behavioural": (0.83, 0.83),
    "grading-unseen-m-design": (0.95, 0.87),
    # unseen-n: tuned on and learned from after its first reading (0.82/0.82, 0.84/0.90).
    "grading-unseen-n-behavioural": (0.94, 0.91),
    "grading-unseen-n-design": (0.96, 0.88),
    # unseen-o: tuned on and learned from after its first reading (0.76/0.74, 0.82/0.91).
    "grading-unseen-o-behavioural": (0.87, 0.9),
    "grading-unseen-o-design": (0.97, 0.93),
    # unseen-p: tuned on and learned from after its first reading (0.75/0.59, 0.80/0.89).
    "grading-unseen-p-behavioural": (0.87, 0.84),
    "grading-unseen-p-design": (0.9, 0.92),
    # unseen-q: tuned on and learned from after its first reading (0.75/0.85, 0.74/0.83).
    "grading-unseen-q-behavioural": (0.9, 0.92),
    "grading-unseen-q-design": (0.87, 0.85),
}
KNOWN_MISREADS = {
    "u10b-pd-23": "a farmers' weather-alerts answer graded against farmers selling to "
    "restaurants: farmers, harvest, crops and a pilot are both questions' words",
    "u3-ot-16": "an answer about an underperforming PM graded against setting goals for eight "
    "teams: the question's words are too generic (goals, organisation, teams) to tell",
}
"""Gamed answers the grader still scores 30 or more, each with why; the test fails when
one is fixed, so this list stays true."""


@pytest.mark.parametrize("path", HARD_SETS, ids=[p.stem for p in HARD_SETS])
def test_grader_holds_its_floors_on_the_hard_sets(library, path):
    calibration = calibrate(load_labelled([path]), library)
    table = report(calibration)
    assert path.stem in HARD_FLOORS, "a new set: read it first (benchmarks/eval_grader.py), then give it floors"
    f1, rho = HARD_FLOORS[path.stem]
    if f1 is not None:
        assert calibration.macro_f1 >= f1, table
    assert calibration.spearman >= rho, table
    strong, low = calibration.strong_among_low
    assert strong <= 0.3 * low, (strong, low)
    for answer, result in calibration.gamed:
        if answer.id in KNOWN_MISREADS:
            assert result.score >= Floors.GAMED, f"{answer.id} is fixed: take it off KNOWN_MISREADS"
        else:
            assert result.score < Floors.GAMED, (answer.id, result.score)


NOTES_SETS = sorted(DATA.glob("grading-notes-*.toml"))


@pytest.mark.parametrize("path", NOTES_SETS, ids=[p.stem for p in NOTES_SETS])
def test_the_live_checklist_reads_interviewers_notes(library, path):
    """The peer cockpit's checklist scores notes typed while listening (issue 11's bar)."""
    calibration = calibrate(load_labelled([path]), library, notes=True)
    table = report(calibration)
    assert calibration.macro_f1 >= 0.85, table
    assert calibration.spearman >= 0.55, table


def test_design_answers_are_off_question_only_against_other_questions(library):
    answers = load_labelled([*DEV_SET, *CHECK_SETS, *HARD_SETS])
    cross = cross_question(answers, library, per_answer=4)
    assert len(cross.against_own) >= 40
    assert cross.own_off_question <= Floors.OWN_OFF_QUESTION, cross.against_own
    assert cross.below_40 >= Floors.CROSS_BELOW_40, sorted(cross.against_other, key=lambda x: -x[2])[:10]


def test_spearman_handles_ties():
    from interviewcoach.calibration import spearman

    assert spearman([1, 2, 3], [1, 2, 3]) == pytest.approx(1.0)
    assert spearman([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 1, 2, 2], [1, 1, 2, 2]) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        spearman([1], [1])
