"""The history's export formats, CSV and Markdown (JSON is the ExportFile model itself):
one writer for `interviewcoach export` and the app's export alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewcoach.store import ExportFile

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
