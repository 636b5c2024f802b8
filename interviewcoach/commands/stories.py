"""`interviewcoach stories`: your story bank from the command line: the stories with
their grade and themes, the coverage of the themes interviewers ask, and a prep sheet."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from interviewcoach.commands.options import SubParsers, bank_dir_option, output_options, write_output_file

if TYPE_CHECKING:
    from interviewcoach.stories.bank import StoryBank
    from interviewcoach.stories.coverage import Coverage

GAP = 2
"""Spaces between the columns of a table."""


def register(commands: SubParsers) -> None:
    parser = commands.add_parser(
        "stories",
        help="your prepared stories for behavioural rounds: grades, themes, coverage",
        description="List the stories in your data folder's stories/ with their grade and "
        "themes. Exits 2 when a story file has problems (each printed as path:line: what), "
        "after listing the stories that loaded.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    bank_dir_option(parser)
    parser.set_defaults(run=list_stories)
    sub = parser.add_subparsers(dest="stories_command", metavar="COMMAND")
    coverage = sub.add_parser(
        "coverage",
        help="which stories answer which theme, and the themes with no story",
        description="The matrix of themes (from the behavioural questions' tags) by stories, "
        "each cell the story's verdict; names the themes with no story or only a weak one, "
        "and stories told so often they would repeat across a loop.",
    )
    coverage.add_argument("--json", action="store_true", help="print JSON instead of a table")
    bank_dir_option(coverage)
    coverage.set_defaults(run=show_coverage)
    export = sub.add_parser(
        "export",
        help="a one-page prep sheet of your stories",
        description="Write every story in STAR form with its themes and grade, to reread before an interview.",
    )
    export.add_argument("format", choices=["md"], help="md: Markdown")
    output_options(export)
    bank_dir_option(export)
    export.set_defaults(run=export_stories)


def _bank(args: argparse.Namespace) -> tuple[StoryBank, int]:
    """The story bank, graded; problems with story files go to standard error, and the
    exit code says whether there were any."""
    from interviewcoach.banks import load_library
    from interviewcoach.store import HistoryError, open_history
    from interviewcoach.store.stories import recent_story_picks, story_uses
    from interviewcoach.stories.bank import load_story_bank
    from interviewcoach.stories.coverage import RECENT_PICKS

    library = load_library(args.bank_dirs)
    uses: dict[str, list[int]] = {}
    recent: list[str] = []
    try:
        with open_history() as store:
            uses, recent = story_uses(store), recent_story_picks(store, RECENT_PICKS)
    except HistoryError as error:
        print(f"interviewcoach: how often each story was told is unknown: {error}", file=sys.stderr)
    bank = load_story_bank(library, uses, recent)
    for problem in bank.shelf.problems:
        print(problem, file=sys.stderr)
    return bank, 2 if bank.shelf.problems else 0


def list_stories(args: argparse.Namespace) -> int:
    import json

    from interviewcoach.stories.themes import unasked_themes

    bank, code = _bank(args)
    asked = [theme.tag for theme in bank.themes]
    rows: list[dict[str, Any]] = [
        {
            "id": saved.id,
            "title": saved.story.title,
            "where": saved.story.where,
            "when": saved.story.when,
            "themes": list(saved.story.themes),
            "score": bank.grades[saved.id].score if saved.id in bank.grades else None,
            "verdict": bank.grades[saved.id].verdict if saved.id in bank.grades else None,
            "stronger": list(bank.grades[saved.id].tips) if saved.id in bank.grades else [],
            "used": bank.times_used(saved),
            "unasked": unasked_themes(saved.story.themes, asked),
        }
        for saved in bank.stories
    ]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return code
    if not rows:
        print(
            "No stories yet. Add them in the app (`t` on the home screen) or as TOML files in your data folder's stories/."
        )
        return code
    from interviewcoach.stories.grade import VERDICT_WIDTH

    width = max(len(row["id"]) for row in rows) + GAP
    grade_width = len("100 ()") + VERDICT_WIDTH + GAP
    print(f"{'ID':<{width}}{'GRADE':<{grade_width}}THEMES")
    for row in rows:
        grade = f"{row['score']} ({row['verdict']})" if row["score"] is not None else "-"
        print(f"{row['id']:<{width}}{grade:<{grade_width}}{', '.join(row['themes']) or '(no theme yet)'}")
        detail = [row["title"], ", ".join(part for part in (row["where"], row["when"]) if part)]
        used = row["used"]
        detail.append(f"told in {used} attempt{'s' if used != 1 else ''}" if used else "not told in practice yet")
        print("    " + " · ".join(part for part in detail if part))
        if row["unasked"]:
            print(f"    themes no question asks: {', '.join(row['unasked'])}")
    return code


def coverage_data(coverage: Coverage) -> dict[str, Any]:
    return {
        "stories": [{"id": saved.id, "title": saved.story.title} for saved in coverage.stories],
        "themes": [
            {
                "theme": row.theme.tag,
                "questions": len(row.theme.questions),
                "status": row.status,
                "stories": [{"id": c.story_id, "verdict": c.verdict, "score": c.score} for c in row.cells],
            }
            for row in coverage.rows
        ],
        "uncovered": [row.theme.tag for row in coverage.uncovered],
        "weak": [row.theme.tag for row in coverage.weak],
        "unasked": list(coverage.unasked),
        "overused": [{"id": o.story_id, "title": o.title, "picks": o.picks, "of": o.of} for o in coverage.overused],
    }


def render_coverage(coverage: Coverage) -> str:
    """The matrix as text: a row per theme, a column per story (numbered, named below)."""
    from interviewcoach.stories.grade import VERDICT_WIDTH

    cell_width = VERDICT_WIDTH + GAP
    width = max([len("THEME"), *(len(row.theme.tag) for row in coverage.rows)]) + GAP
    numbers = "".join(f"{f'[{n}]':<{cell_width}}" for n in range(1, len(coverage.stories) + 1))
    lines = [f"{'THEME':<{width}}{numbers}".rstrip()]
    for row in coverage.rows:
        cells = []
        for saved in coverage.stories:
            cell = row.cell(saved.id)
            cells.append(f"{cell.verdict if cell else '·':<{cell_width}}")
        flag = {"none": "  ✗ no story", "weak": "  ! weak only", "covered": ""}[row.status]
        lines.append(f"{row.theme.tag:<{width}}{''.join(cells)}{flag}".rstrip())
    lines.append("")
    lines.extend(f"[{n}] {saved.story.title}" for n, saved in enumerate(coverage.stories, start=1))
    if not coverage.stories:
        lines.append("No stories yet: every theme is uncovered.")
    uncovered = coverage.uncovered
    lines.append("")
    lines.append(
        f"Themes with no story ({len(uncovered)}): {', '.join(row.theme.tag for row in uncovered)}"
        if uncovered
        else "Every theme has a story."
    )
    if coverage.weak:
        lines.append(f"Themes with only a weak story: {', '.join(row.theme.tag for row in coverage.weak)}")
    if coverage.unasked:
        lines.append(f"Your themes no question asks: {', '.join(coverage.unasked)}")
    for over in coverage.overused:
        lines.append(f"Overused: '{over.title}' told in {over.picks} of your last {over.of} story answers.")
    return "\n".join(lines)


def show_coverage(args: argparse.Namespace) -> int:
    import json

    bank, code = _bank(args)
    coverage = bank.coverage()
    if args.json:
        print(json.dumps(coverage_data(coverage), indent=2, ensure_ascii=False))
    else:
        print(render_coverage(coverage))
    return code


def export_stories(args: argparse.Namespace) -> int:
    from interviewcoach.stories.prep_sheet import prep_sheet

    bank, code = _bank(args)
    text = prep_sheet(bank.stories, bank.grades)
    if args.output is None:
        sys.stdout.write(text)
        return code
    if not write_output_file(args.output, text, args.force):
        return 1
    count = len(bank.stories)
    print(f"Wrote {count} stor{'y' if count == 1 else 'ies'} to {args.output}.", file=sys.stderr)
    return code
