"""`interviewcoach questions`: list the questions, as a table or JSON."""

from __future__ import annotations

import argparse
from typing import Any

from interviewcoach.commands.options import SubParsers, bank_dir_option
from interviewcoach.durations import short_text
from interviewcoach.enums import Category, Level, Stage, choices


def register(commands: SubParsers) -> None:
    parser = commands.add_parser(
        "questions",
        help="list the questions you can practise",
        description="List questions, optionally filtered. Filters combine.",
    )
    parser.add_argument("--category", choices=choices(Category), help="only this category")
    parser.add_argument("--level", choices=choices(Level), help="only questions that suit this level")
    parser.add_argument("--stage", choices=choices(Stage), help="only questions written for this company stage")
    parser.add_argument("--tag", help="only questions with this tag")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    bank_dir_option(parser)
    parser.set_defaults(run=list_questions)


def list_questions(args: argparse.Namespace) -> int:
    import json
    import shutil

    from interviewcoach.banks import load_library

    # As JSON data: from the content cache this needs neither pydantic nor the models.
    found = [
        question
        for question in load_library(args.bank_dirs).question_data()
        if (not args.category or question["category"] == args.category)
        and (not args.level or args.level in question["levels"])
        and (not args.stage or question["stage"] == args.stage)
        and (not args.tag or args.tag in question["tags"])
    ]
    if args.json:
        print(json.dumps(found, indent=2, ensure_ascii=False))
        return 0
    if not found:
        print("No questions match those filters. `interviewcoach questions` lists them all.")
        return 0
    width = shutil.get_terminal_size(fallback=(100, 24)).columns
    print(render_table(found, width))
    return 0


def level_span(levels: list[str]) -> str:
    """`apm-pm` for a run of neighbouring levels, else a comma list."""
    ladder = list(Level)
    positions = sorted(ladder.index(Level(level)) for level in levels)
    if len(positions) > 1 and positions == list(range(positions[0], positions[-1] + 1)):
        return f"{ladder[positions[0]]}..{ladder[positions[-1]]}"
    return ",".join(ladder[p] for p in positions)


def render_table(questions: list[dict[str, Any]], width: int) -> str:
    import textwrap

    """Questions grouped under their category, one line of facts each with the prompt
    wrapped beneath: prompts are long, and a one-line row would cut them short at 80
    columns."""
    header = ("ID", "LEVELS", "STAGE", "TIME")
    rows = {q["id"]: (q["id"], level_span(q["levels"]), q["stage"], short_text(q["time_limit_s"])) for q in questions}
    widths = [max(len(row[i]) for row in [header, *rows.values()]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()

    lines = [line(header)]
    for category in Category:
        members = [q for q in questions if q["category"] == category]
        if not members:
            continue
        lines.append(f"\n{category} ({len(members)})")
        for question in members:
            lines.append(line(rows[question["id"]]))
            lines.extend(
                textwrap.wrap(
                    " ".join(question["prompt"].split()),
                    width=max(40, width - 1),
                    initial_indent="    ",
                    subsequent_indent="    ",
                )
            )
    noun = "question" if len(questions) == 1 else "questions"
    lines.append(f"\n{len(questions)} {noun}")
    return "\n".join(lines)
