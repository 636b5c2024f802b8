"""The learned evidence check: what it reads, that it only ever takes evidence away, and
where it does not apply. How well it reads is measured on labelled sets, not here
(benchmarks/train_evidence_check.py --cv, benchmarks/eval_grader.py)."""

import importlib.util
from pathlib import Path

import pytest

from interviewcoach.calibration import REQUIRED_CUES, load_labelled
from interviewcoach.grading import evidence_check, grade_answer
from interviewcoach.grading.compile import compiled_rubric
from interviewcoach.grading.matching import find_matches, labelled_matches
from interviewcoach.grading.text import analyse

DATA = Path(__file__).parent / "data"
SENTENCES = [
    "We'd pilot it with two clinics in Leeds in March before a wider launch.",
    "Pilot projects are how big companies waste a year.",
    "Success is the share of discharged patients who call the ward with a question, under 5%.",
    "I was the PM for the checkout team at a furniture retailer in 2021.",
    "Customers kept telling us they gave up at the delivery step because it cost £40.",
]


def test_the_shipped_check_covers_the_required_cues_of_the_two_rubrics():
    model = evidence_check.model()
    assert model is not None
    assert set(model.cues) == {f"{rubric}/{cue}" for rubric, cues in REQUIRED_CUES.items() for cue in cues}
    assert 0 < model.threshold < 1
    assert model.answers >= 500 and any(name.startswith("unseen-") for name in model.trained_on)
    assert all(check.weights for check in model.cues.values())


@pytest.mark.parametrize("sentence", SENTENCES)
def test_training_and_grading_read_a_sentence_the_same_way(sentence):
    model = evidence_check.model()
    tokens = analyse(sentence).tokens
    reader = evidence_check.SentenceReader("product-design", tokens)
    story_reader = evidence_check.SentenceReader("behavioural", tokens)
    for key, check in model.cues.items():
        rubric, cue = key.split("/")
        for phrase, how, value in (("pilot|pilots", "exact", 0.8), ("customer|customers", "stem", 0.4)):
            trained = evidence_check.probability(check, evidence_check.features(tokens, phrase, how, value))
            graded = (reader if rubric == "product-design" else story_reader).probability(
                cue, 0, len(tokens) - 1, phrase, how, value
            )
            assert graded == pytest.approx(trained), key


@pytest.fixture(scope="module")
def labelled():
    return load_labelled([DATA / "grading-unseen-h-design.toml", DATA / "grading-unseen-h-behavioural.toml"])


def test_the_check_only_takes_evidence_away(library, labelled):
    """Every point still points at words the phrase rules found."""
    removed = 0
    for answer in labelled:
        question = library.questions[answer.question]
        rubric = library.rubrics[question.rubric]
        checked = grade_answer(answer.answer, rubric, question)
        unchecked = grade_answer(answer.answer, rubric, question, check_evidence=False)
        text = analyse(answer.answer)
        compiled = compiled_rubric(rubric, question, None)
        matches = [*find_matches(text, compiled), *labelled_matches(text, compiled, False)]
        found = {text.tokens[m.first].start for m in matches}
        # A figure written onto the matched words ("82-year-old") is shown with them.
        found |= {
            text.tokens[m.first - 1].start
            for m in matches
            if m.first and answer.answer[text.tokens[m.first - 1].end : text.tokens[m.first].start] in ("", "-")
        }
        for before, after in zip(unchecked.cues, checked.cues, strict=True):
            # Whatever the check counts starts where a rubric phrase matched.
            assert {e.start for e in after.evidence} <= found, (answer.id, after.id)
            assert before.hit or not after.hit, (answer.id, after.id)
            if before.hit and after.hit:
                assert after.strength <= before.strength + 1e-9, (answer.id, after.id)
            removed += before.hit and not after.hit
    assert removed > 0, "the check took no hit away: is the model loaded?"


def test_on_the_answers_it_learned_from_it_takes_away_more_false_hits_than_true_ones(library, labelled):
    false_removed = true_removed = 0
    for answer in labelled:
        question = library.questions[answer.question]
        rubric = library.rubrics[question.rubric]
        checked = grade_answer(answer.answer, rubric, question)
        unchecked = grade_answer(answer.answer, rubric, question, check_evidence=False)
        for before, after in zip(unchecked.cues, checked.cues, strict=True):
            if before.hit and not after.hit and after.id in answer.labels:
                if answer.labels[after.id]:
                    true_removed += 1
                else:
                    false_removed += 1
    assert false_removed > 2 * true_removed, (false_removed, true_removed)


