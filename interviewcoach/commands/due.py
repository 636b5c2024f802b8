"""`interviewcoach due`: what to practise next, and why (interviewcoach/scheduler.py)."""

from __future__ import annotations

import argparse

from interviewcoach.commands.options import SubParsers


def register(commands: SubParsers) -> None:
    parser = commands.add_parser(
        "due",
        help="what to practise next: questions due again, new ones, your weakest cue",
        description="List the questions to practise next: those due again (a score band sets when a "
        "question comes back), those that exercise your weakest cue, and new ones, each with why. "
        "The same history, day and --seed give the same list.",
    )
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="at most N questions (default 10)")
    parser.add_argument(
        "--seed", type=int, metavar="N", help="order new questions by this seed (default: today's date)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=due)


def due(args: argparse.Namespace) -> int:
    import json
    from datetime import UTC, datetime

    from interviewcoach.banks import load_library
    from interviewcoach.models import Level
    from interviewcoach.scheduler import plan_due
    from interviewcoach.settings import load_settings
    from interviewcoach.store import open_history
    from interviewcoach.store.review import last_attempts

    settings = load_settings()
    library = load_library(args.bank_dirs)
    now = datetime.now(UTC)
    # Stable for a day: running `due` twice gives the same list until the history changes.
    seed = args.seed if args.seed is not None else now.date().toordinal()
    with open_history() as store:
        plan = plan_due(
            library,
            last_attempts(store),
            store.stats().weakest,
            now,
            seed,
            level=Level(settings.last_practice.level),
            limit=max(args.limit, 1),
        )
    if args.json:
        print(json.dumps([item.as_json() for item in plan], indent=2))
        return 0
    if not plan:
        print("Nothing to practise: no question suits your level.")
        return 0
    for item in plan:
        when = "now" if item.due <= now else f"{item.due.astimezone():%d %b}"
        print(f"{item.question_id:34} {when:7} {item.reason}")
        print(f"    {item.text}")
    return 0
