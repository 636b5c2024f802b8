"""`interviewcoach validate`: check bank and rubric files, reporting every problem."""

from __future__ import annotations

import argparse
from pathlib import Path

from interviewcoach.commands.options import SubParsers, bank_dir_option


def register(commands: SubParsers) -> None:
    parser = commands.add_parser(
        "validate",
        help="check question-bank and rubric files",
        description="Check question-bank and rubric TOML files and print every problem "
        "found as path:line: message. With no PATH, checks everything the app loads: "
        "the bundled content, your own banks folder, your stories and any --bank-dir. "
        "Exits 0 when all is well, 2 when anything is wrong.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="a TOML file or a folder of them")
    bank_dir_option(parser)
    parser.set_defaults(run=validate)


def validate(args: argparse.Namespace) -> int:
    from interviewcoach.banks import build_library, default_roots, load_files, validate_paths
    from interviewcoach.problems import display_path

    notes: list[str] = []
    if args.paths:
        library, problems = validate_paths(args.paths, args.bank_dirs)
    else:
        files, problems = load_files(default_roots(args.bank_dirs))
        library, found = build_library(files)
        problems += found
        from interviewcoach.stories.shelf import read_stories
        from interviewcoach.stories.themes import story_themes, unasked_themes

        shelf = read_stories()
        problems += shelf.problems
        asked = [theme.tag for theme in story_themes(library)]
        # Not a problem (a theme of your own is allowed), but often a typo: said, not counted.
        for saved in shelf.stories:
            unasked = unasked_themes(saved.story.themes, asked)
            if unasked:
                notes.append(f"note: {display_path(saved.path)}: themes no question asks: {', '.join(unasked)}")
    for problem in sorted(problems):
        print(problem)
    for note in notes:
        print(note)
    if problems:
        files_with_problems = len({problem.path for problem in problems})
        noun = "problem" if len(problems) == 1 else "problems"
        print(f"\n{len(problems)} {noun} in {files_with_problems} file(s).")
        return 2
    print(f"OK: {len(library.files)} file(s), {len(library.rubrics)} rubric(s), {len(library.questions)} question(s).")
    return 0