def test_a_users_own_rubric_is_left_to_the_phrase_rules(library, labelled):
    own = library.rubrics["product-design"].model_copy(update={"id": "my-design"})
    for answer in labelled[:10]:
        assert grade_answer(answer.answer, own) == grade_answer(answer.answer, own, check_evidence=False)


def test_without_a_shipped_model_grading_uses_the_phrase_rules(monkeypatch, library, labelled):
    rubric = library.rubrics["product-design"]
    answer = labelled[0].answer
    unchecked = grade_answer(answer, rubric, check_evidence=False)
    monkeypatch.setattr(evidence_check, "_model", None)
    monkeypatch.setattr(evidence_check, "_loaded", True)
    assert grade_answer(answer, rubric) == unchecked


def test_training_gives_the_same_weights_every_time(library):
    path = Path(__file__).parent.parent / "benchmarks" / "train_evidence_check.py"
    spec = importlib.util.spec_from_file_location("train_evidence_check", path)
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    answers = load_labelled([DATA / "grading-unseen-a-design.toml"])[:8]
    found = trainer.examples(answers, library)
    assert found
    assert trainer.train(found, ["a"], len(answers)) == trainer.train(found, ["a"], len(answers))


def test_evidence_of_common_words_is_shown_with_what_they_lead_into(library):
    answer = (
        "Freelancers get paid in lumps and nobody withholds tax for them, so they end up on IRS "
        "payment plans with penalties on top. I'd start with people who went freelance this year "
        "after a salaried job, because they have never filed quarterly taxes before."
    )
    result = grade_answer(answer, library.rubrics["product-design"], check_evidence=False)
    shown = [e.text for cue in result.cues if cue.hit for e in cue.evidence]
    assert any(text.startswith("end up on IRS payment plans") for text in shown), shown
    assert not any(text in ("end up", "so they", "people who") for text in shown), shown
    for cue in result.cues:
        for evidence in cue.evidence:
            assert answer[evidence.start : evidence.end] == evidence.text


def _shown(answer, rubric):
    result = grade_answer(answer, rubric, check_evidence=False)
    shown = {e.text for cue in result.cues if cue.hit for e in cue.evidence}
    for cue in result.cues:
        for evidence in cue.evidence:
            assert answer[evidence.start : evidence.end] == evidence.text
    return shown


def test_a_heading_is_shown_with_the_line_it_heads(library):
    answer = (
        "At a 40-person logistics startup in 2022 I owned driver onboarding, and my goal was to halve "
        "the time to a first paid delivery. I interviewed twelve drivers and rewrote the sign-up flow.\n"
        "Result: time to first delivery fell from nine days to four, and drivers stayed longer.\n"
        "Looking back, I would have brought support in a month earlier."
    )
    shown = _shown(answer, library.rubrics["behavioural"])
    assert any(text.startswith("Result: time to first delivery fell from nine days") for text in shown), shown
    assert any(text.startswith("Looking back, I would have brought support") for text in shown), shown
    assert not {"Result", "Result:", "Looking back"} & shown, shown


def test_a_lead_in_is_shown_with_what_it_leads_into_and_no_further(library):
    answer = (
        "I was the PM for checkout at a grocery delivery app in Leeds in 2021 and had to cut failed "
        "payments before peak season. I ran five interviews with shoppers who abandoned their basket. "
        "We hit 40% fewer failed payments by December. Customers stopped calling support about it."
    )
    shown = _shown(answer, library.rubrics["behavioural"])
    assert not {"We hit", "I ran"} & shown, shown
    # A lead-in ending its sentence never runs on into the next one.
    assert not any("." in text for text in shown), shown


def test_a_figure_is_never_cut_and_a_colon_leads_into_what_follows(library):
    answer = (
        "I'd design for night-shift nurses at large city hospitals who finish after the last bus "
        "and have no car, because they wait alone in dark car parks.\n"
        "How we'd know it worked: the share of night shifts ending with a booked ride, aiming "
        "for a 15% rise in the first two months."
    )
    shown = _shown(answer, library.rubrics["product-design"])
    assert not any(text.endswith(("15", "know it worked")) for text in shown), shown
    assert any(text.startswith("know it worked: the share of night shifts") for text in shown), shown


def test_a_span_ending_in_because_or_us_goes_on(library):
    answer = (
        "I'd build for parents of children under ten who share screen rules between two homes. "
        "That matters because evenings end up miserable for everyone in the house. Parents tell "
        "us they hate being the bad guy when the tablet has to go off at bedtime, every night."
    )
    shown = _shown(answer, library.rubrics["product-design"])
    assert not {"matters because", "tell us"} & shown, shown
