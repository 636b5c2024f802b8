"""The review side of the app on a seeded history (solo and peer attempts): the history
table, an attempt in full, two attempts compared, progress and readiness, retry from
the past, what's due and export. Over the test bank and a fixed grade, like test_tui.py."""

from __future__ import annotations

import json

import pytest
from textual.widgets import DataTable, Input, Select, Static

from interviewcoach.readiness import RULE
from interviewcoach.settings import Settings
from interviewcoach.store import open_history
from interviewcoach.tui.app import make_app
from interviewcoach.tui.screens.attempt_detail import AttemptDetailScreen
from interviewcoach.tui.screens.compare import CompareScreen
from interviewcoach.tui.screens.export import ExportScreen
from interviewcoach.tui.screens.feedback import FeedbackScreen
from interviewcoach.tui.screens.history import HistoryScreen
from interviewcoach.tui.screens.home import HomeScreen
from interviewcoach.tui.screens.practice import PracticeScreen
from interviewcoach.tui.screens.progress import ProgressScreen, ReadinessScreen

from conftest import run_cli
from fakes import fixed_grade, ui_library
from review_helpers import NOW, PLAN, seed_history
from test_tui import FakeClock, answer

SIZES = [(80, 24), (120, 40)]
PEER = next(n for n, step in enumerate(PLAN) if step[4])


@pytest.fixture
def seeded(isolated_home) -> list[int]:
    with open_history() as store:
        return seed_history(store, ui_library(), fixed_grade)


@pytest.fixture
def settings():
    return Settings.model_validate({"probes": 1, "last_practice": {"category": "product-design", "level": "pm"}})


def build(settings, start="home"):
    return make_app(
        settings, ui_library(), clock=FakeClock(), seed=34, grader=fixed_grade, start=start, now=lambda: NOW
    )


def table_rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_review_opens_on_the_history_newest_first(seeded, settings):
    app = build(settings, start="history")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        rows = table_rows(history.query_one(DataTable))
        assert len(rows) == len(PLAN)
        assert rows[0][1] == "Design a way for night-shift nurses to get home safely."
        assert rows[0][:1] == ["26 Nov 2026"] and rows[0][2:4] == ["100", "strong"]
        assert "11 attempts · sorted by date ↓" in text(history, "#history-status")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_history_filters_and_sorts(seeded, settings):
    app = build(settings, start="history")
    async with app.run_test(size=(120, 40)) as pilot:
        history = app.screen
        table = history.query_one(DataTable)
        await pilot.press("slash", *"nurse nigth")  # a typo is forgiven
        await pilot.pause(0.5)
        assert {row[1] for row in table_rows(table)} == {"Design a way for night-shift nurses to get home safely."}
        assert "4 attempts match the filters" in text(history, "#history-status")
        await pilot.press("enter")
        assert app.focused is table
        await pilot.press("c")
        assert table.row_count == len(PLAN)

        history.query_one("#history-mode", Select).value = "peer"
        await pilot.pause()
        assert [row[7] for row in table_rows(table)] == ["peer"]
        history.query_one("#history-mode", Select).clear()
        history.query_one("#history-missed", Select).value = "tradeoffs"
        await pilot.pause()
        assert table.row_count and all("Trade-offs" in row[4] for row in table_rows(table))
        await pilot.press("c")

        since = history.query_one("#history-since", Input)
        since.value = "20 Nov"
        await pilot.pause(0.5)
        assert since.has_class("-invalid") and table.row_count == len(PLAN)
        history.query_one("#history-since", Input).value = "2026-11-20"
        history.query_one("#history-until", Input).value = "2026-11-24"
        await pilot.pause(0.5)
        assert [row[0] for row in table_rows(table)] == ["24 Nov 2026", "21 Nov 2026"]
        await pilot.press("c")

        await pilot.press("o")  # by score
        scores = [int(row[2]) for row in table_rows(table)]
        assert scores == sorted(scores, reverse=True)
        await pilot.press("r")
        assert [int(row[2]) for row in table_rows(table)] == sorted(scores)
        assert "sorted by score ↑" in text(history, "#history-status")


