"""Mock interviews with a peer, as two people drive them: setup, the candidate's focus,
the cockpit scoring notes as they are typed, calls, ratings, comments, the
recommendation, the candidate's view, wrap-up, the report, the swap and the summary.
Over the test bank and the fixed grader (tests/fakes.py), like every UI test."""

from __future__ import annotations

import html
import re

import pytest
from textual.widgets import Input, SelectionList, Static

from interviewcoach import locations
from interviewcoach.settings import Settings
from interviewcoach.store import open_history
from interviewcoach.tui.app import make_app
from interviewcoach.tui.screens.candidate_view import CandidateView
from interviewcoach.tui.screens.cockpit import CockpitScreen, NotesBox
from interviewcoach.tui.screens.confirm import ConfirmScreen
from interviewcoach.tui.screens.home import HomeScreen
from interviewcoach.tui.screens.mock_dialogs import CommentScreen, FocusScreen, RecommendScreen
from interviewcoach.tui.screens.mock_report import MockReportScreen
from interviewcoach.tui.screens.wrap_up import WrapUpScreen
from interviewcoach.tui.widgets.answer_box import AnswerBox
from interviewcoach.tui.widgets.checklist import CueChecklist

from fakes import fixed_grade, ui_library
from test_tui import SIZES, FakeClock

NOTES_ADA = "grandparents alone, abroad family\nbecause no one nearby to fix it\nbeta w/ care charity, 50 fam"
"""Ada's notes on Ben: with the fixed grader, for whom, why and rollout are heard;
success metrics and trade-offs are not."""
NOTES_BEN = "nurses after night shift; rather walk than wait -> calls home per wk"


@pytest.fixture
def clock():
    return FakeClock()


def build(clock, settings=None, **mock):
    settings = settings or Settings.model_validate(
        {"name": "Ada", "last_mock": {"partner": "Ben", "category": "product-design", **mock}}
    )
    return make_app(settings, ui_library(), clock=clock, seed=7, grader=fixed_grade, start="mock")


async def begin(pilot, focus: list[str] | None = None, habits: str = "") -> CockpitScreen:
    """From the setup (names remembered) through the candidate's focus to the cockpit."""
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    return await name_focus(pilot, focus, habits)


async def name_focus(pilot, focus: list[str] | None = None, habits: str = "") -> CockpitScreen:
    screen = pilot.app.screen
    assert isinstance(screen, FocusScreen)
    for label in focus or []:
        screen.query_one(SelectionList).select(label)
    screen.query_one(Input).value = habits
    await pilot.press("ctrl+s")
    await pilot.pause()
    cockpit = pilot.app.screen
    assert isinstance(cockpit, CockpitScreen)
    for box in cockpit.query(NotesBox):
        box.cursor_blink = False
    return cockpit


async def take_notes(pilot, text: str) -> None:
    pilot.app.screen.query_one(NotesBox).text = text
    await pilot.pause(0.45)  # past the live-scoring pause
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def lines(cockpit) -> list[str]:
    checklist = cockpit.query_one(CueChecklist)
    return [str(checklist.get_option_at_index(i).prompt) for i in range(checklist.option_count)]


async def on_cue(pilot, cue_id: str, *keys: str) -> None:
    checklist = pilot.app.screen.query_one(CueChecklist)
    checklist.focus()
    checklist.highlighted = checklist.get_option_index(cue_id)
    await pilot.press(*keys)
    await pilot.pause()


