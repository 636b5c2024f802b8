"""Print how fast the history is with 100,000 attempts: `history --limit 50`, `stats`,
and one insert. Targets: history and stats under 150 ms each, an insert under 5 ms.

    python benchmarks/bench_history.py [--attempts N]

Fills a temporary database (a few hundred MB; about a minute), times the store's own
queries in-process (the figures the targets are about), then the whole commands as a
user runs them, process start included, for reference.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from interviewcoach.banks import load_library
from interviewcoach.grading import grade_answer
from interviewcoach.store import AttemptRecord, SessionRecord, open_history

ANSWERS = [
    "Blind shoppers depend on store staff to read labels, and they told us they hate it. I'd focus "
    "on fully blind people who shop alone. We'd pilot it with 200 users in Leeds and track the "
    "share of trips completed without help, with misread labels as a guardrail.",
    "At my last company, a fintech in 2022, I owned onboarding. I interviewed twelve customers who "
    "had dropped out, rewrote the identity check and ran it against the old flow for two weeks. "
    "Completion rose from 41% to 63%.",
    "I would add AI to the calendar, dark mode and better integrations. It would be nice.",
]


def median_ms(action, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def fill(store, count: int) -> None:
    library = load_library()
    questions = list(library.questions.values())
    graded = []
    for question in questions:
        rubric = library.rubrics[question.rubric]
        for answer in ANSWERS:
            graded.append((question, rubric, answer, grade_answer(answer, rubric, question)))
    start = datetime.now(UTC) - timedelta(minutes=count)
    session = store.start_session(SessionRecord(setup={"source": "benchmark"}))
    batch = []
    for number in range(count):
        question, rubric, answer, result = graded[number % len(graded)]
        batch.append(
            AttemptRecord(
                session_uid=session.uid,
                created_at=start + timedelta(minutes=number),
                question_id=question.id,
                question_text=question.prompt,
                category=str(question.category),
                level="pm",
                rubric_id=rubric.id,
                rubric_version=rubric.version,
                answer=answer,
                result=result,
                time_taken_s=120.0,
                time_limit_s=question.time_limit_s,
            )
        )
        if len(batch) == 2000:
            store.save_attempts(batch)
            batch = []
    store.save_attempts(batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["INTERVIEWCOACH_HOME"] = home
        started = time.perf_counter()
        with open_history() as store:
            fill(store, args.attempts)
        size = Path(home, "history.db").stat().st_size / 1e6
        print(f"filled {args.attempts:,} attempts in {time.perf_counter() - started:.0f} s ({size:.0f} MB)")

        with open_history() as store:
            store.list_attempts(limit=50)  # warm the page cache as a running app would have
            history_ms = median_ms(lambda: store.list_attempts(limit=50), 20)
            filtered_ms = median_ms(lambda: store.list_attempts(limit=50, category="behavioural"), 20)
            stats_ms = median_ms(store.stats, 20)
            library = load_library()
            question = library.questions["pd-grocery-blind-shoppers"]
            rubric = library.rubrics[question.rubric]
            result = grade_answer(ANSWERS[0], rubric, question)
            insert_ms = median_ms(
                lambda: store.save_attempt(
                    AttemptRecord(
                        question_id=question.id,
                        question_text=question.prompt,
                        rubric_id=rubric.id,
                        rubric_version=rubric.version,
                        answer=ANSWERS[0],
                        result=result,
                    )
                ),
                20,
            )
        print("in-process, median of 20 (targets: history and stats < 150 ms, insert < 5 ms):")
        print(f"  history --limit 50                     {history_ms:7.2f} ms")
        print(f"  history --limit 50 --category ...      {filtered_ms:7.2f} ms")
        print(f"  stats                                  {stats_ms:7.2f} ms")
        print(f"  one insert (a committed transaction)   {insert_ms:7.2f} ms")

        print("whole commands, process start included, median of 5:")
        for argv in (["history", "--limit", "50"], ["stats"]):
            ms = median_ms(
                lambda argv=argv: subprocess.run(
                    [sys.executable, "-m", "interviewcoach", *argv],
                    check=True,
                    stdout=subprocess.DEVNULL,
                    env=dict(os.environ),
                ),
                5,
            )
            print(f"  interviewcoach {' '.join(argv):24} {ms:7.1f} ms")


if __name__ == "__main__":
    main()
