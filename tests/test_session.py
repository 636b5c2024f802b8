"""PracticeSession, the solo session without any screen (no Textual here)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from interviewcoach.session import PracticeSession, SessionError, Stage, make_plan
from interviewcoach.settings import Settings

from fakes import fixed_grade, ui_library

ANSWER = "Grandparents who live alone, because nobody nearby can help. A beta with fifty families."
REPLY = "I would count calls per week."


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def new_session(clock, *, questions=("ui-video-calls", "ui-night-commute"), probes=1, timer=True, **plan):
    library = ui_library()
    settings = Settings(probes=probes, timer=timer)
    saved = []
    session = PracticeSession(
        make_plan(settings, [library.questions[q] for q in questions], seed=7, **plan),
        library.rubrics,
        clock=clock,
        grader=fixed_grade,
        save=lambda attempt, draft_key: saved.append((attempt, draft_key)) or True,
    )
    return session, saved


def send(session, text):
    pending = session.submit(text) if session.stage is Stage.ANSWER else session.reply_to_probe(text)
    return session.graded(pending, session.grade(pending))


def test_a_question_with_a_probe_and_a_reply(clock):
    session, saved = new_session(clock)
    opening = session.start()
    assert session.question.prompt in opening.said and "6 minutes" in opening.said
    assert session.submit("   ") is None and session.stage is Stage.ANSWER

    clock.now += 95
    pending = session.submit(ANSWER)
    assert pending.kind == "answer" and session.stage is Stage.GRADING and session.time_taken == 95
    assert not session.accepts_text
    reply = session.graded(pending, session.grade(pending))
    # The heaviest missing cue is probed first: metrics (1.5) before trade-offs (1.0).
    assert reply.probe is not None and reply.probe.cue == "metrics" and reply.outcome is None
    assert session.stage is Stage.PROBE and reply.probe.text in reply.said

    reply = send(session, REPLY)
    assert reply.probe is None and session.stage is Stage.DONE
    outcome = reply.outcome
    assert outcome.saved and outcome.final.recovered == ("metrics",) and outcome.final.raised
    assert outcome.final.score > outcome.final.result.score
    ((attempt, draft_key),) = saved
    assert attempt is outcome.attempt and draft_key == f"{session.plan.session_uid}/ui-video-calls"
    assert attempt.answer == ANSWER and attempt.time_taken_s == 95.0
    assert [(p.cue, p.answer) for p in attempt.probes] == [("metrics", REPLY)]
    assert attempt.final == outcome.final


def test_skipping_a_probe_keeps_it_unanswered(clock):
    session, saved = new_session(clock)
    session.start()
    send(session, ANSWER)
    reply = session.skip_probe()
    assert reply.outcome is not None and reply.said
    (exchange,) = reply.outcome.attempt.probes
    assert exchange.answer == "" and exchange.result is None
    assert reply.outcome.final.score == reply.outcome.final.result.score


def test_retry_is_compared_with_the_last_try_and_next_ends_after_the_last(clock):
    session, _ = new_session(clock, probes=0)
    session.start()
    first = send(session, ANSWER).outcome
    assert first.retry_of is None
    opening = session.retry()
    assert session.question.id == "ui-video-calls" and session.stage is Stage.ANSWER and opening.text == ""
    second = send(session, ANSWER + " Calls per week, rather than photos.").outcome
    assert second.retry_of == first.final and second.final.score > first.final.score
    assert session.next_question() is not None and session.question.id == "ui-night-commute"
    send(session, "Nurses because it is late.")
    assert session.next_question() is None


def test_summary_rows_average_most_missed_and_unsaved(clock):
    library = ui_library()
    session = PracticeSession(
        make_plan(Settings(probes=0), [library.questions["ui-video-calls"]], seed=1),
        library.rubrics,
        clock=clock,
        grader=fixed_grade,
    )  # no store: nothing saved
    session.start()
    outcome = send(session, ANSWER).outcome
    session.retry()
    send(session, "Grandparents.")
    summary = session.summary()
    assert [(r.number, r.question_id) for r in summary.rows] == [(1, "ui-video-calls"), (2, "ui-video-calls")]
    assert summary.rows[0].score == outcome.final.score and summary.rows[0].hits == 3 and summary.rows[0].cues == 5
    assert summary.average == pytest.approx((summary.rows[0].score + summary.rows[1].score) / 2)
    assert summary.most_missed[0] == ("Success metrics", 2)
    assert len(summary.unsaved) == 2


def test_drafts_are_keyed_by_session_and_question_or_by_the_resumed_draft(clock):
    session, _ = new_session(clock, first_answer="Half an answer", draft_key="old-session/ui-video-calls")
    assert session.start().text == "Half an answer"
    assert session.draft_key == "old-session/ui-video-calls"
    draft = session.draft("Half an answer, and more")
    assert draft.key == "old-session/ui-video-calls" and draft.question_id == "ui-video-calls"
    assert draft.context["session"] == session.plan.session_uid
    # The plan goes with the draft, so resuming it goes on with the session.
    assert draft.context["questions"] == ["ui-video-calls", "ui-night-commute"] and draft.context["index"] == 0
    assert draft.context["setup"] == session.plan.setup.model_dump(mode="json")
    assert session.draft("  ") is None
    assert session.answer_in_progress("typed") and not session.answer_in_progress("")
    send(session, ANSWER)
    assert session.draft("a reply") is None  # only answers are drafted, not replies
    assert session.answer_in_progress("")  # mid-conversation
    session.skip_probe()
    session.next_question()
    assert session.draft_key == f"{session.plan.session_uid}/ui-night-commute"


def test_a_draft_keeps_the_picked_story_and_resuming_picks_it_again(clock):
    session, _ = new_session(clock)
    session.start()
    assert "story" not in session.draft("Half an answer").context
    session.use_story("the-launch")
    assert session.draft("Half an answer").context["story"] == "the-launch"
    resumed, _ = new_session(clock, first_answer="Half an answer", first_story="the-launch")
    resumed.start()
    assert resumed.story_id == "the-launch"
    fresh, _ = new_session(clock, first_story="the-launch")  # no draft: no story carried
    fresh.start()
    assert fresh.story_id is None


def test_the_clock(clock):
    session, _ = new_session(clock)
    session.start()
    clock.now += 30
    assert session.elapsed() == 30 and session.remaining() == 360 - 30
    untimed, _ = new_session(clock, timer=False)
    untimed.start()
    assert untimed.remaining() is None


def test_a_failed_grading_gives_the_text_back(clock):
    session, _ = new_session(clock)
    session.start()
    session.submit(ANSWER)
    assert session.grading_failed() == ANSWER
    assert session.stage is Stage.ANSWER and session.time_taken is None
    send(session, ANSWER)
    session.reply_to_probe(REPLY)
    assert session.grading_failed() == REPLY and session.stage is Stage.PROBE and session.replies == []


def test_steps_out_of_turn_are_refused(clock):
    session, _ = new_session(clock)
    session.start()
    with pytest.raises(SessionError):
        session.reply_to_probe("no probe was asked")
    with pytest.raises(SessionError):
        session.retry()
    with pytest.raises(SessionError):
        session.attempt()
    with pytest.raises(SessionError):
        session.graded(session.live("coach"), fixed_grade("coach", session.rubric))


def test_coach_mode_grades_the_answer_so_far_without_moving_on(clock):
    session, _ = new_session(clock, setup=Settings().last_practice.model_copy(update={"mode": "coach"}))
    session.start()
    assert session.coach
    result = session.grade(session.live("grandparents"))
    assert result.cue("for_whom").hit and session.stage is Stage.ANSWER


def test_the_session_needs_no_textual():
    code = "import sys, interviewcoach.session; assert not [m for m in sys.modules if m.startswith('textual')]"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_evidence_points_into_the_saved_answer_even_after_blank_lines(clock):
    session, _ = new_session(clock, probes=0)
    session.start()
    outcome = send(session, "\n\n  " + ANSWER + "\n").outcome
    answer = outcome.attempt.answer
    for cue in outcome.final.cues:
        for evidence in cue.evidence:
            assert answer[evidence.start : evidence.end] == evidence.text


def test_a_retry_from_the_history_is_compared_with_that_attempt(clock):
    from interviewcoach.final_grade import final_grade

    library = ui_library()
    question = library.questions["ui-video-calls"]
    earlier = final_grade(fixed_grade("Grandparents who live alone.", library.rubrics[question.rubric], question))
    session, _ = new_session(clock, questions=("ui-video-calls",), probes=0, previous={question.id: earlier})
    session.start()
    outcome = send(session, ANSWER).outcome
    assert outcome is not None and outcome.retry_of == earlier
    assert outcome.final.score > earlier.score
