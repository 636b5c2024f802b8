"""Print how fast the review screens open on a 100,000-attempt history: the history
screen (as `interviewcoach review` opens it, and again from home) and the progress
screen, each timed until it is ready (its data read and its widgets mounted). Target:
500 ms each. For reference, it also times the history's filters (the query and the first
page) in-process. The last line is `slowest screen ready: N ms`.

    python benchmarks/bench_review.py [--attempts N] [--repeat R]

Fills a temporary database as bench_history.py does (about a minute), then drives the
real app headless in a new process, as a user starting `interviewcoach review` would,
with the bundled banks and settings at their defaults.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
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


def time_filters(repeat: int) -> dict[str, float]:
    from interviewcoach.store.review import HistoryFilter, count_attempts, page_attempts

    cases = {
        "text (fuzzy)": HistoryFilter(text="grocery blnd"),
        "category": HistoryFilter(category="behavioural"),
        "missed cue": HistoryFilter(missed_cue="metrics"),
        "date range": HistoryFilter(since=date.today() - timedelta(days=10), until=date.today()),
        "sorted by score": HistoryFilter(sort="score"),
    }
    medians = {}
    with open_history() as store:
        for name, wanted in cases.items():
            timings = []
            for _ in range(repeat):
                start = time.perf_counter()
                count_attempts(store, wanted)
                page_attempts(store, wanted, limit=60)
                timings.append(time.perf_counter() - start)
            medians[name] = statistics.median(timings) * 1000
    return medians


def measure(repeat: int) -> None:
    timings = asyncio.run(time_screens(repeat))
    filters = time_filters(repeat)
    print(f"time until each screen is ready, median of {repeat} (target <= 500 ms):")
    medians = {name: statistics.median(values) * 1000 for name, values in timings.items()}
    for name, ms in medians.items():
        print(f"  {name:24} {ms:7.1f} ms")
    print(f"history filters, count and first page, median of {repeat}:")
    for name, ms in filters.items():
        print(f"  {name:24} {ms:7.1f} ms")
    print(f"slowest screen ready: {max(medians.values()):.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:  # the child process, on the filled history
        measure(args.repeat)
        return
    with tempfile.TemporaryDirectory() as home:
        os.environ["INTERVIEWCOACH_HOME"] = home
        started = time.perf_counter()
        with open_history() as store:
            fill(store, args.attempts)
        print(f"filled {args.attempts:,} attempts in {time.perf_counter() - started:.0f} s", flush=True)
        # A new process: the filling process's memory and caches are not the app's.
        subprocess.run(
            [sys.executable, __file__, "--measure-only", "--repeat", str(args.repeat)], check=True, env=dict(os.environ)
        )


if __name__ == "__main__":
    main()