def screen_text(app) -> str:
    """Everything on screen, as plain text."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


async def test_a_two_round_spoken_mock_with_swap_calls_report_and_history(clock):
    app = build(clock)
    async with app.run_test(size=(120, 40)) as pilot:
        cockpit = await begin(pilot, focus=["Success metrics"], habits="I ramble; I skip metrics")
        session = cockpit.session
        assert (session.round.interviewer, session.round.candidate) == ("Ada", "Ben")
        focus_line = str(cockpit.query_one("#cockpit-focus", Static).render())
        assert "Success metrics" in focus_line and '"I ramble"' in focus_line

        await pilot.press("ctrl+t")  # the interviewer starts the clock
        clock.now += 130
        await take_notes(pilot, NOTES_ADA)
        shown = lines(cockpit)
        assert shown[0].startswith("✓ For whom") and '"grandparents"' in shown[0]
        assert shown[3].startswith("· Success metrics ◆")  # the candidate's focus, not heard
        probe = str(cockpit.query_one("#cockpit-probe", Static).render())
        assert probe == "Not heard yet: success metrics — ask: How would you know it worked?"

        await on_cue(pilot, "for_whom", "y", "4")  # confirm the grader, rate 4
        await on_cue(pilot, "rollout", "x", "2")  # "beta" was named, but thinly: overridden
        await on_cue(pilot, "rollout", "c")
        assert isinstance(app.screen, CommentScreen)
        app.screen.query_one(Input).value = "said beta, no plan"
        await pilot.press("enter")
        await pilot.pause()
        shown = lines(cockpit)
        assert "confirmed  4/4" in shown[0] and "overridden  2/4  ✎" in shown[2]

        await pilot.press("ctrl+n")  # no recommendation yet: it is asked for
        assert isinstance(app.screen, RecommendScreen)
        await pilot.press("3")
        await pilot.pause()
        wrap = app.screen
        assert isinstance(wrap, WrapUpScreen)
        assert "Success metrics: shown in 0 of 1 question" in wrap.text("focus")
        assert "For whom: it came through" in wrap.text("keep")
        assert "rollout" in wrap.text("stop") and "said beta, no plan" in wrap.text("stop")
        assert wrap.text("start").startswith("- Success metrics: Name the metric")
        wrap.query_one("#wrap-keep").text = "- Named the segment early and stuck to it."
        await pilot.press("ctrl+s")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, MockReportScreen)
        assert "Where they disagree: Rollout." in report.markdown
        assert "Named the segment early" in report.markdown
        assert report.check_action("summary", ()) is False

        await pilot.press("w")  # swap: Ben interviews Ada
        await pilot.pause()
        cockpit = await name_focus(pilot)
        session = cockpit.session
        assert (session.round.interviewer, session.round.candidate) == ("Ben", "Ada")
        await pilot.press("ctrl+t")
        clock.now += 200
        await take_notes(pilot, NOTES_BEN)
        await pilot.press("ctrl+o", "4")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, WrapUpScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, MockReportScreen) and report.check_action("swap", ()) is False
        await pilot.press("s")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, MockReportScreen) and summary.is_summary
        assert "- Ben: 1 question" in summary.markdown and "- Ada: 1 question" in summary.markdown
        uid = session.plan.session_uid

    with open_history() as store:
        rows = store.list_attempts(mode="peer")
        assert len(rows) == 2 and store.list_attempts(mode="solo") == []
        ben = store.get_attempt(rows[-1].id)
        ada = store.get_attempt(rows[0].id)
    assert ben.session_uid == uid and ben.notes == NOTES_ADA and ben.answer == NOTES_ADA
    assert ben.overrides == {"rollout": False} and ben.ratings == {"for_whom": 4, "rollout": 2}
    peer = ben.peer
    assert (peer.candidate, peer.interviewer, peer.round, peer.recommendation) == ("Ben", "Ada", 1, 3)
    assert peer.comments == {"rollout": "said beta, no plan"}
    assert peer.focus_cues == ["Success metrics"] and peer.habits == ["I ramble", "I skip metrics"]
    assert peer.keep == "- Named the segment early and stuck to it." and peer.start.startswith("- Success metrics")
    assert peer.clock_s == 130.0 and ben.time_taken_s == 130.0
    # The report and history show FinalGrade's score, verdict and hits: the calls are its overrides.
    assert rows[-1].score == ben.final.score and "rollout" in rows[-1].misses
    assert (ada.peer.candidate, ada.peer.recommendation, ada.peer.round) == ("Ada", 4, 2)

    saved = locations.data_dir() / "reports" / f"mock-{uid[:12]}.md"
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("# Mock interview: ")
    assert "## Round 1: Ada interviews Ben" in text and "## Round 2: Ben interviews Ada" in text
    assert "| Rollout | hit | missed ≠ | 2 (thin) | said beta, no plan |" in text
    assert (
        "Calibration: the interviewer's calls agreed with the grader's on 4 of 5 cues (80%); disagreed on Rollout."
        in text
    )


async def test_the_candidate_view_shows_no_rubric(clock):
    app = build(clock)
    async with app.run_test(size=(120, 40)) as pilot:
        cockpit = await begin(pilot, focus=["Success metrics"], habits="I ramble")
        await take_notes(pilot, NOTES_ADA)
        await on_cue(pilot, "for_whom", "4", "c")
        app.screen.query_one(Input).value = "clear segment"
        await pilot.press("enter")
        await pilot.press("ctrl+o", "3")
        cockpit_text = screen_text(app)
        rubric = ui_library().rubrics["ui-design"]
        assert "For whom" in cockpit_text  # the cockpit does show the rubric

        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, CandidateView)
        seen = screen_text(app)
        assert cockpit.session.question.prompt[:40] in seen
        forbidden = [cue.label for cue in rubric.cues] + [p for cue in rubric.cues for p in cue.probes]
        forbidden += [
            "Not heard",
            "score",
            "/100",
            "Recommend",
            "strong",
            "Rate",
            "clear segment",
            "grandparents alone",
        ]
        forbidden += ["Success metrics", "I ramble", "focus"]
        assert [word for word in forbidden if word.lower() in seen.lower()] == []

        await pilot.press("f2")
        await pilot.pause()
        assert app.screen is cockpit


async def test_a_typed_round(clock):
    app = build(clock, answer_mode="typed")
    async with app.run_test(size=(120, 40)) as pilot:
        cockpit = await begin(pilot)
        assert "press f2 to hand over" in str(cockpit.query_one("#cockpit-answer", Static).render())
        await pilot.press("ctrl+t")
        await pilot.press("f2")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, CandidateView)
        clock.now += 90
        view.query_one(AnswerBox).text = "For grandparents, because calls are hard. A beta first."
        await pilot.press("ctrl+j")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is cockpit
        assert "For grandparents" in str(cockpit.query_one("#cockpit-answer", Static).render())
        shown = lines(cockpit)
        assert shown[0].startswith("✓ For whom") and shown[3].startswith("✓ Success metrics")
        await take_notes(pilot, "good energy, no trade-offs")  # the interviewer's own notes
        await pilot.press("ctrl+o", "2", "ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, WrapUpScreen)
    with open_history() as store:
        (row,) = store.list_attempts(mode="peer")
        attempt = store.get_attempt(row.id)
    assert attempt.answer == "For grandparents, because calls are hard. A beta first."
    assert attempt.notes == "good energy, no trade-offs" and attempt.peer.answer_mode == "typed"
    assert attempt.time_taken_s == 90.0


async def test_learning_style_stops_to_discuss_each_question(clock):
    app = build(clock, style="learning")
    async with app.run_test(size=(120, 40)) as pilot:
        await begin(pilot)
        await take_notes(pilot, NOTES_ADA)
        await pilot.press("ctrl+o", "3", "ctrl+n")
        await pilot.pause()
        seen = screen_text(app)
        assert "A strong answer covers:" in seen
        assert "Heard so far" not in seen and "grandparents alone" not in seen  # the cockpit is not behind it
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WrapUpScreen)


async def test_a_killed_mock_comes_back_at_the_same_question_with_its_notes(clock):
    app = build(clock, questions=2)
    async with app.run_test(size=(120, 40)) as pilot:
        cockpit = await begin(pilot, focus=["Trade-offs"])
        await take_notes(pilot, NOTES_ADA)
        await pilot.press("ctrl+o", "3", "ctrl+n")
        await pilot.pause()
        assert cockpit.session.round.index == 1
        second = cockpit.session.question.id
        await take_notes(pilot, "half my notes")
        await pilot.pause(1.2)  # past the autosave pause
        # The process is killed here: nothing but the autosaved notes is left behind.

    app = build(clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")  # out of the setup the mock command opened
        await pilot.pause()
        await pilot.pause()  # home reads the history just after its first paint
        home = app.screen
        assert isinstance(home, HomeScreen) and "Continue the mock: Ada and Ben" in str(
            home.query_one("#resume_mock").label
        )
        assert not home.query("#resume")  # a mock's notes are not a solo answer to resume
        await pilot.press("c")
        await pilot.pause()
        cockpit = app.screen
        assert isinstance(cockpit, CockpitScreen)
        assert cockpit.session.question.id == second and cockpit.session.round.index == 1
        assert cockpit.query_one(NotesBox).text == "half my notes"
        assert cockpit.session.round.focus.cues == ["Trade-offs"]


async def test_quitting_mid_mock_asks_and_keeps_the_notes(clock):
    app = build(clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await begin(pilot)
        app.screen.query_one(NotesBox).text = "something worth keeping"
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
    with open_history() as store:
        (draft,) = store.drafts()
    assert draft.text == "something worth keeping" and draft.key.startswith("mock/")


async def test_home_and_bank_offer_the_mock(clock):
    settings = Settings.model_validate({"name": "Ada", "last_mock": {"partner": "Ben", "questions": 2}})
    app = make_app(settings, ui_library(), clock=clock, seed=7, grader=fixed_grade)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("m")  # add the highlighted question to the next mock
        picked = app.mock_picks[0]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert app.screen.query_one("#mock-source").value == "picked"
        cockpit = await begin(pilot)
        assert [q.question.id for q in cockpit.session.round.questions] == [picked, picked]
        assert app.mock_picks == []


async def test_weakest_cues_are_offered_as_the_focus(clock):
    from interviewcoach.mock import Focus, MockSession, make_mock_plan
    from interviewcoach.models import Level

    from store_helpers import make_attempt  # noqa: F401  (bundled rubric attempts)

    library = ui_library()
    question = library.questions["ui-video-calls"]
    with open_history() as store:
        for _ in range(2):
            plan = make_mock_plan(("Ada", "Ben"), [question], per_round=1, rounds_per_person=1, level=Level.PM)
            session = MockSession(
                plan, library.rubrics, clock=clock, grader=fixed_grade, save=lambda a, k: bool(store.save_attempt(a, k))
            )
            session.set_focus(Focus())
            pending = session.live("grandparents because")
            session.graded(pending, session.grade(pending))
            session.recommend(2)
            session.finish_question()
    app = build(clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        focus = app.screen
        assert isinstance(focus, FocusScreen)
        # Ben (the first candidate) missed rollout, metrics and trade-offs both times.
        assert focus.query_one(SelectionList).selected == ["Rollout", "Success metrics", "Trade-offs"]


# --- snapshots: the cockpit and the candidate's view ----------------------------------------------


def mid_notes(clock):
    async def run_before(pilot):
        await begin(pilot, focus=["Success metrics"], habits="I ramble")
        await pilot.press("ctrl+t")
        clock.now += 150
        await take_notes(pilot, NOTES_ADA)
        await on_cue(pilot, "for_whom", "y", "4")
        await on_cue(pilot, "rollout", "x", "2")
        pilot.app.screen.query_one(NotesBox).focus()
        pilot.app.screen.tick()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_cockpit(snap_compare, clock, size):
    assert snap_compare(build(clock), terminal_size=size, run_before=mid_notes(clock))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_candidate_view(snap_compare, clock, size):
    async def run_before(pilot):
        await mid_notes(clock)(pilot)
        await pilot.press("f2")
        await pilot.pause()

    assert snap_compare(build(clock), terminal_size=size, run_before=run_before)


async def test_the_command_palette_offers_the_mock(clock):
    from interviewcoach.tui.commands import PracticeCommands

    settings = Settings.model_validate({"name": "Ada", "last_mock": {"partner": "Ben"}})
    app = make_app(settings, ui_library(), clock=clock, seed=7, grader=fixed_grade)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        provider = PracticeCommands(app.screen)
        commands = {name: run for name, _, run in provider._commands()}
        commands["Mock interview"]()
        await pilot.pause()
        from interviewcoach.tui.screens.mock_setup import MockSetupScreen

        assert isinstance(app.screen, MockSetupScreen)


async def test_the_clock_warns_as_in_solo_practice(clock):
    app = build(clock)
    async with app.run_test(size=(120, 40)) as pilot:
        cockpit = await begin(pilot)
        limit = cockpit.session.question.time_limit_s
        await pilot.press("ctrl+t")
        clock.now += limit - 30
        cockpit.tick()
        assert cockpit.query_one("#cockpit-clock").has_class("-low")
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one("#candidate-clock").has_class("-low")
        clock.now += 45
        app.screen.tick()
        assert app.screen.query_one("#candidate-clock").has_class("-over")
        await pilot.press("f2")
        await pilot.press("ctrl+t")  # paused: the clock stands still
        standing = cockpit.session.current.stopwatch.elapsed()
        clock.now += 100
        assert cockpit.session.current.stopwatch.elapsed() == standing == limit + 15
        await pilot.press("ctrl+r")
        assert cockpit.session.current.stopwatch.elapsed() == 0
        assert "(^t starts)" in str(cockpit.query_one("#cockpit-clock", Static).render())
