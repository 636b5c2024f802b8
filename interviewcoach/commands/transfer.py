"""`interviewcoach export` and `import`: the history as JSON (lossless), CSV or Markdown."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from interviewcoach.commands.options import SubParsers, output_options, write_output_file

if TYPE_CHECKING:
    pass


def register(commands: SubParsers) -> None:
    export_parser = commands.add_parser(
        "export",
        help="write your history as JSON, CSV or Markdown",
        description="Write your whole history. JSON keeps everything and `import` reads it back.",
    )
    export_parser.add_argument("--format", choices=["json", "csv", "md"], default="json")
    output_options(export_parser)
    export_parser.set_defaults(run=export)
    import_parser = commands.add_parser(
        "import",
        help="add attempts from a JSON export",
        description="Add the attempts of a JSON export to your history. Importing the same "
        "file twice adds nothing twice.",
    )
    import_parser.add_argument("file", type=Path, metavar="FILE.json")
    import_parser.set_defaults(run=import_)


def export(args: argparse.Namespace) -> int:
    from interviewcoach.export_formats import to_csv, to_markdown
    from interviewcoach.store import open_history

    with open_history() as store:
        data = store.export()
    text = {
        "json": lambda: data.model_dump_json(indent=2),
        "csv": lambda: to_csv(data),
        "md": lambda: to_markdown(data),
    }[args.format]()
    if args.output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    if not write_output_file(args.output, text, args.force):
        return 1
    print(f"Exported {len(data.attempts)} attempts to {args.output}.", file=sys.stderr)
    return 0


def import_(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from interviewcoach.store import ExportFile, open_history

    path: Path = args.file
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"interviewcoach import: cannot read {path}: {error}", file=sys.stderr)
        return 2
    try:
        data = ExportFile.model_validate_json(text)
    except ValidationError as error:
        problems = "\n".join(
            f"  {'.'.join(str(p) for p in e['loc']) or 'file'}: {e['msg']}"
            for e in error.errors(include_url=False)[:10]
        )
        print(f"interviewcoach import: {path} is not an interviewcoach export:\n{problems}", file=sys.stderr)
        return 2
    with open_history() as store:
        added, present = store.import_file(data)
    print(
        f"Imported {added} attempts from {path}" + (f" ({present} were already in your history)." if present else ".")
    )
    return 0
