"""What the command modules share when they register their subcommands."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    SubParsers = argparse._SubParsersAction


def bank_dir_option(parser: argparse.ArgumentParser, dest: str = "bank_dirs") -> None:
    parser.add_argument(
        "--bank-dir",
        dest=dest,
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="also load question banks and rubrics (*.toml) from DIR; repeatable",
    )


def output_options(parser: argparse.ArgumentParser) -> None:
    """`--output FILE` and `--force`, for a command that writes a file it is named."""
    parser.add_argument("--output", type=Path, metavar="FILE", help="write to FILE (default: standard output)")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it already exists")


def write_output_file(path: Path, text: str, force: bool) -> bool:
    """Write `--output`; on failure say why on standard error as
    `interviewcoach: cannot write PATH: reason` and return False (the command exits 1)."""
    import sys

    from interviewcoach.files import CannotWrite, write_output

    try:
        write_output(path, text, overwrite=force)
    except CannotWrite as error:
        hint = " (--force overwrites it)" if error.reason == "it already exists" else ""
        print(f"interviewcoach: {error}{hint}", file=sys.stderr)
        return False
    return True
