"""Print how well the grader agrees with answers labelled by people, set by set, with
every target the grader issue sets: macro F1 over the required cues, Spearman(score,
rating), flattery (rated <= 3 called strong; rated >= 4 called weak), mean distance of
score from rating, gamed answers, design answers graded against other design
questions, and shown evidence spans a person judged acceptable.

    python benchmarks/eval_grader.py [LABELLED.toml ...] [--disagreements] [--cues]
                                     [--rubric-only] [--spans JUDGED.toml ...]

With no file, reads every labelled set in tests/data/, each reported on its own. Any
file in the same format (see interviewcoach/calibration.py) works, such as a held-out
set kept elsewhere.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from interviewcoach.banks import load_library
from interviewcoach.calibration import (
    Bars,
    calibrate,
    cross_question,
    load_labelled,
    load_span_judgements,
    read_spans,
)

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def _sets(files: list[Path]) -> dict[str, list[Path]]:
    if files:
        return {path.stem: [path] for path in files}
    sets = {"dev": sorted(DATA.glob("grading-dev-*.toml"))}
    for path in (
        sorted(DATA.glob("grading-check*.toml"))
        + sorted(DATA.glob("grading-unseen*.toml"))
        + sorted(DATA.glob("grading-notes*.toml"))
    ):
        sets[path.stem.removeprefix("grading-")] = [path]
    return sets


def _mark(ok: bool) -> str:
    return "ok " if ok else "MISS"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--disagreements", action="store_true", help="list every cue and score the grader got wrong")
    parser.add_argument("--cues", action="store_true", help="print per-cue precision, recall and F1")
    parser.add_argument(
        "--rubric-only",
        action="store_true",
        help="grade with the rubric alone, ignoring the questions the answers name",
    )
    parser.add_argument(
        "--spans",
        nargs="*",
        type=Path,
        default=sorted(DATA.glob("evidence-judged*.toml")),
        help="files of evidence spans judged by a person (default: tests/data/evidence-judged*.toml)",
    )
    args = parser.parse_args()
    library = load_library()
    judgements = load_span_judgements(args.spans) if args.spans else []
    summary = []
    for name, paths in _sets(args.files).items():
        answers = load_labelled(paths)
        # Interviewer's notes (grading-notes-*.toml) are graded as the peer cockpit grades them.
        notes = all(path.stem.startswith(("grading-notes", "notes")) for path in paths)
        calibration = calibrate(answers, library, use_questions=not args.rubric_only, notes=notes)
        print(f"=== {name}: {len(answers)} answers")
        if args.cues:
            print(f"  {'rubric':16} {'cue':16} {'P':>5} {'R':>5} {'F1':>5}   tp  fp  fn  tn")
            for (rubric, cue), f in sorted({**calibration.cues, **calibration.other_cues}.items()):
                print(
                    f"  {rubric:16} {cue:16} {f.precision:5.2f} {f.recall:5.2f} {f.f1:5.2f}  "
                    f"{f.true_positive:3} {f.false_positive:3} {f.false_negative:3} {f.true_negative:3}"
                )
        f1 = calibration.macro_f1
        rho = calibration.spearman
        strong_low, low_n = calibration.strong_among_low
        weak_high, high_n = calibration.low_among_high
        error = calibration.mean_error
        gamed = calibration.gamed
        worst = max((r.score for _, r in gamed), default=0)
        lines = []
        if calibration.cues:
            lines.append((f1 >= Bars.MACRO_F1, f"macro F1 over required cues {f1:.3f} (bar {Bars.MACRO_F1})"))
        other = calibration.other_macro_f1
        if other is not None:
            lines.append((True, f"macro F1 over other labelled cues {other:.3f} (reported, no bar)"))
        lines += [
            (rho >= Bars.SPEARMAN, f"Spearman(score, rating) {rho:.3f} (bar {Bars.SPEARMAN})"),
            (
                not low_n or strong_low / low_n <= Bars.STRONG_AMONG_LOW,
                f"rated <= 3 called strong: {strong_low}/{low_n}"
                + (f" = {strong_low / low_n:.0%}" if low_n else "")
                + f" (bar {Bars.STRONG_AMONG_LOW:.0%})",
            ),
            (
                not high_n or weak_high / high_n <= Bars.LOW_AMONG_HIGH,
                f"rated >= 4 called weak/insufficient/off-question: {weak_high}/{high_n}"
                + (f" = {weak_high / high_n:.0%}" if high_n else "")
                + f" (bar {Bars.LOW_AMONG_HIGH:.0%})",
            ),
            (
                error <= Bars.MEAN_ERROR,
                f"mean |score - (rating-1)*25| {error:.1f}, bias {calibration.mean_bias:+.1f} (bar {Bars.MEAN_ERROR:g})",
            ),
            (worst < Bars.GAMED, f"gamed answers: {len(gamed)}, highest {worst} (bar < {Bars.GAMED})"),
        ]
        if not args.rubric_only and not notes:
            cross = cross_question(answers, library)
            if cross.against_own:
                lines.append(
                    (
                        cross.below_40 >= Bars.CROSS_BELOW_40,
                        f"design answers vs other design questions below 40: {cross.below_40:.1%} "
                        f"of {len(cross.against_other)} (bar {Bars.CROSS_BELOW_40:.0%})",
                    )
                )
                lines.append(
                    (
                        cross.own_off_question <= Bars.OWN_OFF_QUESTION,
                        f"design answers vs their own question off-question: {cross.own_off_question:.1%} "
                        f"of {len(cross.against_own)} (bar {Bars.OWN_OFF_QUESTION:.0%})",
                    )
                )
        spans = read_spans(calibration, judgements)
        if spans.judged:
            lines.append(
                (
                    spans.share >= Bars.SPANS_ACCEPTABLE,
                    f"shown evidence spans judged acceptable: {spans.acceptable}/{spans.judged} = "
                    f"{spans.share:.0%}, {len(spans.unjudged)} not judged (bar {Bars.SPANS_ACCEPTABLE:.0%})",
                )
            )
        for ok, line in lines:
            print(f"  {_mark(ok)} {line}")
        for answer, result in gamed:
            print(f"       gamed {answer.id:20} {answer.kind:12} {result.score:3} {result.verdict}")
        by_rating: dict[float, list[int]] = {}
        for answer, result in calibration.graded:
            by_rating.setdefault(answer.rating, []).append(result.score)
        print(
            "       mean score by rating: "
            + "  ".join(f"{rating:g}: {sum(s) / len(s):.0f} (n={len(s)})" for rating, s in sorted(by_rating.items()))
        )
        if args.disagreements:
            print("\n".join("       " + line for line in calibration.disagreements()))
            for answer_id, cue, text in spans.rejected:
                print(f"       rejected span {answer_id} {cue}: {text!r}")
        summary.append((name, f1, rho, error, worst))
    if len(summary) > 1:
        print("\nset                 F1    rho   |err|  gamed-max")
        for name, f1, rho, error, worst in summary:
            print(f"{name:18} {f1:5.3f} {rho:6.3f} {error:6.1f} {worst:6}")


if __name__ == "__main__":
    main()
