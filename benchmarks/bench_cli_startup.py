"""Print how long the command line takes to answer, from process start to exit.

`--help` must not pay for pydantic or Textual; `validate` loads and checks every bundled
file, while `questions` and `config` read them from the content cache once a first run
has written it. bench_startup.py has the targets, as ratios to yardsticks. Median of several runs, each a fresh process.

    python benchmarks/bench_cli_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

COMMANDS = [
    ["--help"],
    ["questions"],
    ["questions", "--json"],
    ["validate"],
    ["config"],
    ["history"],
    ["stats"],
]


def time_command(argv: list[str], runs: int, env: dict[str, str]) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "interviewcoach", *argv],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "INTERVIEWCOACH_HOME": home}
        baseline = time_command(["--version"], args.runs, env)
        print(f"{'python -m interviewcoach --version':45} {baseline:7.1f} ms  (median of {args.runs})")
        for argv in COMMANDS:
            label = "python -m interviewcoach " + " ".join(argv)
            print(f"{label:45} {time_command(argv, args.runs, env):7.1f} ms")


if __name__ == "__main__":
    main()
