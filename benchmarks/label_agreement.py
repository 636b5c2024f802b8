"""Print how far people agree when they label the same answers, and how far the grader
agrees with each of them and with their majority: macro F1 over the required cues,
per cue, Spearman of ratings and the mean gap between ratings.

    python benchmarks/label_agreement.py [--set k]

Reads tests/data/grading-unseen-<set>-*.toml (the first labels) and
tests/data/relabel-<set>-*.toml (other people's labels of the same answers).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from interviewcoach.banks import load_library
from interviewcoach.calibration import GAMED_KINDS, REQUIRED_CUES, calibrate, load_labelled
from interviewcoach.label_agreement import (
    agree,
    consensus,
    load_relabelled,
    reading_of_grades,
    reading_of_labels,
    reading_of_relabels,
)

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
# People label an answer to another question by different conventions (all 0, or what
# its text does), so those answers count toward ratings only.
WITHOUT_LABELS = frozenset({"offquestion"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="k", help="the labelled set's letter (default k)")
    args = parser.parse_args()
    answers = load_labelled(sorted(DATA.glob(f"grading-unseen-{args.set}-*.toml")))
    relabel_files = sorted(DATA.glob(f"relabel-{args.set}-*.toml"))
    if not answers or not relabel_files:
        raise SystemExit(f"set {args.set}: needs grading-unseen-{args.set}-*.toml and relabel-{args.set}-*.toml")
    people = {"first": reading_of_labels(answers)}
    for path in relabel_files:
        people[path.stem.rsplit("-", 1)[1]] = reading_of_relabels(load_relabelled(path))
    grader = reading_of_grades(calibrate(answers, load_library()).graded)
    majority = consensus(list(people.values()))
    names = list(people)
    pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
    rows = [(f"person {a} ~ person {b}", people[a], people[b]) for a, b in pairs]
    rows += [(f"grader ~ person {name}", people[name], grader) for name in names]
    rows.append((f"grader ~ majority of {len(names)}", majority, grader))
    rubrics = sorted({a.rubric for a in answers if a.rubric in REQUIRED_CUES})
    print(f"set {args.set}: {len(answers)} answers, {len(names)} readings by people ({', '.join(names)})")
    print("F1 is macro over the required cues; answers to another question count toward ratings only.\n")
    header = f"{'':28}" + "".join(f"{r[:11] + ' F1':>16}{'rho':>7}{'gap':>6}" for r in rubrics)
    print(header)
    for label, first, second in rows:
        line = f"{label:28}"
        for rubric in rubrics:
            subset = [a for a in answers if a.rubric == rubric]
            agreement = agree(subset, first, second, WITHOUT_LABELS)
            line += f"{agreement.macro_f1:16.3f}{agreement.spearman:7.3f}{agreement.mean_rating_gap:6.2f}"
        print(line)
    print("\nper cue F1 (people's pairs, then the grader against each and the majority)")
    for rubric in rubrics:
        subset = [a for a in answers if a.rubric == rubric]
        print(f"  {rubric}: " + "  ".join(f"{cue:>14}" for cue in REQUIRED_CUES[rubric]))
        for label, first, second in rows:
            cues = agree(subset, first, second, WITHOUT_LABELS).cues
            print(f"    {label:26}" + "  ".join(f"{cues[c].f1:14.2f}" for c in REQUIRED_CUES[rubric] if c in cues))
    gamed = sum(1 for a in answers if a.kind in GAMED_KINDS)
    print(f"\n({gamed} gaming answers are included, as in the calibration.)")


if __name__ == "__main__":
    main()
