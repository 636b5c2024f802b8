"""The command line: `interviewcoach` starts the app; subcommands work without it.

Each command module registers its own subcommands; imports stay inside the command
functions, so `--help` and the non-TUI commands start fast and never import Textual.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from interviewcoach import __version__
from interviewcoach.commands.options import bank_dir_option

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
"""Bad arguments, and content or settings files with problems."""

COMMAND_MODULES = (
    "questions",
    "validate",
    "grade",
    "history",
    "transfer",
    "config",
    "review",
    "due",
    "mock",
    "stories",
)
"""interviewcoach.commands modules; each registers its own subcommands (`register`)
and keeps its heavy imports inside the functions that run them."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interviewcoach",
        description="Practise product-manager interviews in the terminal. With no command, starts the app.",
        epilog="Your data folder is $INTERVIEWCOACH_HOME if set, else the platform's "
        "user data folder; `interviewcoach config` shows where.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    bank_dir_option(parser, "bank_dirs_before")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"interviewcoach.commands.{name}").register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv:
        args = build_parser().parse_args(argv)
        args.bank_dirs = [*args.bank_dirs_before, *getattr(args, "bank_dirs", [])]
    else:
        # `interviewcoach` alone, as it is started many times a day: the app, without
        # importing every command module to build a parser there is nothing to parse for.
        args = argparse.Namespace(command=None, bank_dirs_before=[], bank_dirs=[])
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `interviewcoach questions | head` closed the pipe; that is not an error.
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:
        # Imported only now: the store package would cost every command its import.
        from interviewcoach.problems import ProblemsFound
        from interviewcoach.store.errors import HistoryError

        if isinstance(error, ProblemsFound):
            print(error, file=sys.stderr)
            return EXIT_USAGE
        if isinstance(error, HistoryError):
            print(f"interviewcoach: {error}", file=sys.stderr)
            return EXIT_FAILURE
        raise


def _run(args: argparse.Namespace) -> int:
    run = getattr(args, "run", None)
    if run is not None:
        return int(run(args))
    from interviewcoach.commands.app import run_app

    return run_app(args)
