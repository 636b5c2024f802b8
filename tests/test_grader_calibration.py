"""The grader against answers labelled by people (tests/data): the bars the grader
issue sets. The table of per-cue figures is printed (pytest -s, or -rA) and is part of
any failure message."""

from pathlib import Path

import pytest

from interviewcoach.calibration import REQUIRED_CUES, calibrate, load_labelled

DATA = Path(__file__).parent / "data"
DEV_SET = sorted(DATA.glob("grading-dev-*.toml"))
CHECK_SETS = sorted(DATA.glob("grading-check*.toml"))


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
    assert {"strong", "partial", "weak", "paraphrase", "negation", "typo", "stuffed",
            "offtopic", "oneline", "gibberish"} <= kinds
    assert {a.rating for a in dev_answers} == {1, 2, 3, 4, 5}
    for answer in dev_answers:
        assert set(REQUIRED_CUES[answer.rubric]) <= set(answer.labels), answer.id
    assert len({a.id for a in dev_answers}) == len(dev_answers)


@pytest.mark.parametrize("use_questions", [True, False], ids=["with-question", "rubric-only"])
@pytest.mark.parametrize(
    "files", [DEV_SET, *([path] for path in CHECK_SETS)], ids=["dev", *(p.stem for p in CHECK_SETS)]
)
def test_grader_meets_the_bar(library, files, use_questions):
    calibration = calibrate(load_labelled(files), library, use_questions=use_questions)
    table = report(calibration)
    print("\n" + table)
    assert calibration.macro_f1 >= 0.85, table
    assert calibration.spearman >= 0.75, table
    gamed = {a.id: r.score for a, r in calibration.gamed}
    assert gamed and all(score < 40 for score in gamed.values()), gamed


def test_spearman_handles_ties():
    from interviewcoach.calibration import spearman

    assert spearman([1, 2, 3], [1, 2, 3]) == pytest.approx(1.0)
    assert spearman([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 1, 2, 2], [1, 1, 2, 2]) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        spearman([1], [1])
