"""`interviewcoach mock` (the app, opened on the mock interview setup) and
`interviewcoach report SESSION` (a mock's report, as Markdown)."""

from __future__ import annotations

import argparse
import sys

from interviewcoach.commands.options import SubParsers, bank_dir_option


def register(commands: SubParsers) -> None:
    parser = commands.add_parser(
        "mock",
        help="a mock interview with a peer",
        description="Start the app on the mock interview setup: one of you interviews from a cockpit "
        "that scores the notes as they are typed, the other answers; then you swap.",
    )
    bank_dir_option(parser)
    parser.set_defaults(run=mock)
    report_parser = commands.add_parser(
        "report",
        help="print a mock interview's report",
        description="Print the report of a mock interview as Markdown: each round's focus, questions, "
        "notes, every cue with the grader's and the interviewer's call, keep/stop/start, the "
        "recommendation, timing and calibration. SESSION is the mock's id (or its first characters), "
        "as `history --mode peer --json` (its `session`) and the report file's name (reports/mock-ID.md) show it.",
    )
    report_parser.add_argument("session", metavar="SESSION")
    report_parser.set_defaults(run=report)


def mock(args: argparse.Namespace) -> int:
    from interviewcoach.commands.app import run_app

    return run_app(args, start="mock")


def report(args: argparse.Namespace) -> int:
    from interviewcoach.mock import render_mock
    from interviewcoach.store import open_history

    uid = args.session.removeprefix("mock-").removesuffix(".md")
    if len(uid) < 4:
        print("interviewcoach report: give at least 4 characters of the mock's id.", file=sys.stderr)
        return 2
    with open_history() as store:
        attempts = store.session_attempts(uid)
    text = render_mock(attempts)
    if not text:
        print(
            f"interviewcoach report: no mock interview {args.session!r}; "
            "`interviewcoach history --mode peer --json` lists mock attempts with their mock's id.",
            file=sys.stderr,
        )
        return 1
    print(text, end="")
    return 0
