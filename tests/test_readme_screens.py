"""The README's screenshots, taken from the real app: the bundled questions and the real
grader. They change when the grader does; test_packaging keeps docs/ equal to them.
Every other snapshot runs over the test bank and a fixed grade (test_tui.py)."""

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
