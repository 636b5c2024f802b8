"""Print how long interviewcoach takes to be ready: from process start to the home
screen being on screen (target under 600 ms), and for `--help` and the commands that
need no TUI (target under 150 ms; they never import Textual). Medians of several runs.

    python benchmarks/bench_startup.py [--runs N]

The app is started the way `interviewcoach` starts it (settings, content, history),
headless, and reports the moment its home screen has mounted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = """
import sys, time
from interviewcoach.banks import load_library
from interviewcoach.settings import load_settings
from interviewcoach.tui.app import make_app
from interviewcoach.tui.screens.home import HomeScreen

app = make_app(load_settings(), load_library())

async def report_ready(pilot):
    while not isinstance(pilot.app.screen, HomeScreen):
        await pilot.pause()
    await pilot.pause()
    print(time.time(), flush=True)
    pilot.app.exit()

app.run(headless=True, auto_pilot=report_ready)
"""

COMMANDS = [["--help"], ["history"], ["stats"], ["config"], ["questions"]]


def time_to_home(env: dict[str, str]) -> float:
    start = time.time()
    result = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True)
    return (float(result.stdout.strip().splitlines()[-1]) - start) * 1000


def time_command(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "interviewcoach", *argv],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return (time.perf_counter() - start) * 1000


def textual_loaded(argv: list[str], env: dict[str, str]) -> bool:
    probe = (
        "import sys; from interviewcoach.cli import main\n"
        f"main({argv!r})\n"
        "print(any(m.split('.')[0] == 'textual' for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    return result.stdout.strip().splitlines()[-1] == "True"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "INTERVIEWCOACH_HOME": home}
        time_to_home(env)  # the first run also writes bytecode caches
        home_ms = statistics.median(time_to_home(env) for _ in range(args.runs))
        print(f"process start to home screen ready: {home_ms:6.0f} ms  (median of {args.runs}; target < 600 ms)")
        for argv in COMMANDS:
            ms = statistics.median(time_command(argv, env) for _ in range(args.runs))
            loaded = "imports Textual!" if argv != ["--help"] and textual_loaded(argv, env) else "no Textual"
            print(f"interviewcoach {' '.join(argv):12} {ms:6.0f} ms  ({loaded}; target < 150 ms)")


if __name__ == "__main__":
    main()
