"""The mock interview without a screen: MockSession, what a peer attempt stores, the
report, and the commands that read them (`report`, `history --mode`, `history show`,
`stats`). Over the test bank and the fixed grader."""

from __future__ import annotations

import json
import sqlite3

import pytest

from interviewcoach.mock import (
    Focus,
    MockError,
    MockSession,
    Stopwatch,
    make_mock_plan,
    render_mock,
)
from interviewcoach.models import Level
from interviewcoach.store import open_history
from interviewcoach.store.schema import SCHEMA_VERSION

from conftest import run_cli
from fakes import fixed_grade, ui_library

NOTES = "grandparents alone -> because no one nearby; beta w charity"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def session(store=None, clock=None, **plan):
    library = ui_library()
    questions = [library.questions["ui-video-calls"], library.questions["ui-night-commute"]]
    options = {"per_round": 1, "rounds_per_person": 1, "level": Level.PM, **plan}
    mock_plan = make_mock_plan(("Ada", "Ben"), questions, **options)
    save = (lambda attempt, key: bool(store.save_attempt(attempt, key))) if store else None
    feedback = (lambda uid, number, fields: store.set_round_feedback(uid, number, **fields)) if store else None
    return MockSession(
        mock_plan, library.rubrics, clock=clock or Clock(), grader=fixed_grade, save=save, save_feedback=feedback
    )


def notes(mock: MockSession, text: str = NOTES) -> None:
    pending = mock.live(text)
    assert mock.graded(pending, mock.grade(pending))


def test_stopwatch_starts_pauses_and_resets():
    clock = Clock()
    watch = Stopwatch(clock)
    clock.now = 10
    assert watch.elapsed() == 0 and not watch.running
    watch.start()
    clock.now = 40
    watch.pause()
    clock.now = 100
    assert watch.elapsed() == 30
    watch.toggle()
    clock.now = 105
    assert watch.elapsed() == 35 and watch.running
    watch.reset()
    assert watch.elapsed() == 0 and not watch.running


def test_rounds_swap_roles_and_deal_questions():
    mock = session(rounds_per_person=2)
    people = [(r.interviewer, r.candidate) for r in mock.rounds]
    assert people == [("Ada", "Ben"), ("Ben", "Ada"), ("Ada", "Ben"), ("Ben", "Ada")]
    assert [r.questions[0].question.id for r in mock.rounds] == [
        "ui-video-calls",
        "ui-night-commute",
        "ui-video-calls",
        "ui-night-commute",
    ]
    assert session(first_interviewer=1).round.interviewer == "Ben"


def test_calls_are_overrides_of_the_final_grade():
    mock = session()
    notes(mock)
    assert [c.id for c in mock.cue_rows() if c.hit] == ["for_whom", "why", "rollout"]
    assert mock.suggestion().text() == "Not heard yet: success metrics — ask: How would you know it worked?"
    mock.confirm("for_whom")
    mock.override("rollout")
    mock.override("metrics")
    assert mock.current.overrides() == {"rollout": False, "metrics": True}
    mock.override("metrics")  # again: back to the grader's call
    assert mock.current.overrides() == {"rollout": False}
    final = mock.current.final()
    assert final.hits == ("for_whom", "why") and final.score == mock.current.result.score
    with pytest.raises(MockError):
        mock.rate("why", 5)


def test_moving_on_needs_notes_a_fresh_grade_and_a_recommendation():
    mock = session()
    assert mock.why_not_finish() == "Write some notes first."
    mock.live(NOTES)
    assert mock.grade_is_stale()
    notes(mock)
    assert mock.why_not_finish() == "Give your overall recommendation first (1-4)."
    mock.recommend(4)
    mock.current.notes = NOTES + " m: calls/wk"
    assert "catching up" in mock.why_not_finish()
    notes(mock, mock.current.notes)
    assert mock.why_not_finish() is None


def test_a_stale_grade_of_another_question_is_ignored():
    mock = session(per_round=2)
    pending = mock.live(NOTES)
    notes(mock)
    mock.recommend(3)
    mock.finish_question()
    assert mock.next_question()
    assert not mock.graded(pending, mock.grade(pending))
    assert mock.current.result is None


def test_typed_answers_are_graded_not_the_notes():
    mock = session(answer_mode="typed")
    pending = mock.live("interviewer's aside: calls")
    assert not mock.graded(pending, mock.grade(pending))
    answer = mock.submit_answer("For grandparents, because calls are hard.")
    assert mock.graded(answer, mock.grade(answer))
    assert mock.current.grader_call("metrics")


