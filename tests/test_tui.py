"""The app as a user drives it: Pilot tests pin behaviour, snapshots pin the screens.

Both run over a small test bank and a fixed grader (tests/fakes.py), so a change to the
grader or the bundled questions never changes them; test_readme_screens.py takes the
README's screenshots from the real app."""

from __future__ import annotations

import dataclasses
import textwrap
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from interviewcoach.session import Stage
from interviewcoach.settings import Settings
from interviewcoach.store import open_history
from interviewcoach.tui.app import make_app
from interviewcoach.tui.screens.confirm import ConfirmScreen
from interviewcoach.tui.screens.feedback import FeedbackScreen
from interviewcoach.tui.screens.home import HomeScreen
from interviewcoach.tui.screens.practice import PracticeScreen
from interviewcoach.tui.screens.setup import SetupScreen
from interviewcoach.tui.screens.summary import SummaryScreen
from interviewcoach.tui.widgets.answer_box import AnswerBox
from interviewcoach.tui.widgets.transcript import Bubble

from fakes import fixed_grade, ui_library

FIRST_ANSWER = (
    "Grandparents who live alone want to see their grandchildren, but they told us video apps "
    "ask for passwords and updates, and they panic when the screen changes. That is the problem "
    "worth solving: the call is often their main contact of the week. I'd focus on grandparents "
    "whose family lives abroad, because nobody nearby can fix the gadget. The product is a frame "
    "that answers calls from family by itself. We'd run a beta with fifty families through a "
    "care charity."
)
PROBE_REPLY = "I'd track calls per week per household, and returns in the first month as the guardrail."
UI_ANSWER = FIRST_ANSWER.replace("answers calls from family", "rings through to family")
"""With the fixed grader: for whom, why and rollout hit; metrics (probed first, the
heavier) and trade-offs missed. PROBE_REPLY then recovers metrics."""
BETTER_ANSWER = FIRST_ANSWER + (
    " Success is calls per week and the share of calls the grandparent starts; I'd watch returns "
    "as a guardrail. I'd build auto-answer first rather than photo sharing."
)