async def test_history_loads_a_page_at_a_time(seeded, settings, monkeypatch):
    from interviewcoach.tui.screens import history as history_module

    monkeypatch.setattr(history_module, "PAGE", 4)
    monkeypatch.setattr(history_module, "NEAR_END", 1)
    app = build(settings, start="history")
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(DataTable)
        assert table.row_count == 4
        await pilot.press("down", "down", "down")
        assert table.row_count == 8
        await pilot.press(*["down"] * 8)
        assert table.row_count == len(PLAN)


async def test_history_loads_more_as_the_mouse_wheel_scrolls(seeded, settings, monkeypatch):
    from interviewcoach.tui.screens import history as history_module

    monkeypatch.setattr(history_module, "PAGE", 8)
    monkeypatch.setattr(history_module, "NEAR_END", 0)
    app = build(settings, start="history")
    async with app.run_test(size=(80, 12)) as pilot:
        table = app.screen.query_one(DataTable)
        assert table.row_count == 8
        table.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert table.row_count == len(PLAN) and table.cursor_row == 0


async def test_attempt_detail_shows_a_peer_attempt_in_full(seeded, settings):
    app = build(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_attempt(seeded[PEER])
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, AttemptDetailScreen)
        record = detail.detail.record
        assert text(detail, "#detail-score") == f"Score {record.final.headline()}"
        assert text(detail, "#detail-question") == "Design a video-calling device for grandparents who live alone."
        peer = text(detail, "#detail-peer")
        assert "Mock interview with Lin." in peer and "marked hit: Trade-offs" in peer
        assert "overall 3/5" in peer and "jumped to features" in peer
        # The feedback screen's view: the cue list beside the answer with its evidence.
        assert str(detail.query_one("#answer-view", Static).render()) == record.answer
        others = table_rows(detail.query_one("#detail-others", DataTable))
        assert len(others) == 4 and others[1][4] == "this one"
        assert "personal best 100" in str(detail.query_one(".section-title", Static).render())

        await pilot.press("c")  # the attempt before this one is selected first
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        summary = text(compare, "#compare-summary")
        assert summary.startswith("Score change: +16 points.")
        assert '+ Rollout: shown in the answer ("beta")' in summary
        assert "+ Trade-offs: marked hit by the interviewer" in summary
        await pilot.press("escape")
        assert app.screen is detail


