"""Properties that hold for any input at all."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interviewcoach.grading import grade_answer

from store_helpers import bundled_only

LIBRARY = bundled_only()
RUBRICS = list(LIBRARY.rubrics.values())
VOCABULARY = [
    "customer",
    "users",
    "pilot",
    "metric",
    "I",
    "decided",
    "didn't",
    "not",
    "because",
    "%",
    "12",
    "retention",
    "rolout",
    "custmer",
    "—",
    "🚀",
    "e.g.",
    "\n- ",
    ". ",
    ", ",
    "but",
    "never",
    "who",
    "Leeds",
    "problem",
    "ü",
    "客户",
]

answers = st.one_of(
    st.text(max_size=2_000),
    st.lists(st.sampled_from(VOCABULARY), max_size=300).map(" ".join),
    st.lists(st.sampled_from(VOCABULARY), max_size=300).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(answer=answers, rubric_index=st.integers(0, len(RUBRICS) - 1))
def test_any_string_grades_with_sane_results(answer, rubric_index):
    result = grade_answer(answer, RUBRICS[rubric_index])
    assert 0 <= result.score <= 100
    assert result.verdict in ("strong", "solid", "partial", "weak", "insufficient")
    for cue in result.cues:
        assert 0.0 <= cue.strength <= 1.0
        assert cue.hit == (cue.strength >= 0.5) or result.verdict == "insufficient"
        for evidence in [*cue.evidence, *cue.negated_evidence]:
            assert 0 <= evidence.start < evidence.end <= len(answer)
            assert answer[evidence.start : evidence.end] == evidence.text
