"""`interviewcoach review`: start the app on the history screen."""

from __future__ import annotations

import argparse

from interviewcoach.commands.options import SubParsers


def register(commands: SubParsers) -> None:
    parser = commands.add_parser(
        "review",
        help="open the app on your history: attempts, progress, readiness",
        description="Start the app on the history screen: every past attempt, filtered and sorted; "
        "open one to reread it with its feedback, compare attempts, see your progress (p).",
    )
    parser.set_defaults(run=review)


def review(args: argparse.Namespace) -> int:
    from interviewcoach.commands.app import run_app

    return run_app(args, start="history")