async def test_a_probe_reply_is_a_reason_in_the_comparison(seeded, settings):
    app = build(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        nurses = [n for n, step in enumerate(PLAN) if step[1] == "ui-night-commute"]
        app.open_attempt(seeded[nurses[2]])  # its reply showed trade-offs
        await pilot.pause()
        detail = app.screen
        assert "Probe:" in str(detail.query_one(".probe", Static).render())
        table = detail.query_one("#detail-others", DataTable)
        table.move_cursor(row=0)  # the latest, which shows trade-offs in the answer itself
        await pilot.press("c")
        summary = text(app.screen, "#compare-summary")
        assert "~ Trade-offs: now shown in the answer, not only after a probe" in summary


async def test_retry_from_the_past_is_compared_at_once(seeded, settings):
    app = build(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_attempt(seeded[0])  # scored 0 on ui-video-calls
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.session.question.id == "ui-video-calls"
        await answer(pilot, "Grandparents who live alone, because calls are hard; a beta first, rather than a launch.")
        if isinstance(app.screen, PracticeScreen):  # the question's own follow-up
            await answer(pilot, "The photo sharing.")
        feedback = app.screen
        assert isinstance(feedback, FeedbackScreen)
        assert text(feedback, "#comparison").startswith("Against your last try: +100 points.")


async def test_progress_drills_a_weak_cue_and_explains_readiness(seeded, settings):
    app = build(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_progress()
        await pilot.pause()
        progress = app.screen
        assert isinstance(progress, ProgressScreen)
        assert [w.label for w in progress.data.weakest] == ["Trade-offs", "Rollout", "For whom"]
        assert progress.data.streak() == 3 and progress.data.longest_streak() == 3
        assert "streak 3, longest 3" in text(progress, "#calendar")
        signals = {r.category: r.signal for r in progress.data.readiness}
        assert signals["product-design"] == "ready" and signals["metrics"] == "not yet"
        await pilot.press("w")
        assert isinstance(app.screen, ReadinessScreen)
        assert RULE in [str(s.render()) for s in app.screen.query(Static)]
        await pilot.press("escape")
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert any("Drilling Trade-offs" in str(n.message) for n in app._notifications)


async def test_home_lists_recent_attempts_by_question_and_opens_them(seeded, settings):
    app = build(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # home reads the history just after its first paint
        home = app.screen
        recent = home.query_one("#recent", DataTable)
        assert recent.row_count == 5
        assert app.focused is not None and app.focused.id == "start"  # enter starts practising
        assert table_rows(recent)[0][1] == "Design a way for night-shift nurses…"  # shortened to fit
        # Every column shows whole (the verdict was cut to "off-ques") and nothing scrolls.
        assert recent.virtual_size.width <= recent.size.width
        recent.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttemptDetailScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.focused is not None and app.focused.id == "recent"  # back where the user was
        await pilot.press("v")
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("p")
        assert isinstance(app.screen, ProgressScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_home_practises_what_is_due(seeded, settings):
    app = build(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        asked = [q.id for q in app.screen.session.plan.questions]
        plan = [item.question_id for item in app.due_plan(3)]
        assert asked == plan


async def test_no_review_keys_on_an_empty_history(settings, isolated_home):
    app = build(settings)
    async with app.run_test() as pilot:
        assert app.screen.check_action("review", ()) is False
        await pilot.press("v")
        assert isinstance(app.screen, HomeScreen)


async def test_export_the_filtered_view_from_the_app(seeded, settings, isolated_home):
    app = build(settings, start="history")
    async with app.run_test(size=(120, 40)) as pilot:
        history = app.screen
        history.query_one("#history-mode", Select).value = "peer"
        await pilot.pause()
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("down", "down", "enter")  # JSON
        await pilot.press("ctrl+s")
        await pilot.pause()
        status = text(history, "#history-status")
    exported = list((isolated_home / "exports").iterdir())
    assert len(exported) == 1 and str(exported[0]) in status
    data = json.loads(exported[0].read_text())
    assert [a["uid"] for a in data["attempts"]] == [f"seed-{PEER}"]
    assert exported[0].name == "interviewcoach-history-filtered-20261127-180000.json"


async def test_export_everything_as_markdown(seeded, settings, isolated_home):
    app = build(settings, start="history")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x", "ctrl+s")
        await pilot.pause()
    (exported,) = (isolated_home / "exports").iterdir()
    assert exported.suffix == ".md" and f"{len(PLAN)} attempts" in exported.read_text()


def test_cli_due_and_review(seeded, capsys):
    code, out, _ = run_cli(capsys, "--bank-dir", str(ui_library_dir()), "due", "--json", "--limit", "3", "--seed", "1")
    assert code == 0
    plan = json.loads(out)
    assert len(plan) == 3 and set(plan[0]) == {"question_id", "text", "due", "reason", "kind"}
    code, out, _ = run_cli(capsys, "review", "--help")
    assert code == 0 and "history screen" in out


def ui_library_dir():
    from fakes import UI_BANK

    return UI_BANK


# --- snapshots ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_history(snap_compare, seeded, settings, size):
    assert snap_compare(build(settings, start="history"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_attempt_detail_peer(snap_compare, seeded, settings, size):
    async def run_before(pilot):
        pilot.app.open_attempt(seeded[PEER])
        await pilot.pause()

    assert snap_compare(build(settings), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_compare(snap_compare, seeded, settings, size):
    async def run_before(pilot):
        pilot.app.open_attempt(seeded[PEER])
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(build(settings), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_progress(snap_compare, seeded, settings, size):
    async def run_before(pilot):
        pilot.app.open_progress()
        await pilot.pause()

    assert snap_compare(build(settings), terminal_size=size, run_before=run_before)


async def test_an_empty_history_opens_and_says_so(settings, isolated_home):
    app = build(settings, start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        history = app.screen
        assert isinstance(history, HistoryScreen) and history.query_one(DataTable).row_count == 0
        assert "0 attempts" in text(history, "#history-status")
        await pilot.press("enter")  # nothing to open
        assert app.screen is history
        await pilot.press("p")
        progress = app.screen
        assert isinstance(progress, ProgressScreen)
        shown = [str(s.render()) for s in progress.query(Static)]
        assert any(line.startswith("No attempts yet") for line in shown)
        assert progress.check_action("drill", (0,)) is False