class FakeClock:
    """Time that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def settings():
    return Settings.model_validate({"probes": 1, "last_practice": {"category": "product-design", "questions": 2}})


def build(settings, clock, seed=34, library=None, grader=fixed_grade):
    return make_app(settings, library or ui_library(), clock=clock, seed=seed, grader=grader)


async def answer(pilot, text: str) -> None:
    box = pilot.app.screen.query_one(AnswerBox)
    box.text = text
    await pilot.press("ctrl+j")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def said(screen) -> list[str]:
    return [str(bubble.render()) for bubble in screen.query(Bubble)]


async def test_full_practice_flow_with_probe_retry_compare_and_summary(settings, clock):
    app = build(settings, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("s")
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        practice = app.screen
        assert isinstance(practice, PracticeScreen)
        question = practice.session.question
        assert question.category == "product-design"
        assert question.prompt in said(practice)[0]
        assert "left" in str(practice.query_one("#clock", Static).render())

        clock.now += 95
        await answer(pilot, UI_ANSWER)
        conversation = said(practice)
        assert conversation[1].startswith("Grandparents who live alone")
        assert practice.session.stage is Stage.PROBE and practice.session.probe is not None
        assert practice.session.probe.cue == "metrics" and practice.session.probe.text in conversation[2]

        await answer(pilot, PROBE_REPLY)
        feedback = app.screen
        assert isinstance(feedback, FeedbackScreen)
        first = feedback.outcome
        assert first.saved and first.attempt.time_taken_s == 95.0
        assert first.final.recovered == ("metrics",)
        assert str(feedback.query_one("#score", Static).render()) == (
            "Score 77/100 · strong (answer 58, raised by your replies to probes)"
        )

        exchanges = str(feedback.query_one("#exchanges", Static).render())
        assert f"You: {PROBE_REPLY}" in exchanges and "↺ earned Success metrics" in exchanges

        await pilot.press("r")  # retry the same question
        assert isinstance(app.screen, PracticeScreen) and app.screen.session.question.id == question.id
        assert said(app.screen)[0].startswith(("Let's try that one again.", "Same question, another go."))
        await answer(pilot, BETTER_ANSWER)
        assert app.screen.session.probe.cue is None  # every cue hit: the question's own follow-up
        await answer(pilot, PROBE_REPLY)
        feedback = app.screen
        assert isinstance(feedback, FeedbackScreen)
        comparison = str(feedback.query_one("#comparison", Static).render())
        # Metrics was recovered (a hit) last time: only trade-offs is gained.
        assert comparison == (
            "Against your last try: +23 points. Gained: Trade-offs. Lost: nothing. "
            "Changed: Success metrics ↺→✓ (↺: shown only when asked)."
        )

        await pilot.press("e")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.query_one(DataTable).row_count == 2

        await pilot.press("h")
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#recent", DataTable).row_count == 2

    with open_history() as store:
        rows = store.list_attempts()
        assert len(rows) == 2
        saved = store.get_attempt(rows[-1].id)
        assert saved.answer == UI_ANSWER and saved.probes[0].answer == PROBE_REPLY
        assert (rows[-1].score, rows[-1].verdict, rows[-1].recovered) == (77, "strong", ["metrics"])
        assert saved.question_text == question.prompt
        assert store.drafts() == []


async def test_drafts_autosave_and_are_offered_back(settings, clock):
    app = build(settings, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        box = app.screen.query_one(AnswerBox)
        box.focus()
        await pilot.press(*"Half an answer")
        await pilot.pause(1.3)  # past the autosave delay
    with open_history() as store:
        (draft,) = store.drafts()
    assert draft.text == "Half an answer"

    app = build(settings, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()  # home reads the history just after its first paint
        home = app.screen
        assert "Resume your unfinished answer" in str(home.query_one("#resume").label)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one(AnswerBox).text == "Half an answer"


async def test_leaving_mid_answer_asks_first_and_keeps_the_draft(settings, clock):
    app = build(settings, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        app.screen.query_one(AnswerBox).text = "Something worth keeping"
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, PracticeScreen)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
    with open_history() as store:
        assert [d.text for d in store.drafts()] == ["Something worth keeping"]


async def test_an_empty_answer_is_not_sent(settings, clock):
    app = build(settings, clock)
    async with app.run_test() as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        await answer(pilot, "   ")
        assert app.screen.session.stage is Stage.ANSWER
        assert len(said(app.screen)) == 1


async def test_clock_warns_and_never_cuts_off(settings, clock):
    app = build(settings, clock)
    async with app.run_test() as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        practice = app.screen
        limit = practice.session.question.time_limit_s
        clock.now += limit - 30
        practice.tick()
        assert practice.query_one("#clock").has_class("-low")
        clock.now += 45
        practice.tick()
        assert practice.query_one("#clock").has_class("-over")
        assert "That's time" in said(practice)[-1]
        assert not practice.query_one(AnswerBox).disabled
        await answer(pilot, FIRST_ANSWER)
        assert practice.session.time_taken == limit + 15


async def test_coach_mode_lights_cues_as_you_type(settings, clock):
    coach = Settings.model_validate(
        {"probes": 1, "last_practice": {"category": "product-design", "questions": 2, "mode": "coach"}}
    )
    app = build(coach, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        app.screen.query_one(AnswerBox).text = FIRST_ANSWER
        await pilot.pause(0.6)  # past the coach delay
        await app.workers.wait_for_complete()
        await pilot.pause()
        cues = app.screen.query_one("#coach-cues")
        lines = [str(cues.get_option_at_index(i).prompt) for i in range(cues.option_count)]
        assert any(line.startswith("✓ For whom") for line in lines)


async def test_setup_remembers_the_last_choice(settings, clock, isolated_home):
    from interviewcoach.settings import load_settings

    app = build(settings, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("s")
        app.screen.query_one("#level").value = "director"
        app.screen.query_one("#category").value = "any"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_settings().last_practice.level == "director"


async def test_drill_weakest_cue_from_home(settings, library, clock):
    from store_helpers import make_attempt

    with open_history() as store:
        for n in range(4):
            store.save_attempt(make_attempt(n))
    app = build(settings, clock, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()  # home reads the history just after its first paint
        assert "Drill" in str(app.screen.query_one("#drill").label)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        session = app.screen.session
        assert session.question.rubric == "product-design"
        with open_history() as store:
            weakest = store.stats().weakest[0]
        # The drill is of the weakest cue itself: named, and in every question it asks.
        assert session.plan.drill == weakest.cue_id
        label = library.rubrics["product-design"].cue(weakest.cue_id).label
        assert str(app.screen.query_one("#progress", Static).render()).endswith(f"drilling {label}")
        for question in session.plan.questions:
            assert not question.focus_cues or weakest.cue_id in question.focus_cues
        await answer(pilot, "Blind shoppers struggle to read labels, so I would build a scanner first.")
        if isinstance(app.screen, PracticeScreen):
            await pilot.press("ctrl+n")
            await pilot.pause()
        feedback = app.screen
        assert isinstance(feedback, FeedbackScreen)
        assert str(feedback.query_one("#drill-cue", Static).render()).startswith(f"Drilling {label}: ")


async def test_no_dead_keys_on_an_empty_home(settings, clock):
    app = build(settings, clock)
    async with app.run_test() as pilot:
        home = app.screen
        assert not home.query("#drill") and not home.query("#resume")
        assert home.check_action("drill", ()) is False and home.check_action("resume", ()) is False
        await pilot.press("d", "r")
        assert isinstance(app.screen, HomeScreen)


async def test_theme_and_name_come_from_settings(clock):
    app = make_app(Settings(theme="nord", name="Ada"), ui_library(), clock=clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        assert "Welcome back, Ada." in str(app.screen.query_one("#home-title", Static).render())


async def test_unknown_theme_falls_back_with_a_warning(clock):
    app = make_app(Settings(theme="no-such-theme"), ui_library(), clock=clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert any("Unknown theme 'no-such-theme'" in str(n.message) for n in app._notifications)


# --- snapshots: what the user sees ----------------------------------------------------------

SIZES = [(80, 24), (120, 40)]


def no_blink(app) -> None:
    for box in app.screen.query(AnswerBox):
        box.cursor_blink = False


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_home(snap_compare, settings, clock, size):
    assert snap_compare(build(settings, clock), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_practice_mid_answer(snap_compare, settings, clock, size):
    assert snap_compare(build(settings, clock), terminal_size=size, run_before=mid_answer(clock))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_feedback(snap_compare, settings, clock, size):
    # The fixed grade: 58 (solid) for the answer, raised to 77 (strong) by the reply,
    # metrics recovered ↺ and trade-offs missed.
    assert snap_compare(build(settings, clock), terminal_size=size, run_before=to_feedback(clock, UI_ANSWER))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_summary(snap_compare, settings, clock, size):
    async def run_before(pilot):
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        for key in ("n", "e"):  # next, then end: the last question has no "next"
            clock.now += 95
            await answer(pilot, UI_ANSWER)
            if isinstance(pilot.app.screen, PracticeScreen):
                await answer(pilot, PROBE_REPLY)
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)

    assert snap_compare(build(settings, clock), terminal_size=size, run_before=run_before)


def mid_answer(clock):
    """Setup, then 75 seconds into typing the first answer."""

    async def run_before(pilot):
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        no_blink(pilot.app)
        clock.now += 75
        pilot.app.screen.query_one(AnswerBox).text = "Grandparents who live alone want to see their grandchildren,"
        pilot.app.screen.tick()
        await pilot.pause()

    return run_before


def to_feedback(clock, text):
    """Setup, an answer after 95 seconds, a reply to the probe if one comes: the feedback."""

    async def run_before(pilot):
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        clock.now += 95
        await answer(pilot, text)
        if isinstance(pilot.app.screen, PracticeScreen):
            await answer(pilot, PROBE_REPLY)
        await pilot.pause()

    return run_before


async def test_home_buttons_work_with_the_mouse(settings, clock):
    app = build(settings, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)


async def test_a_probe_can_be_skipped(settings, clock):
    app = build(settings, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        practice = app.screen
        assert practice.check_action("skip_probe", ()) is False  # no probe yet
        await answer(pilot, UI_ANSWER)
        assert practice.session.stage is Stage.PROBE and practice.check_action("skip_probe", ()) is True
        await pilot.press("ctrl+n")
        await pilot.pause()
        feedback = app.screen
        assert isinstance(feedback, FeedbackScreen)
        assert feedback.outcome.final.score == 58 and feedback.outcome.final.recovered == ()
        (probe,) = feedback.outcome.attempt.probes
        assert probe.cue == "metrics" and probe.answer == "" and probe.result is None


def off_question_grade(text, rubric, question=None, level=None, *, follow_up=False):
    """The fixed grade, as the real grader gives an answer to another question."""
    from dataclasses import replace

    graded = fixed_grade(text, rubric, question, level, follow_up=follow_up)
    if follow_up:
        return graded
    note = "This answer doesn't address the question: it never mentions aisles. Answer the question that was asked."
    return replace(graded, score=12, verdict="off-question", notes=[note, *graded.notes])


async def test_feedback_says_first_that_an_answer_is_off_the_question(settings, clock):
    app = build(settings, clock, grader=off_question_grade)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_feedback(clock, "We interviewed users about their research and ran a pilot.")(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        tips = app.screen.coaching().splitlines()
        assert tips[0] == "What to work on:"
        assert tips[1].startswith("• This answer doesn't address the question")
        assert sum("doesn't address the question" in line for line in tips) == 1


async def test_a_resumed_draft_goes_on_with_its_session(clock):
    settings = Settings.model_validate({"probes": 0, "last_practice": {"category": "any", "questions": 3}})
    app = build(settings, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        session = app.screen.session
        planned = [q.id for q in session.plan.questions]
        assert len(planned) == 3
        await answer(pilot, UI_ANSWER)
        await pilot.press("n")  # on to question 2 of 3
        await pilot.pause()
        app.screen.query_one(AnswerBox).focus()
        await pilot.press(*"Half an answer")
        await pilot.pause(1.3)  # past the autosave delay

    settings.last_practice = settings.last_practice.model_copy(update={"questions": 1, "level": "director"})
    app = build(settings, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()  # home reads the history just after its first paint
        await pilot.press("r")
        await pilot.pause()
        practice = app.screen
        assert isinstance(practice, PracticeScreen)
        assert [q.id for q in practice.session.plan.questions] == planned
        assert practice.session.progress().startswith("Question 2 of 3")
        assert practice.session.level == "pm"  # the session's own setup, not today's
        assert said(practice)[0].startswith("Let's pick up where you left off.")
        box = practice.query_one(AnswerBox)
        assert box.cursor_location == box.document.end
        await pilot.press(*" and more")
        assert box.text == "Half an answer and more"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_resumed_session(snap_compare, settings, clock, size):
    from interviewcoach.store.records import DraftRecord

    context = {
        "session": "s1",
        "questions": ["ui-video-calls", "ui-night-commute", "ui-conflict"],
        "index": 1,
        "setup": settings.last_practice.model_dump(mode="json"),
    }
    with open_history() as store:
        store.save_draft(
            DraftRecord(
                key="s1/ui-night-commute", text="Nurses leave at 3am,", question_id="ui-night-commute", context=context
            )
        )

    async def run_before(pilot):
        await pilot.pause()  # home reads the history just after its first paint
        await pilot.press("r")
        await pilot.pause()
        no_blink(pilot.app)

    assert snap_compare(build(settings, clock), terminal_size=size, run_before=run_before)


def fully_shown(widget, view) -> bool:
    """Whether every line of `widget` is inside the visible part of `view`."""
    return view.content_region.contains_region(widget.region)


async def test_the_probe_is_shown_whole_after_it_is_laid_out(settings, clock):
    app = build(settings, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        practice = app.screen
        await answer(pilot, UI_ANSWER)
        await pilot.pause()
        assert practice.session.stage is Stage.PROBE
        transcript = practice.query_one("#transcript")
        last = list(practice.query(Bubble))[-1]
        assert practice.session.probe.text in str(last.render())
        assert fully_shown(last, transcript), (last.region, transcript.content_region)
        assert transcript.is_anchored  # stays at its end as messages are laid out


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_answer_box_grows_and_the_question_stays_in_view(settings, clock, size):
    app = build(settings, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        practice = app.screen
        box = practice.query_one(AnswerBox)
        assert box.size.height >= size[1] // 3  # 8 of 24 rows, 13 of 40
        await answer(pilot, UI_ANSWER + " " + UI_ANSWER)  # a long answer pushes the opening out
        await pilot.pause()
        pinned = practice.query_one("#question-pin", Static)
        assert practice.session.question.prompt in str(pinned.render())
        assert practice.screen.region.contains_region(pinned.region) and pinned.region.height >= 1


@pytest.mark.parametrize("key", ["ctrl+j", "ctrl+s"])
async def test_send_keys_that_work_everywhere_are_shown_and_documented(settings, clock, key):
    app = build(settings, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        practice = app.screen
        shown = {a.binding.key_display for a in practice.active_bindings.values() if a.binding.show}
        assert "^j/^s" in shown
        practice.query_one(AnswerBox).text = UI_ANSWER
        await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert practice.session.stage is not Stage.ANSWER
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    (row,) = [line for line in readme.splitlines() if line.startswith("| answering |") and "send your answer" in line]
    assert "`ctrl+j` or `ctrl+s`" in row and "not under tmux" in row


def not_an_answer_grader(verdict: str, note: str):
    """The fixed grade, except that text without a full stop is `verdict`, for `note`."""

    def grade(text, rubric, question=None, level=None, *, follow_up=False, notes=False):
        result = fixed_grade(text, rubric, question, level, follow_up=follow_up, notes=notes)
        if "." in text:
            return result
        return dataclasses.replace(result, score=5, verdict=verdict, notes=[note])

    return grade


@pytest.mark.parametrize(
    ("verdict", "note"),
    [
        ("insufficient", "Too short to grade (1 words): answer in full sentences."),
        ("off-question", "This reads as an answer to another question: it never mentions grandparents or calls."),
    ],
)
async def test_a_non_answer_is_named_and_a_real_answer_asked_for(settings, clock, verdict, note):
    app = build(settings, clock, grader=not_an_answer_grader(verdict, note))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        practice = app.screen
        await answer(pilot, "pricing")
        reply = said(practice)[-1]
        assert reply.startswith(note) and ("real answer" in reply or "answer the question" in reply)
        assert "push on" not in reply and "follow-up" not in reply.lower()
        assert practice.session.stage is Stage.ANSWER and practice.session.probe is None
        assert practice.query_one(AnswerBox).text == "pricing"  # back, to rework
        await answer(pilot, "still nothing")  # a second non-answer: straight to the feedback
        feedback = app.screen
        assert isinstance(feedback, FeedbackScreen)
        assert feedback.outcome.attempt.probes == []
        assert str(feedback.query_one("#lead-notes", Static).render()) == note
        tips = str(feedback.query_one("#tips", Static).render())
        assert tips.splitlines()[1] == f"• {note}"  # the reason before any cue tip


async def test_an_answer_too_long_to_say_in_time_is_flagged(settings, clock):
    app = build(settings, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        limit = app.screen.session.question.time_limit_s // 60
        await answer(pilot, " ".join([UI_ANSWER] * 30))  # about 2,500 words: 19 minutes spoken
        if isinstance(app.screen, PracticeScreen):
            await answer(pilot, PROBE_REPLY)
        feedback = app.screen
        assert isinstance(feedback, FeedbackScreen)
        note = str(feedback.query_one("#length-note", Static).render())
        spoken = round(feedback.outcome.final.result.word_count / 130)
        assert note.startswith(f"About {spoken} minutes spoken against a {limit}-minute limit")
        tips = str(feedback.query_one("#tips", Static).render())
        assert tips.splitlines()[1] == f"• {note}"


async def test_the_practice_header_names_the_company_stage(clock):
    settings = Settings.model_validate({"last_practice": {"category": "any", "questions": 1, "stage": "startup"}})
    app = build(settings, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        assert str(app.screen.query_one("#progress", Static).render()).endswith("· pm · Startup")


async def test_the_summary_names_questions_by_their_text(settings, clock):
    app = build(settings, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        prompt = app.screen.session.question.prompt
        await answer(pilot, UI_ANSWER)
        await answer(pilot, PROBE_REPLY)
        await pilot.press("e")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        cell = str(summary.query_one(DataTable).get_row_at(0)[1])
        assert cell == textwrap.shorten(prompt, 44, placeholder="…") and cell.startswith("Design a video-calling")
    app = build(settings, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # home reads the history just after its first paint
        recent = app.screen.query_one("#recent", DataTable)
        assert str(recent.get_row_at(0)[1]) == cell


async def test_coach_checklist_counts_probe_replies(clock):
    coach = Settings.model_validate(
        {"probes": 2, "last_practice": {"category": "product-design", "questions": 1, "mode": "coach"}}
    )
    app = build(coach, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        practice = app.screen
        await answer(pilot, UI_ANSWER)
        assert practice.session.stage is Stage.PROBE

        def marks() -> dict[str, str]:
            cues = practice.query_one("#coach-cues")
            lines = [str(cues.get_option_at_index(i).prompt) for i in range(cues.option_count)]
            return {line.split("  ")[0][2:]: line[0] for line in lines}

        assert marks()["Success metrics"] == "✗"
        await answer(pilot, PROBE_REPLY)  # earns metrics
        assert marks()["Success metrics"] == "↺"


async def test_a_retry_says_why_the_score_moved_when_no_cue_was_gained_or_lost(settings, clock):
    app = build(settings, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        await answer(pilot, BETTER_ANSWER.replace("answers calls", "rings through"))  # metrics ✓ at once
        await answer(pilot, PROBE_REPLY)
        await pilot.press("r")
        await pilot.pause()
        await answer(pilot, UI_ANSWER)  # metrics only after the probe now: ✓ → ↺
        await answer(pilot, PROBE_REPLY)
        feedback = app.screen
        assert isinstance(feedback, FeedbackScreen)
        comparison = str(feedback.query_one("#comparison", Static).render())
        assert "Changed: Success metrics ✓→↺" in comparison


async def test_the_palette_offers_every_screen_its_actions(settings, clock):
    from interviewcoach.tui.commands import PracticeCommands

    def names(screen) -> set[str]:
        return {name for name, _, _ in PracticeCommands(screen)._commands()}

    app = build(settings, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        practice = app.screen
        assert {"Send", "Leave"} <= names(practice)
        practice.query_one(AnswerBox).text = UI_ANSWER
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Send")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert practice.session.stage is Stage.PROBE  # sent from the palette
        assert "Skip probe" in names(practice)
        await answer(pilot, PROBE_REPLY)
        assert {"Retry", "Next", "End"} <= names(app.screen)


async def test_the_interviewer_uses_your_name(clock):
    settings = Settings.model_validate({"name": "Ada", "probes": 1, "last_practice": {"questions": 2}})
    app = build(settings, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        assert said(app.screen)[0].startswith("Hi, Ada. ")


async def test_a_follow_up_already_answered_is_not_asked(settings, clock):
    app = build(settings, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "ctrl+s")
        await pilot.pause()
        assert app.screen.session.question.id == "ui-video-calls"
        await answer(pilot, BETTER_ANSWER + " The first version would leave out photo sharing.")
        # Every cue hit and the question's one follow-up already answered: nothing to ask.
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.outcome.attempt.probes == []
