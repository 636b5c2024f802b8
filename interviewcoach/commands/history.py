"""`interviewcoach history`, `history show`, `history repair` and `stats`."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from interviewcoach import locations
from interviewcoach.commands.options import SubParsers
from interviewcoach.durations import clock_text
from interviewcoach.enums import Category, choices

if TYPE_CHECKING:
    from datetime import datetime


def register(commands: SubParsers) -> None:
    parser = commands.add_parser(
        "history",
        help="list your past attempts, newest first",
        description="List your past attempts, newest first, or show one in full.",
    )
    parser.add_argument("--since", type=_date, metavar="DATE", help="only attempts on or after DATE (YYYY-MM-DD)")
    parser.add_argument("--category", choices=choices(Category), help="only this category")
    parser.add_argument("--question", metavar="ID", help="only attempts at this question")
    parser.add_argument(
        "--mode", choices=("solo", "peer"), help="only solo practice, or only mock interviews with a peer"
    )
    parser.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N rows (default 20)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(run=history)
    actions = parser.add_subparsers(dest="history_command", metavar="ACTION")
    show_parser = actions.add_parser(
        "show",
        help="one attempt in full",
        description="Show one attempt in full: the grade "
        "with its evidence, the answer, probes and any interviewer notes.",
    )
    show_parser.add_argument("attempt_id", type=int, metavar="ATTEMPT_ID")
    drafts_parser = actions.add_parser(
        "drafts",
        help="answers you were typing when the app stopped",
        description="Print the drafts autosaved while you typed that were never submitted "
        "(the app was closed or killed mid-answer), newest first.",
    )
    drafts_parser.add_argument("--json", action="store_true", help="print JSON")
    repair_parser = actions.add_parser(
        "repair",
        help="move a damaged history aside and start a new one",
        description="If your history file is damaged or not a database, rename it to a "
        "timestamped backup beside it (nothing is deleted) and start a new history.",
    )
    repair_parser.add_argument("--yes", action="store_true", help="do not ask first")

    stats_parser = commands.add_parser(
        "stats",
        help="your progress: average score, trend, hit rate per cue",
        description="Attempts, average score, the trend (last 10 against the previous 10), "
        "the hit rate of every cue and your weakest cues.",
    )
    stats_parser.add_argument("--json", action="store_true", help="print JSON")
    stats_parser.set_defaults(run=stats)


def _date(text: str) -> datetime:
    from datetime import datetime

    try:
        return datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-11-27, got {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1, got {text!r}")
    return value


def local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def history(args: argparse.Namespace) -> int:
    import json
    import shutil

    from interviewcoach.store import open_history

    if args.history_command == "show":
        return show(args.attempt_id)
    if args.history_command == "repair":
        return repair(args.yes)
    if args.history_command == "drafts":
        return drafts(args.json)
    since = args.since.astimezone() if args.since else None
    with open_history() as store:
        rows = store.list_attempts(
            since=since, category=args.category, question_id=args.question, limit=args.limit, mode=args.mode
        )
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "created_at": r.created_at.isoformat(),
                        "question_id": r.question_id,
                        "question_text": r.question_text,
                        "rubric": r.rubric_id,
                        "score": r.score,
                        "verdict": r.verdict,
                        "hits": r.hits,
                        "misses": r.misses,
                        "recovered": r.recovered,
                        "mode": r.mode,
                        "session": r.session_uid,
                    }
                    for r in rows
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    if not rows:
        print(
            "No attempts yet."
            if not (since or args.category or args.question or args.mode)
            else "No attempts match those filters."
        )
        return 0
    width = shutil.get_terminal_size(fallback=(100, 24)).columns
    header = ("ID", "DATE", "QUESTION", "SCORE", "VERDICT", "CUES", "MISSED (↺ RECOVERED)")
    table = [
        (
            str(r.id),
            local(r.created_at),
            r.question_id or f"({r.rubric_id} rubric)",
            str(r.score),
            r.verdict,
            f"{len(r.hits)}/{len(r.hits) + len(r.misses)}",
            _missed(r.misses, r.recovered),
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in [header, *table]) for i in range(6)]
    for row in [header, *table]:
        cells = [
            row[0].rjust(widths[0]),
            row[1].ljust(widths[1]),
            row[2].ljust(widths[2]),
            row[3].rjust(widths[3]),
            row[4].ljust(widths[4]),
            row[5].ljust(widths[5]),
        ]
        line = "  ".join(cells) + "  "
        room = max(10, width - len(line) - 1)
        missed = row[6] if len(row[6]) <= room else row[6][: room - 1] + "…"
        print(line + missed)
    return 0


def _missed(misses: list[str], recovered: list[str]) -> str:
    return " ".join([", ".join(misses), *(f"↺ {cue}" for cue in recovered)]).strip() or "-"


def show(attempt_id: int) -> int:
    from interviewcoach.commands.report import render_report, wrapped
    from interviewcoach.store import open_history

    with open_history() as store:
        attempt = store.get_attempt(attempt_id)
    if attempt is None:
        print(f"interviewcoach history: no attempt {attempt_id}; `interviewcoach history` lists them.", file=sys.stderr)
        return 1
    print(f"Attempt {attempt_id}, {local(attempt.created_at)}")
    if attempt.question_id:
        print(
            f"Question {attempt.question_id} ({attempt.category or 'no category'}"
            f"{', ' + attempt.level if attempt.level else ''})"
        )
        print("\n".join(wrapped(attempt.question_text, indent="  ")))
    if attempt.time_taken_s is not None:
        limit = f" of {clock_text(attempt.time_limit_s)}" if attempt.time_limit_s else ""
        print(f"Time taken: {clock_text(attempt.time_taken_s)}{limit}")
    if attempt.story_id:
        print(f"Story told: {attempt.story_id} (`interviewcoach stories` lists your stories)")
    print()
    print(render_report(attempt.final, f"{attempt.rubric_id} rubric v{attempt.rubric_version}"))
    print("\nAnswer:")
    for paragraph in attempt.answer.splitlines() or [""]:
        print("\n".join(wrapped(paragraph, indent="  ")) or "")
    for exchange in attempt.probes:
        print(f"\nProbe{f' ({exchange.cue})' if exchange.cue else ''}: {exchange.probe}")
        print("\n".join(wrapped(exchange.answer or "(no answer)", indent="  ")))
    if attempt.notes:
        print("\nInterviewer's notes:")
        print("\n".join(wrapped(attempt.notes, indent="  ")))
    if attempt.overrides:
        marks = ", ".join(f"{cue} {'hit' if hit else 'missed'}" for cue, hit in attempt.overrides.items())
        print(f"Interviewer's calls: {marks}")
    if attempt.ratings:
        print("Ratings: " + ", ".join(f"{name} {value}" for name, value in attempt.ratings.items()))
    if attempt.peer is not None:
        _show_peer(attempt)
    return 0


def _show_peer(attempt) -> None:
    from interviewcoach.commands.report import wrapped
    from interviewcoach.mock import RECOMMENDATIONS

    peer = attempt.peer
    print(
        f"\nMock interview (session {attempt.session_uid}), round {peer.round}: "
        f"{peer.interviewer} interviewed {peer.candidate}; answers {peer.answer_mode}, {peer.style} style"
    )
    if peer.recommendation:
        print(f"Recommendation: {peer.recommendation} ({RECOMMENDATIONS[peer.recommendation]})")
    labels = {cue.id: cue.label for cue in attempt.result.cues}
    for cue_id, text in peer.comments.items():
        print("\n".join(wrapped(f"Comment on {labels.get(cue_id, cue_id)}: {text}", indent="  ")))
    disagree = [labels.get(c, c) for c, hit in peer.grader_calls.items() if attempt.final.is_hit(c) != hit]
    if disagree:
        print("Where the interviewer and the grader disagree: " + ", ".join(disagree))
    if peer.focus_cues or peer.habits:
        print("Focus: " + ", ".join([*peer.focus_cues, *(f'"{h}"' for h in peer.habits)]))
    for title, text in (("Keep doing", peer.keep), ("Stop doing", peer.stop), ("Start doing", peer.start)):
        if text:
            print(f"{title}:")
            for line in text.splitlines():
                print("\n".join(wrapped(line, indent="  ")))


def drafts(as_json: bool) -> int:
    import json

    from interviewcoach.commands.report import wrapped
    from interviewcoach.store import open_history

    with open_history() as store:
        found = store.drafts()
    if as_json:
        print(json.dumps([d.model_dump(mode="json") for d in found], indent=2, ensure_ascii=False))
        return 0
    if not found:
        print("No unfinished answers.")
        return 0
    from interviewcoach.draft_keys import is_story_draft

    for draft in found:
        what = "story (offered back in the story form)" if is_story_draft(draft.key) else "answer"
        print(
            f"Unfinished {what}, last saved {local(draft.updated_at)}"
            + (f", to {draft.question_id}" if draft.question_id else "")
            + ":"
        )
        print("\n".join(wrapped(draft.text, indent="  ")) or "  (empty)")
        print()
    return 0


def repair(confirmed: bool) -> int:
    from interviewcoach.store import HistoryUnreadable, open_history
    from interviewcoach.store.database import move_aside

    path = locations.history_path()
    if not path.exists():
        print(f"There is no history at {path} yet; nothing to repair.")
        return 0
    try:
        with open_history(path) as store:
            store.stats()
        print(f"{path} reads fine; nothing to repair.")
        return 0
    except HistoryUnreadable as error:
        print(error)
    if not confirmed:
        answer = input("Move it aside (kept, renamed) and start a new history? [y/N] ") if sys.stdin.isatty() else ""
        if answer.strip().lower() not in ("y", "yes"):
            print("Left as it is. Run `interviewcoach history repair --yes` to move it aside.")
            return 1
    backup = move_aside(path)
    print(f"Moved the damaged history to {backup}. A new history starts with your next attempt.")
    return 0


def stats(args: argparse.Namespace) -> int:
    import json

    from interviewcoach.store import open_history

    with open_history() as store:
        figures = store.stats()
        agreement = store.peer_agreement()
    if args.json:
        print(
            json.dumps(
                {
                    "attempts": figures.attempts,
                    "average_score": figures.average_score,
                    "last_10_average": figures.last_10_average,
                    "previous_10_average": figures.previous_10_average,
                    "trend": figures.trend,
                    "cues": [
                        {
                            "rubric": c.rubric_id,
                            "cue": c.cue_id,
                            "attempts": c.attempts,
                            "hits": c.hits,
                            "hit_rate": c.rate,
                        }
                        for c in figures.cues
                    ],
                    "weakest": [{"rubric": c.rubric_id, "cue": c.cue_id, "hit_rate": c.rate} for c in figures.weakest],
                    "peer_calibration": [
                        {"rubric": a.rubric_id, "cue": a.cue_id, "calls": a.calls, "agreed": a.agreed, "rate": a.rate}
                        for a in agreement
                    ],
                },
                indent=2,
            )
        )
        return 0
    if not figures.attempts:
        print("No attempts yet: practise, or `interviewcoach grade --save` an answer.")
        return 0
    print(f"Attempts: {figures.attempts}    Average score: {figures.average_score:.1f}")
    if figures.trend is not None:
        print(
            f"Trend: last 10 average {figures.last_10_average:.1f}, previous 10 "
            f"{figures.previous_10_average:.1f} ({figures.trend:+.1f})"
        )
    else:
        print("Trend: shown from 20 attempts on.")
    if figures.weakest:
        print(
            "Weakest cues: "
            + "; ".join(f"{c.cue_id} ({c.rubric_id}) {c.rate:.0%} of {c.attempts}" for c in figures.weakest)
        )
    print("\nHit rate per cue:")
    for cue in figures.cues:
        print(f"  {cue.rubric_id:16} {cue.cue_id:16} {cue.rate:4.0%}  ({cue.hits}/{cue.attempts})")
    if agreement:
        calls = sum(a.calls for a in agreement)
        agreed = sum(a.agreed for a in agreement)
        print(f"\nCalibration: in mock interviews the interviewer agreed with the grader on {agreed} of {calls} calls")
        for a in agreement:
            print(f"  {a.rubric_id:16} {a.cue_id:16} {a.rate:4.0%}  ({a.agreed}/{a.calls})")
    return 0
