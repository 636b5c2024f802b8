"""The command line: `interviewcoach` starts the app; subcommands work without it.

Imports stay inside the command functions: `--help` and the non-TUI commands must start
fast and never import Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from interviewcoach import __version__
from interviewcoach.enums import Category, Level, Stage, choices

CATEGORIES = choices(Category)
LEVELS = choices(Level)
STAGES = choices(Stage)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
"""Bad arguments, and content or settings files with problems."""


def _bank_dir_option(parser: argparse.ArgumentParser, dest: str) -> None:
    parser.add_argument(
        "--bank-dir",
        dest=dest,
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="also load question banks and rubrics (*.toml) from DIR; repeatable",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interviewcoach",
        description="Practise product-manager interviews in the terminal. "
        "With no command, starts the app.",
        epilog="Your data folder is $INTERVIEWCOACH_HOME if set, else the platform's "
        "user data folder; `interviewcoach config` shows where.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _bank_dir_option(parser, "bank_dirs_before")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    questions = commands.add_parser(
        "questions",
        help="list the questions you can practise",
        description="List questions, optionally filtered. Filters combine.",
    )
    questions.add_argument("--category", choices=CATEGORIES, help="only this category")
    questions.add_argument("--level", choices=LEVELS, help="only questions that suit this level")
    questions.add_argument(
        "--stage", choices=STAGES, help="only questions written for this company stage"
    )
    questions.add_argument("--tag", help="only questions with this tag")
    questions.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _bank_dir_option(questions, "bank_dirs")

    validate = commands.add_parser(
        "validate",
        help="check question-bank and rubric files",
        description="Check question-bank and rubric TOML files and print every problem "
        "found as path:line: message. With no PATH, checks everything the app loads: "
        "the bundled content, your own banks folder and any --bank-dir. "
        "Exits 0 when all is well, 2 when anything is wrong.",
    )
    validate.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="a TOML file or a folder of them"
    )
    _bank_dir_option(validate, "bank_dirs")

    grade = commands.add_parser(
        "grade",
        help="grade an answer from a file or standard input",
        description="Grade one answer against a rubric (or a question's rubric and its own "
        "phrases), or many with --batch. Prints the score, each cue with the words that "
        "earned it, and tips for what was missed.",
        epilog="--batch reads JSON lines {\"id\": ..., \"rubric\": ID or \"question\": QID, "
        "\"answer\": \"...\"} and writes one JSON line per input, in order; a bad line "
        "gets {\"id\": ..., \"error\": \"...\"} and exit code 1.",
    )
    grade.add_argument(
        "file", nargs="?", default="-", metavar="FILE",
        help="the answer as a text file, or - for standard input (the default)",
    )
    target = grade.add_mutually_exclusive_group()
    target.add_argument("--rubric", metavar="ID", help="grade with this rubric")
    target.add_argument(
        "--question", metavar="QID", help="grade as an answer to this question (uses its rubric)"
    )
    grade.add_argument("--level", choices=LEVELS, help="weigh cues for this level")
    grade.add_argument("--json", action="store_true", help="print the full result as JSON")
    grade.add_argument("--save", action="store_true", help="also keep the graded answer in your history")
    grade.add_argument(
        "--batch", metavar="FILE.jsonl", type=Path,
        help="grade every JSON line of FILE (- for standard input); see below",
    )
    _bank_dir_option(grade, "bank_dirs")

    history = commands.add_parser(
        "history",
        help="list your past attempts, newest first",
        description="List your past attempts, newest first, or show one in full.",
    )
    history.add_argument("--since", type=_date, metavar="DATE", help="only attempts on or after DATE (YYYY-MM-DD)")
    history.add_argument("--category", choices=CATEGORIES, help="only this category")
    history.add_argument("--question", metavar="ID", help="only attempts at this question")
    history.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N rows (default 20)")
    history.add_argument("--json", action="store_true", help="print JSON instead of a table")
    history_commands = history.add_subparsers(dest="history_command", metavar="ACTION")
    history_show = history_commands.add_parser(
        "show", help="one attempt in full", description="Show one attempt in full: the grade "
        "with its evidence, the answer, probes and any interviewer notes.")
    history_show.add_argument("attempt_id", type=int, metavar="ATTEMPT_ID")
    history_drafts = history_commands.add_parser(
        "drafts", help="answers you were typing when the app stopped",
        description="Print the drafts autosaved while you typed that were never submitted "
        "(the app was closed or killed mid-answer), newest first.")
    history_drafts.add_argument("--json", action="store_true", help="print JSON")
    history_repair = history_commands.add_parser(
        "repair", help="move a damaged history aside and start a new one",
        description="If your history file is damaged or not a database, rename it to a "
        "timestamped backup beside it (nothing is deleted) and start a new history.")
    history_repair.add_argument("--yes", action="store_true", help="do not ask first")

    stats = commands.add_parser(
        "stats", help="your progress: average score, trend, hit rate per cue",
        description="Attempts, average score, the trend (last 10 against the previous 10), "
        "the hit rate of every cue and your weakest cues.")
    stats.add_argument("--json", action="store_true", help="print JSON")

    export = commands.add_parser(
        "export", help="write your history as JSON, CSV or Markdown",
        description="Write your whole history. JSON keeps everything and `import` reads it back.")
    export.add_argument("--format", choices=["json", "csv", "md"], default="json")
    export.add_argument("--output", type=Path, metavar="FILE", help="write to FILE (default: standard output)")

    import_ = commands.add_parser(
        "import", help="add attempts from a JSON export",
        description="Add the attempts of a JSON export to your history. Importing the same "
        "file twice adds nothing twice.")
    import_.add_argument("file", type=Path, metavar="FILE.json")

    config = commands.add_parser(
        "config",
        help="show or change your settings",
        description="Show your settings and where they are kept, or change one.",
    )
    config.add_argument("--json", action="store_true", help="print JSON instead of TOML")
    config_commands = config.add_subparsers(dest="config_command", metavar="ACTION")
    config_set = config_commands.add_parser(
        "set",
        help="change one setting",
        description="Change one setting, e.g. `interviewcoach config set probes 3` or "
        "`interviewcoach config set last_practice.level senior-pm`.",
    )
    config_set.add_argument("key", help="the setting's name, dotted for nested ones")
    config_set.add_argument("value", help="its new value")
    return parser


def _date(text: str):
    from datetime import datetime

    try:
        return datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-11-27, got {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1, got {text!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.bank_dirs = [*args.bank_dirs_before, *getattr(args, "bank_dirs", [])]
    from interviewcoach.problems import ProblemsFound
    from interviewcoach.store.errors import HistoryError

    try:
        return _run(args)
    except ProblemsFound as problems:
        print(problems, file=sys.stderr)
        return EXIT_USAGE
    except HistoryError as error:
        print(f"interviewcoach: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `interviewcoach questions | head` closed the pipe; that is not an error.
        sys.stderr.close()
        return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    if args.command == "questions":
        from interviewcoach.commands.questions import list_questions

        return list_questions(args)
    if args.command == "validate":
        from interviewcoach.commands.validate import validate

        return validate(args)
    if args.command == "grade":
        from interviewcoach.commands.grade import grade

        return grade(args)
    if args.command == "history":
        from interviewcoach.commands.history import history

        return history(args)
    if args.command == "stats":
        from interviewcoach.commands.history import stats

        return stats(args)
    if args.command == "export":
        from interviewcoach.commands.transfer import export

        return export(args)
    if args.command == "import":
        from interviewcoach.commands.transfer import import_

        return import_(args)
    if args.command == "config":
        from interviewcoach.commands.config import config

        return config(args)
    from interviewcoach.commands.app import run_app

    return run_app(args)
