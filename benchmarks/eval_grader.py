"""Print how well the grader agrees with labelled answers: per-cue precision, recall and
F1, macro F1, Spearman(score, rating), and the score of every gamed answer.

    python benchmarks/eval_grader.py [LABELLED.toml ...] [--disagreements]

With no file, uses the development set in tests/data/. Any file in the same format
(see interviewcoach/calibration.py) works, such as a held-out set kept elsewhere.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from interviewcoach.banks import load_library
from interviewcoach.calibration import calibrate, load_labelled

DEV_SET = sorted((Path(__file__).resolve().parent.parent / "tests" / "data").glob("grading-dev-*.toml"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--disagreements", action="store_true", help="list every cue the grader got wrong")
    parser.add_argument(
        "--rubric-only", action="store_true",
        help="grade with the rubric alone, ignoring the questions the answers name",
    )
    args = parser.parse_args()
    answers = load_labelled(args.files or DEV_SET)
    calibration = calibrate(answers, load_library(), use_questions=not args.rubric_only)
    print(f"{len(answers)} labelled answers\n")
    print(f"{'rubric':16} {'cue':16} {'P':>5} {'R':>5} {'F1':>5}   tp  fp  fn  tn")
    for (rubric, cue), f in sorted(calibration.cues.items()):
        print(
            f"{rubric:16} {cue:16} {f.precision:5.2f} {f.recall:5.2f} {f.f1:5.2f}  "
            f"{f.true_positive:3} {f.false_positive:3} {f.false_negative:3} {f.true_negative:3}"
        )
    print(f"\nmacro F1 over required cues: {calibration.macro_f1:.3f}   (bar 0.85)")
    print(f"Spearman(score, rating):     {calibration.spearman:.3f}   (bar 0.75)")
    gamed = calibration.gamed
    worst = max((r.score for _, r in gamed), default=0)
    print(f"gamed answers: {len(gamed)}, highest score {worst}   (bar: all < 40)")
    for answer, result in gamed:
        print(f"  {answer.id:28} {result.score:3}  {result.verdict}")
    by_rating: dict[int, list[int]] = {}
    for answer, result in calibration.graded:
        by_rating.setdefault(answer.rating, []).append(result.score)
    print("\nscore by rating: " + "  ".join(
        f"{rating}: {sum(s) / len(s):.0f} (n={len(s)})" for rating, s in sorted(by_rating.items())
    ))
    if args.disagreements:
        print("\n" + "\n".join(calibration.disagreements()))


if __name__ == "__main__":
    main()