def test_a_peer_attempt_is_saved_with_everything_the_report_needs(tmp_path):
    clock = Clock()
    with open_history(tmp_path / "h.db") as store:
        mock = session(store, clock)
        mock.set_focus(Focus(["Success metrics", ""], ["I ramble", " "]))
        mock.current.stopwatch.start()
        clock.now = 150
        notes(mock)
        mock.override("rollout")
        mock.rate("rollout", 2)
        mock.comment("rollout", "  said beta, no plan ")
        mock.recommend(3)
        mock.finish_question()
        assert not mock.next_question()
        keep, stop, start = mock.suggestions()
        assert "Naming rollout without backing it up (said beta, no plan)" in stop
        mock.wrap_up(keep, stop, start, mock.focus_summary())
        assert mock.swap()
        mock.set_focus(Focus())
        notes(mock, "nurses because walk home; beta; calls")
        mock.recommend(4)
        mock.finish_question()
        mock.wrap_up("k", "s", "st", "")
        assert not mock.swap()
        (first, second) = store.session_attempts(mock.plan.session_uid[:8])
        assert store.list_attempts(mode="solo") == []
        agreement = {(a.cue_id): (a.agreed, a.calls) for a in store.peer_agreement()}
    assert agreement["rollout"] == (1, 2) and agreement["why"] == (2, 2)
    peer = first.peer
    assert (peer.candidate, peer.interviewer, peer.round, peer.recommendation) == ("Ben", "Ada", 1, 3)
    assert peer.focus_cues == ["Success metrics"] and peer.habits == ["I ramble"]
    assert peer.comments == {"rollout": "said beta, no plan"} and peer.clock_s == 150.0
    assert peer.keep == keep and peer.stop == stop and peer.focus_notes.startswith("- Success metrics: shown in 0 of 1")
    assert first.overrides == {"rollout": False} and first.ratings == {"rollout": 2}
    assert second.peer.candidate == "Ada" and second.peer.keep == "k"
    report = render_mock([first, second])
    assert report.splitlines()[0] == "# Mock interview: Ben and Ada"
    assert "Where they disagree: Rollout." in report and "| Rollout | hit | missed ≠ | 2 (thin) |" in report
    assert "recommendation 3 (yes) · time 2:30 of 6:00" in report
    assert report == mock_report_of(mock)


def mock_report_of(mock):
    return render_mock([a for r in mock.rounds for a in r.attempts])


def test_the_schema_migrates_an_old_history_additively(tmp_path):
    path = tmp_path / "old.db"
    with open_history(path):
        pass
    connection = sqlite3.connect(path)
    columns = {row[1] for row in connection.execute("PRAGMA table_info(attempts)")}
    assert {"peer", "recommendation"} <= columns
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()


def test_report_history_and_stats_commands(capsys):
    with open_history() as store:
        mock = session(store)
        notes(mock)
        mock.override("rollout")
        mock.comment("why", "clear")
        mock.recommend(2)
        mock.finish_question()
        mock.wrap_up("- keep this", "", "", "")
        uid = mock.plan.session_uid
        (row,) = store.list_attempts()

    code, out, _ = run_cli(capsys, "report", uid[:8])
    assert code == 0 and out.startswith("# Mock interview: Ben")
    assert "**Keep doing**\n\n- keep this" in out
    code, _, err = run_cli(capsys, "report", "ffffffff")
    assert code == 1 and "no mock interview" in err

    code, out, _ = run_cli(capsys, "history", "--mode", "peer")
    assert code == 0 and "ui-video-calls" in out
    code, out, _ = run_cli(capsys, "history", "--mode", "peer", "--json")
    (listed,) = json.loads(out)
    assert (listed["mode"], listed["session"]) == ("peer", uid)
    code, out, _ = run_cli(capsys, "history", "--mode", "solo")
    assert out.strip() == "No attempts match those filters."

    code, out, _ = run_cli(capsys, "history", "show", str(row.id))
    assert "round 1: Ada interviewed Ben" in out and "Recommendation: 2 (no)" in out
    assert "Comment on The why: clear" in out and "disagree: Rollout" in out and "Keep doing:" in out

    code, out, _ = run_cli(capsys, "stats")
    assert "Calibration: in mock interviews the interviewer agreed with the grader on 4 of 5 calls" in out


def test_the_mock_command_is_registered(capsys):
    code, out, _ = run_cli(capsys, "mock", "--help")
    assert code == 0 and "mock interview setup" in out


def test_notes_are_graded_as_notes_and_typed_answers_as_answers():
    calls = []

    def recording(text, rubric, question=None, level=None, *, follow_up=False, notes=False):
        calls.append(notes)
        return fixed_grade(text, rubric, question, level)

    mock = session()
    mock.grader = recording
    mock.grade(mock.live("m: calls/wk"))
    typed = session(answer_mode="typed")
    typed.grader = recording
    typed.grade(typed.submit_answer("Calls per week."))
    assert calls == [True, False]


def test_the_real_grader_reads_an_interviewers_shorthand(bundled_library):
    """The issue's own example notes, through the real grader: a labelled fragment
    ("m: rides/wk") is heard as success metrics, and the probe goes to a cue not heard."""
    from interviewcoach.mock import MockSession as Session

    question = bundled_library.questions["pd-commute-app-nurses"]
    plan = make_mock_plan(("Ada", "Ben"), [question], per_round=1, rounds_per_person=1, level=Level.PM)
    mock = Session(plan, bundled_library.rubrics, clock=Clock())
    pending = mock.live(
        "talked to 5 night nurses -> pain = unsafe walk to car\nm: rides/wk, NPS\npilot 1 hosp then region\ncust\nusr"
    )
    mock.graded(pending, mock.grade(pending))
    assert mock.current.grader_call("metrics") and mock.current.grader_call("rollout")
    suggestion = mock.suggestion()
    assert suggestion is not None and not mock.current.grader_call(suggestion.cue_id)


def test_the_process_grader_grades_as_the_real_grader_does(bundled_library):
    from interviewcoach.grading_process import ProcessGrader
    from interviewcoach.session import real_grader

    question = bundled_library.questions["pd-commute-app-nurses"]
    rubric = bundled_library.rubrics[question.rubric]
    text = "5 night nurses -> unsafe walk to car\nm: rides/wk"
    grader = ProcessGrader()
    try:
        assert grader(text, rubric, question, notes=True) == real_grader(text, rubric, question, notes=True)
    finally:
        grader.close()
