"""`interviewcoach validate`: check bank and rubric files, reporting every problem."""

from __future__ import annotations

import argparse

from interviewcoach.banks import default_roots, load_files, build_library, validate_paths


def validate(args: argparse.Namespace) -> int:
    if args.paths:
        library, problems = validate_paths(args.paths, args.bank_dirs)
    else:
        files, problems = load_files(default_roots(args.bank_dirs))
        library, found = build_library(files)
        problems += found
    for problem in sorted(problems):
        print(problem)
    if problems:
        files_with_problems = len({problem.path for problem in problems})
        noun = "problem" if len(problems) == 1 else "problems"
        print(f"\n{len(problems)} {noun} in {files_with_problems} file(s).")
        return 2
    print(
        f"OK: {len(library.files)} file(s), {len(library.rubrics)} rubric(s), "
        f"{len(library.questions)} question(s)."
    )
    return 0
