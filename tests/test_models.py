import pytest
from pydantic import ValidationError

from interviewcoach.models import Category, Cue, Level, Question, Rubric, Stage


def make_question(**changes) -> Question:
    fields = dict(
        id="pd-test",
        prompt="Design a thing.",
        category="product-design",
        rubric="product-design",
        levels=["pm"],
    )
    fields.update(changes)
    return Question.model_validate(fields)


def make_cue(**changes) -> Cue:
    fields = dict(
        id="why",
        label="Why",
        description="Says why.",
        phrases=["because"],
        tip="Say why.",
        probes=["Why?"],
    )
    fields.update(changes)
    return Cue.model_validate(fields)


def test_question_defaults():
    question = make_question()
    assert question.stage is Stage.ANY
    assert question.time_limit_s == 300
    assert question.follow_ups == [] and question.tags == [] and question.extra_phrases == {}
    assert question.category is Category.PRODUCT_DESIGN
    assert question.levels == [Level.PM]


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"id": "Has Spaces"}, "id"),
        ({"prompt": "   "}, "prompt"),
        ({"category": "design"}, "category"),
        ({"levels": []}, "levels"),
        ({"levels": ["pm", "pm"]}, "levels"),
        ({"levels": ["seniorpm"]}, "levels"),
        ({"stage": "scaleup"}, "stage"),
        ({"time_limit_s": 5}, "time_limit_s"),
        ({"time_limit_s": "5 min"}, "time_limit_s"),
        ({"extra_phrases": {"Not-A-Cue": ["x"]}}, "extra_phrases"),
        ({"promt": "typo"}, "promt"),
    ],
)
def test_question_rejects_bad_fields(changes, field):
    with pytest.raises(ValidationError) as caught:
        make_question(**changes)
    assert field in {str(part) for error in caught.value.errors() for part in error["loc"]}


def test_cue_weight_must_be_positive():
    with pytest.raises(ValidationError):
        make_cue(weight=0)
    with pytest.raises(ValidationError):
        make_cue(weight=-1)
    assert make_cue(weight=0.5).weight == 0.5


def test_cue_needs_phrases_and_probes():
    with pytest.raises(ValidationError):
        make_cue(phrases=[])
    with pytest.raises(ValidationError):
        make_cue(probes=[])


def test_rubric_finds_cue_by_id():
    rubric = Rubric(id="r", title="R", description="d", cues=[make_cue(), make_cue(id="who")])
    assert rubric.cue("who").id == "who"
    assert rubric.cue("nope") is None


def test_levels_are_in_ladder_order():
    assert [level.value for level in Level] == ["apm", "pm", "senior-pm", "principal-pm", "director", "vp", "cpo"]
