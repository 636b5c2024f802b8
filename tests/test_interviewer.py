"""The interviewer without a screen: choosing questions, probing, merging replies."""

import pytest

from interviewcoach.durations import minutes_text
from interviewcoach.final_grade import final_grade
from interviewcoach.grading import grade_answer
from interviewcoach.interviewer import (
    QuestionTurn,
    choose_questions,
    compare,
    questions_for_cue,
)
from interviewcoach.models import Level
from interviewcoach.settings import PracticeSetup

ANSWER = (
    "Blind shoppers depend on store staff to read labels, and they told us they hate it. "
    "I'd focus on fully blind people who shop alone in big stores, because their pain is "
    "sharpest and nobody serves them. I'd build a camera mode that reads labels aloud."
)
ROLLOUT_REPLY = (
    "We'd run a pilot with 200 blind shoppers in Leeds with the national charity, train "
    "store staff, and only then launch more widely across the chain's other stores."
)


def test_choose_questions_filters_and_is_seeded(library):
    setup = PracticeSetup(category="product-design", level="pm", stage="startup", questions=3)
    first = choose_questions(library, setup, seed=7)
    assert first == choose_questions(library, setup, seed=7)
    assert 1 <= len(first) <= 3
    for question in first:
        assert question.category == "product-design" and Level.PM in question.levels
        assert question.stage in ("startup", "any")


def test_choose_new_questions_first(library):
    setup = PracticeSetup(category="behavioural", level="pm", questions=20, order="new")
    every = choose_questions(library, setup, seed=1)
    practised = [q.id for q in every[:3]]
    again = choose_questions(library, setup, seed=1, practised=practised)
    positions = [i for i, q in enumerate(again) if q.id in practised]
    unpractised = [q for q in again if q.id not in practised]
    # Practised questions come only after every unpractised one (or not at all).
    assert unpractised and all(position >= len(unpractised) for position in positions)


def test_choose_weakest_cue_first(library):
    setup = PracticeSetup(category="any", level="pm", questions=20, order="weakest")
    rates = {("behavioural", "result"): 0.05}
    chosen = choose_questions(library, setup, seed=3, cue_rates=rates)
    assert chosen[0].rubric == "behavioural"


def test_drill_questions_use_the_cue_rubric(library):
    assert all(q.rubric == "behavioural" for q in questions_for_cue(library, "behavioural", Level.CPO))


def test_turn_praises_then_probes_the_most_important_missing_cue(library):
    question = library.questions["pd-grocery-blind-shoppers"]
    rubric = library.rubrics[question.rubric]
    turn = QuestionTurn(question, rubric, max_probes=2, seed=5)
    assert question.prompt in turn.opening(timed=True)
    assert "7 minutes" in turn.opening(timed=True)
    result = grade_answer(ANSWER, rubric, question)
    said, probe = turn.react(result)
    missing = [c for c in result.cues if not c.hit]
    assert probe is not None and probe.cue in {c.id for c in missing}
    heaviest = max(c.weight for c in missing)
    assert rubric.cue(probe.cue).weight == heaviest
    assert probe.text in said and probe.text in rubric.cue(probe.cue).probes


def test_probes_stop_at_the_limit_and_merge_recovered_cues(library):
    question = library.questions["pd-grocery-blind-shoppers"]
    rubric = library.rubrics[question.rubric]
    turn = QuestionTurn(question, rubric, max_probes=1, seed=5)
    result = grade_answer(ANSWER, rubric, question)
    assert not result.cue("rollout").hit
    turn.react(result)
    said, probe = turn.after_probe(grade_answer(ROLLOUT_REPLY, rubric, question))
    assert probe is None and said
    final = turn.final()
    assert "rollout" in final.recovered and final.is_hit("rollout")
    assert final.score >= result.score


def test_no_probes_when_everything_was_hit(library):
    question = library.questions["pd-grocery-blind-shoppers"]
    rubric = library.rubrics[question.rubric]
    turn = QuestionTurn(question, rubric, max_probes=0, seed=1)
    said, probe = turn.react(grade_answer(ANSWER, rubric, question))
    assert probe is None
    assert "feedback" in said.lower() or "go through" in said or "how it went" in said


def test_wording_is_deterministic_for_a_seed(library):
    question = library.questions["bh-pivot"]
    rubric = library.rubrics[question.rubric]
    texts = {QuestionTurn(question, rubric, 2, seed=11).opening(True) for _ in range(3)}
    assert len(texts) == 1


def test_compare_two_attempts(library):
    rubric = library.rubrics["product-design"]
    before = final_grade(grade_answer(ANSWER, rubric))
    after = final_grade(grade_answer(ANSWER + " " + ROLLOUT_REPLY, rubric))
    change, gained, lost = compare(before, after)
    assert change == after.score - before.score
    assert "rollout" in gained and lost == []


@pytest.mark.parametrize(
    "seconds, text", [(45, "45 seconds"), (60, "1 minute"), (420, "7 minutes"), (90, "1 minute 30 seconds")]
)
def test_minutes_text(seconds, text):
    assert minutes_text(seconds) == text


def test_length_note_against_the_time_limit():
    from interviewcoach.interviewer import length_note

    assert length_note(5000, 300).startswith("About 38 minutes spoken against a 5-minute limit")
    assert length_note(600, 300) is None  # about 4.6 minutes: fits
    assert length_note(40, 300).startswith("Under a minute spoken of 5 minutes")
    assert length_note(200, 900).startswith("About 2 minutes spoken of 15 minutes")
    assert length_note(5, 300) is None  # a non-answer says so itself
    assert length_note(600, 300, taken_s=900).startswith("You took 15 minutes of 5 minutes")
    assert length_note(5000, None) is None


def test_a_chosen_stage_comes_first_and_any_only_fills_up(library):
    from collections import Counter

    counts = Counter(q.category for q in library.questions.values() if q.stage == "startup" and "pm" in q.levels)
    category, n = min(counts.items(), key=lambda item: item[1])
    assert n + 2 <= 20, counts
    for seed in range(5):
        setup = PracticeSetup(stage="startup", questions=n + 2, category=str(category), level="pm")
        chosen = choose_questions(library, setup, seed)
        assert [q.stage for q in chosen] == ["startup"] * n + ["any"] * 2


def test_a_follow_up_the_answer_already_covered_is_not_asked(library):
    from interviewcoach.interviewer import QuestionTurn, addressed

    question = library.questions["pd-retail-self-checkout"]
    rubric = library.rubrics[question.rubric]
    answer = (
        "Older shoppers with large baskets give up on self-checkout because unexpected item errors make them "
        "wait for staff. I would test a fix in three stores, measuring interventions per transaction."
    )
    assert addressed("Who gives up on self-checkout, and why?", answer, question.prompt)
    assert not addressed("Who gives up on self-checkout, and why?", "Older shoppers give up on it.", question.prompt)
    assert not addressed("What would you test first in stores?", "We should build a new app.", question.prompt)
    turn = QuestionTurn(question, rubric, max_probes=20, seed=1, answer_text=answer)
    turn.result = grade_answer(answer, rubric, question)
    asked = []
    while (probe := turn.next_probe()) is not None:
        asked.append(probe.text)
    assert "Who gives up on self-checkout, and why?" not in asked
