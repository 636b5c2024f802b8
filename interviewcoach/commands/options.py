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
