"""`interviewcoach export` and `import`: the history as JSON (lossless), CSV or Markdown."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from interviewcoach.commands.options import SubParsers

if TYPE_CHECKING:
    from interviewcoach.store import ExportFile


def register(commands: SubParsers) -> None:
    export_parser = commands.add_parser(
        "export",
        help="write your history as JSON, CSV or Markdown",
        description="Write your whole history. JSON keeps everything and `import` reads it back.",
    )
    export_parser.add_argument("--format", choices=["json", "csv", "md"], default="json")
    export_parser.add_argument("--output", type=Path, metavar="FILE", help="write to FILE (default: standard output)")
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
    from interviewcoach.files import write_atomically
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
    write_atomically(args.output, text)
    print(f"Exported {len(data.attempts)} attempts to {args.output}.", file=sys.stderr)
    return 0


CSV_COLUMNS = [
    "uid",
    "created_at",
    "session_uid",
    "question_id",
    "question_text",
    "category",
    "level",
    "rubric_id",
    "rubric_version",
    "score",
    "verdict",
    "hits",
    "misses",
    "time_taken_s",
    "time_limit_s",
    "answer",
    "recovered",
    "answer_score",
]
"""score, verdict, hits, misses and recovered are the final grade's; answer_score is the
answer's own, before replies to probes. New columns go at the end."""


def to_csv(data: ExportFile) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for a in data.attempts:
        final = a.final
        writer.writerow(
            [
                a.uid,
                a.created_at.isoformat(),
                a.session_uid or "",
                a.question_id or "",
                a.question_text,
                a.category or "",
                a.level or "",
                a.rubric_id,
                a.rubric_version,
                final.score,
                final.verdict,
                " ".join(final.hits),
                " ".join(final.misses),
                "" if a.time_taken_s is None else a.time_taken_s,
                "" if a.time_limit_s is None else a.time_limit_s,
                a.answer,
                " ".join(final.recovered),
                final.result.score,
            ]
        )
    return out.getvalue()


def to_markdown(data: ExportFile) -> str:
    lines = [
        "# interviewcoach history",
        "",
        f"{len(data.attempts)} attempts, exported {data.exported_at.astimezone():%Y-%m-%d %H:%M}.",
        "",
    ]
    for a in reversed(data.attempts):
        final = a.final
        lines.append(
            f"## {a.created_at.astimezone():%Y-%m-%d %H:%M} — "
            f"{a.question_id or a.rubric_id + ' rubric'}: {final.headline()}"
        )
        lines.append("")
        if a.question_text:
            lines += [f"> {a.question_text}", ""]
        hits = [f"{cue} ↺" if cue in final.recovered else cue for cue in final.hits]
        lines.append(f"Hit: {', '.join(hits) or 'none'}. Missed: {', '.join(final.misses) or 'none'}.")
        if final.recovered:
            lines.append(f"↺ shown only when asked: {', '.join(final.recovered)}.")
        lines += ["", a.answer.strip(), ""]
        for exchange in a.probes:
            lines += [f"**Probe:** {exchange.probe}", "", exchange.answer.strip(), ""]
    return "\n".join(lines)


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
