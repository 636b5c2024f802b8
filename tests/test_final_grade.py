"""One final grade per attempt, and every face shows the same one."""

from __future__ import annotations

import csv
import io
import json

import pytest
from textual.widgets import OptionList, Static

from interviewcoach.final_grade import final_grade
from interviewcoach.grading.result import CueResult, Evidence, GradeResult
from interviewcoach.settings import Settings
from interviewcoach.store import AttemptRecord, ProbeExchange, open_history

from conftest import run_cli as run

ANSWER = "We talked to nurses who commute at night. Nothing else."
REPLY = "I would measure the share of trips that end safely."


def cue(cue_id: str, strength: float, *, weight: float = 1.0, evidence: str | None = None) -> CueResult:
    found = []
    if evidence:
        start = ANSWER.index(evidence)
        found = [Evidence(start, start + len(evidence), evidence, evidence, "exact", ANSWER, strength)]
    return CueResult(
        cue_id,
        cue_id.replace("_", " ").capitalize(),
        strength >= 0.5,
        strength,
        False,
        weight,
        found,
        tip=None if strength >= 0.5 else f"Show {cue_id}.",
    )


def result(score: int, verdict: str, *cues: CueResult) -> GradeResult:
    return GradeResult("product-design", 1, "pd-commute-app-nurses", score, verdict, list(cues), 12, [])


ANSWER_GRADE = result(
    50, "partial", cue("for_whom", 1.0, evidence="nurses who commute"), cue("metrics", 0.0), cue("rollout", 0.4)
)
REPLY_GRADE = result(60, "solid", cue("for_whom", 0.0), cue("metrics", 1.0), cue("rollout", 0.0))


def test_probe_replies_raise_the_score_and_the_verdict():
    final = final_grade(ANSWER_GRADE, [REPLY_GRADE])
    assert final.score == 77 and final.verdict == "strong"  # the answer alone: 50, partial
    assert final.hits == ("for_whom", "metrics") and final.misses == ("rollout",)
    assert final.recovered == ("metrics",) and final.raised
    assert [final.mark(c) for c in ("for_whom", "metrics", "rollout")] == ["✓", "↺", "✗"]


def test_without_replies_the_answer_grade_stands():
    final = final_grade(ANSWER_GRADE)
    assert (final.score, final.verdict, final.recovered, final.raised) == (50, "partial", (), False)
    insufficient = result(5, "insufficient", cue("metrics", 0.0))
    assert final_grade(insufficient).verdict == "insufficient"


def test_the_interviewers_calls_decide_hit_or_miss_but_not_the_score():
    final = final_grade(ANSWER_GRADE, [REPLY_GRADE], {"rollout": True, "metrics": False})
    assert final.hits == ("for_whom", "rollout") and final.misses == ("metrics",)
    assert final.recovered == ()  # the interviewer overruled the reply
    assert final.score == 77


def attempt(overrides: dict[str, bool]) -> AttemptRecord:
    return AttemptRecord(
        question_id="pd-commute-app-nurses",
        question_text="Design a commute app for nurses.",
        category="product-design",
        level="pm",
        rubric_id="product-design",
        rubric_version=1,
        answer=ANSWER,
        result=ANSWER_GRADE,
        overrides=overrides,
        probes=[ProbeExchange(probe="How would you measure it?", cue="metrics", answer=REPLY, result=REPLY_GRADE)],
    )


CASES = {
    "raised by a probe reply": ({}, "strong", ["for_whom", "metrics"], ["rollout"], ["metrics"]),
    "with an interviewer's call": ({"rollout": True}, "strong", ["for_whom", "metrics", "rollout"], [], ["metrics"]),
}


@pytest.mark.parametrize("overrides, verdict, hits, misses, recovered", CASES.values(), ids=CASES.keys())
async def test_every_face_shows_the_same_final_grade(capsys, library, overrides, verdict, hits, misses, recovered):
    record = attempt(overrides)
    with open_history() as store:
        attempt_id = store.save_attempt(record)
    score = 77

    # The TUI's feedback screen.
    from interviewcoach.session import Outcome
    from interviewcoach.tui.app import make_app
    from interviewcoach.tui.screens.feedback import FeedbackScreen

    app = make_app(Settings(), library, clock=lambda: 0.0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(
            FeedbackScreen(Outcome(library.questions["pd-commute-app-nurses"], record, saved=True), last=True)
        )
        await pilot.pause()
        headline = str(app.screen.query_one("#score", Static).render())
        assert headline.startswith(f"Score {score}/100 · {verdict} (answer 50")
        cues = app.screen.query_one("#cues", OptionList)
        marks = {
            cues.get_option_at_index(i).id: str(cues.get_option_at_index(i).prompt)[0] for i in range(cues.option_count)
        }
        assert sorted(c for c, m in marks.items() if m in "✓↺") == hits
        assert [c for c, m in marks.items() if m == "↺"] == recovered

    # `history` and `history --json`.
    code, out, _ = run(capsys, "history")
    (row,) = out.splitlines()[1:]
    assert code == 0 and f" {score}  {verdict} " in row and f"{len(hits)}/3" in row
    assert all(f"↺ {c}" in row for c in recovered) and all(m in row for m in misses)
    (listed,) = json.loads(run(capsys, "history", "--json")[1])
    assert (listed["score"], listed["verdict"], listed["hits"], listed["misses"], listed["recovered"]) == (
        score,
        verdict,
        hits,
        misses,
        recovered,
    )

    # `history show`.
    out = run(capsys, "history", "show", str(attempt_id))[1]
    assert f"Score {score}/100 ({verdict}), answer 50 raised by replies to probes" in out
    for c in hits:
        assert f"{'↺' if c in recovered else '✓'} {c.replace('_', ' ').capitalize()}" in out
    for c in misses:
        assert f"✗ {c.replace('_', ' ').capitalize()}" in out
    assert ("Tip: Show rollout." in out) == ("rollout" in misses)
    assert "Tip: Show metrics." not in out  # recovered: no tip as if missed

    # Exports: CSV, Markdown and JSON.
    (line,) = csv.DictReader(io.StringIO(run(capsys, "export", "--format", "csv")[1]))
    assert (
        int(line["score"]),
        line["verdict"],
        line["hits"].split(),
        line["misses"].split(),
        line["recovered"].split(),
        line["answer_score"],
    ) == (score, verdict, hits, misses, recovered, "50")
    markdown = run(capsys, "export", "--format", "md")[1]
    assert f": {score}/100 ({verdict}), answer 50 raised by replies to probes" in markdown
    marked = [f"{c} ↺" if c in recovered else c for c in hits]
    assert f"Hit: {', '.join(marked)}. Missed: {', '.join(misses) or 'none'}." in markdown
    (exported,) = json.loads(run(capsys, "export", "--format", "json")[1])["attempts"]
    assert exported["final_score"] == score and exported["recovered"] == recovered
    back = AttemptRecord.model_validate(exported).final
    assert (back.score, back.verdict, list(back.hits), list(back.recovered)) == (score, verdict, hits, recovered)

    # `stats`: the per-cue hit counts follow the same hits.
    rates = {c["cue"]: c["hits"] for c in json.loads(run(capsys, "stats", "--json")[1])["cues"]}
    assert rates == {c: int(c in hits) for c in ("for_whom", "metrics", "rollout")}
