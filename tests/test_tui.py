"""The app shell: it starts on the home screen, respects settings and quits cleanly."""

from textual.widgets import Static

from interviewcoach.settings import Settings
from interviewcoach.tui.app import make_app
from interviewcoach.tui.screens.home import HomeScreen


async def test_home_screen_shows_what_is_loaded(settings, library):
    app = make_app(settings, library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        counts = str(app.screen.query_one("#home-counts", Static).render())
        assert f"{len(library.questions)} questions and {len(library.rubrics)} rubrics" in counts
        assert "12 product-design" in counts
        await pilot.press("q")
    assert app.return_code == 0


async def test_theme_and_name_come_from_settings(library):
    app = make_app(Settings(theme="nord", name="Ada"), library)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        assert "Welcome back, Ada." in str(app.screen.query_one("#home-title", Static).render())


async def test_unknown_theme_falls_back_with_a_warning(library):
    app = make_app(Settings(theme="no-such-theme"), library)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert any("Unknown theme 'no-such-theme'" in str(n.message) for n in app._notifications)


def test_home_screen_snapshot(snap_compare, settings, library):
    assert snap_compare(make_app(settings, library), terminal_size=(80, 24))
