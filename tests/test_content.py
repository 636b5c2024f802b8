"""The bundled questions and rubrics: enough of them, covering every level and stage,
and rubrics calibrated against golden answers."""

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from interviewcoach.grading import grade_answer
from interviewcoach.models import Category, Level, Stage

GOLDEN = sorted((Path(__file__).parent / "data" / "golden").glob("*.toml"))
MINIMUM_PER_CATEGORY = {
    Category.PRODUCT_DESIGN: 35,
    Category.BEHAVIOURAL: 35,
    Category.PRODUCT_STRATEGY: 15,
    Category.METRICS: 15,
    Category.LEADERSHIP: 15,
}


def test_at_least_120_questions_with_the_minimum_per_category(library):
    assert len(library.questions) >= 120
    counts = Counter(q.category for q in library.questions.values())
    for category, minimum in MINIMUM_PER_CATEGORY.items():
        assert counts[category] >= minimum, (category, counts[category])


def test_every_level_and_both_company_stages_are_covered(library):
    for level in Level:
        suited = [q for q in library.questions.values() if level in q.levels]
        assert len(suited) >= 10, (level, len(suited))
    stages = Counter(q.stage for q in library.questions.values())
    assert stages[Stage.STARTUP] >= 15 and stages[Stage.BIG_TECH] >= 15


def test_leadership_questions_are_for_director_and_above(library):
    senior = {Level.DIRECTOR, Level.VP, Level.CPO}
    for question in library.find_questions(category=Category.LEADERSHIP):
        assert set(question.levels) <= senior, question.id
    for level in senior:
        assert library.find_questions(category=Category.LEADERSHIP, level=level)


def test_every_question_is_complete(library):
    ids = [q.id for q in library.questions.values()]
    assert len(ids) == len(set(ids))
    for question in library.questions.values():
        assert 2 <= len(question.follow_ups) <= 4, question.id
        assert question.outline and question.tags, question.id
        assert question.rubric in library.rubrics


def test_rubrics_for_every_category_with_their_required_cues(library):
    assert set(library.rubrics) >= {"product-design", "behavioural", "product-strategy", "metrics", "leadership"}
    cues = {rubric_id: {c.id for c in rubric.cues} for rubric_id, rubric in library.rubrics.items()}
    assert cues["product-design"] >= {"customer_focus", "why", "for_whom", "rollout", "metrics"}
    assert cues["behavioural"] >= {"situation", "task", "action", "result", "customer_focus"}
    for rubric in library.rubrics.values():
        for cue in rubric.cues:
            assert len(cue.probes) >= 2 and cue.tip and len(cue.phrases) >= 5, (rubric.id, cue.id)


def test_expectations_rise_with_level_where_the_rubric_says_so(library):
    rubric = library.rubrics["product-strategy"]
    assert rubric.cue("plan").level_weights[Level.DIRECTOR] > 1
    answer = (
        "We'd start with a pilot in one city, then expand in phase two once we hit our milestones; "
        "the plan has three milestones over the first year and the goal is revenue growth from small businesses."
    )
    junior = grade_answer(answer, rubric, level=Level.APM)
    senior = grade_answer(answer, rubric, level=Level.DIRECTOR)
    assert junior.cue("plan").weight < senior.cue("plan").weight


def golden_answers():
    for path in GOLDEN:
        for answer in tomllib.loads(path.read_text())["answers"]:
            yield pytest.param(answer, id=answer["id"])


def test_there_are_six_golden_answers_per_rubric(library):
    counts = Counter()
    kinds = Counter()
    for path in GOLDEN:
        for answer in tomllib.loads(path.read_text())["answers"]:
            counts[answer["rubric"]] += 1
            kinds[(answer["rubric"], answer["kind"])] += 1
    for rubric in library.rubrics:
        assert counts[rubric] >= 6, rubric
        for kind in ("strong", "partial", "weak"):
            assert kinds[(rubric, kind)] >= 2, (rubric, kind)


@pytest.mark.parametrize("golden", golden_answers())
def test_golden_answer_lands_in_its_band(library, golden):
    question = library.questions.get(golden.get("question"))
    result = grade_answer(golden["answer"], library.rubrics[golden["rubric"]], question)
    low, high = golden["band"]
    assert low <= result.score <= high, (result.score, golden["band"])
    for cue_id in golden["hits"]:
        assert result.cue(cue_id).hit, f"{cue_id} should be hit"
    for cue_id in golden["misses"]:
        assert not result.cue(cue_id).hit, f"{cue_id} should be missed"
