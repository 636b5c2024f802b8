"""The README's screenshots, taken from the real app: the bundled questions and the real
grader. They change when the grader does; test_packaging keeps docs/ equal to them.
Every other snapshot runs over the test bank and a fixed grade (test_tui.py), and so does
the progress screenshot: it shows a seeded history, which a grader change must not rewrite."""

from __future__ import annotations

from interviewcoach.settings import Settings
from interviewcoach.tui.app import make_app

from test_tui import FIRST_ANSWER, FakeClock, mid_answer, to_feedback

SIZE = (120, 40)


def real_app(library, clock):
    settings = Settings.model_validate({"probes": 1, "last_practice": {"category": "product-design", "questions": 2}})
    return make_app(settings, library, clock=clock, seed=34)


def test_readme_practice(snap_compare, library):
    clock = FakeClock()
    assert snap_compare(real_app(library, clock), terminal_size=SIZE, run_before=mid_answer(clock))


def test_readme_feedback(snap_compare, library):
    clock = FakeClock()
    assert snap_compare(real_app(library, clock), terminal_size=SIZE, run_before=to_feedback(clock, FIRST_ANSWER))


def test_readme_progress(snap_compare, isolated_home):
    from interviewcoach.store import open_history

    from fakes import fixed_grade, ui_library
    from review_helpers import NOW, seed_history

    with open_history() as store:
        seed_history(store, ui_library(), fixed_grade)
    settings = Settings.model_validate({"last_practice": {"category": "product-design", "level": "pm"}})
    app = make_app(settings, ui_library(), clock=FakeClock(), seed=34, grader=fixed_grade, now=lambda: NOW)

    async def run_before(pilot):
        pilot.app.open_progress()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


README_NOTES = (
    "talked to 5 night nurses -> pain = unsafe walk to car after 7am handover\n"
    "seg: nurses w/o car, big city hosp\n"
    "idea: shared rides booked from the ward\n"
    "m: rides/wk, % shifts w ride\n"
    "pilot 1 hosp then region"
)


def test_readme_cockpit(snap_compare, library):
    from test_tui_mock import name_focus, on_cue, take_notes

    clock = FakeClock()
    settings = Settings.model_validate({"name": "Ada", "last_mock": {"partner": "Ben"}})

    async def run_before(pilot):
        pilot.app.mock_picks.append("pd-commute-app-nurses")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await name_focus(pilot, focus=["Success metrics"], habits="I ramble")
        await pilot.press("ctrl+t")
        clock.now += 222
        await take_notes(pilot, README_NOTES)
        await on_cue(pilot, "customer_focus", "y", "4")
        await on_cue(pilot, "rollout", "3")
        pilot.app.screen.query_one("#cockpit-notes").focus()
        pilot.app.screen.tick()
        await pilot.pause()

    app = make_app(settings, library, clock=clock, seed=34)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_readme_coverage(snap_compare, library):
    """The story bank's coverage over the bundled themes; a fixed grade, so a grader
    change does not rewrite it."""
    from interviewcoach.store import open_history
    from interviewcoach.store.records import AttemptRecord

    from fakes import fixed_grade
    from story_helpers import README_STORIES, save_stories

    ids = save_stories(*README_STORIES)
    rubric = library.rubrics["behavioural"]
    with open_history() as store:
        for _ in range(3):
            store.save_attempt(AttemptRecord.of(fixed_grade("I", rubric), "I", rubric, story_id=ids[1]))
    app = make_app(Settings(), library, clock=FakeClock(), seed=34, grader=fixed_grade)

    async def run_before(pilot):
        pilot.app.open_coverage()
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
