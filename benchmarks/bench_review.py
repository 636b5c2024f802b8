"""Print how fast the review screens open on a 100,000-attempt history: the history
screen (as `interviewcoach review` opens it, and again from home) and the progress
screen, each timed until it is ready (its data read and its widgets mounted). Target:
500 ms each. The last line is `slowest screen ready: N ms`.

    python benchmarks/bench_review.py [--attempts N] [--repeat R]

Fills a temporary database as bench_history.py does (about a minute), then drives the
real app headless, with the bundled banks and settings at their defaults.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_history import fill  # noqa: E402

from interviewcoach.banks import load_library  # noqa: E402
from interviewcoach.settings import Settings  # noqa: E402
from interviewcoach.store import open_history  # noqa: E402


async def wait_for(pilot, ready) -> None:
    while not ready():
        await pilot.pause()


async def time_screens(repeat: int) -> dict[str, list[float]]:
    from textual.widgets import DataTable

    from interviewcoach.tui.app import make_app
    from interviewcoach.tui.screens.history import HistoryScreen
    from interviewcoach.tui.screens.home import HomeScreen
    from interviewcoach.tui.screens.progress import ProgressScreen

    library = load_library()
    timings: dict[str, list[float]] = {"history (review start)": [], "history (from home)": [], "progress": []}
    for _ in range(repeat):
        app = make_app(Settings(), library, start="history")
        start = time.perf_counter()
        async with app.run_test(size=(120, 40)) as pilot:

            def history_ready(app=app) -> bool:
                screen = app.screen
                return isinstance(screen, HistoryScreen) and bool(screen.query(DataTable)) and bool(screen.loaded)

            await wait_for(pilot, history_ready)
            timings["history (review start)"].append(time.perf_counter() - start)

            await pilot.press("escape")
            await wait_for(pilot, lambda app=app: isinstance(app.screen, HomeScreen))
            start = time.perf_counter()
            app.open_history()
            await wait_for(pilot, history_ready)
            timings["history (from home)"].append(time.perf_counter() - start)

            start = time.perf_counter()
            app.open_progress()
            await wait_for(pilot, lambda app=app: isinstance(app.screen, ProgressScreen) and app.screen.is_mounted)
            await pilot.pause()
            timings["progress"].append(time.perf_counter() - start)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["INTERVIEWCOACH_HOME"] = home
        started = time.perf_counter()
        with open_history() as store:
            fill(store, args.attempts)
        print(f"filled {args.attempts:,} attempts in {time.perf_counter() - started:.0f} s")
        timings = asyncio.run(time_screens(args.repeat))
        print(f"time until each screen is ready, median of {args.repeat} (target <= 500 ms):")
        medians = {name: statistics.median(values) * 1000 for name, values in timings.items()}
        for name, ms in medians.items():
            print(f"  {name:24} {ms:7.1f} ms")
        print(f"slowest screen ready: {max(medians.values()):.0f} ms")


if __name__ == "__main__":
    main()
