"""Building attempts for store tests, and a script run as a separate process."""

from __future__ import annotations

from functools import cache

from interviewcoach import locations
from interviewcoach.banks import Library, build_library, load_files
from interviewcoach.grading import grade_answer
from interviewcoach.store import AttemptRecord

ANSWER = (
    "Blind shoppers depend on store staff to read labels, and they told us they hate it. "
    "I'd focus on fully blind people who shop alone. We'd pilot it with 200 users in Leeds "
    "and track the share of trips completed without help."
)


@cache
def bundled_only() -> Library:
    """The bundled content alone, loaded once per process (never a user's banks folder)."""
    files, problems = load_files([locations.bundled_rubrics_dir(), locations.bundled_banks_dir()])
    library, found = build_library(files)
    assert not problems and not found, problems + found
    return library


def make_attempt(number: int = 0, question_id: str = "pd-grocery-blind-shoppers", **changes) -> AttemptRecord:
    library = bundled_only()
    question = library.questions[question_id]
    rubric = library.rubrics[question.rubric]
    answer = f"{ANSWER} Attempt {number}."
    fields = dict(
        question_id=question.id,
        question_text=question.prompt,
        category=str(question.category),
        level="pm",
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        answer=answer,
        result=grade_answer(answer, rubric, question),
        time_taken_s=95.5,
        time_limit_s=question.time_limit_s,
    )
    fields.update(changes)
    return AttemptRecord(**fields)


WRITER_SCRIPT = """
import os, signal, sys
from interviewcoach.store import open_history, DraftRecord
sys.path.insert(0, {tests!r})
from store_helpers import make_attempt

mode, count = sys.argv[1], int(sys.argv[2])
template = make_attempt()
with open_history() as store:
    if mode == "draft":
        store.save_draft(DraftRecord(key="session-1/q1", text="half an answer, typed before the crash",
                                     question_id="pd-grocery-blind-shoppers"))
        os.kill(os.getpid(), signal.SIGKILL)
    for number in range(count):
        attempt = template.model_copy(update={{"uid": f"{{mode}}-{{number}}", "answer": f"answer {{number}}"}})
        store.save_attempt(attempt)
        print(number + 1, flush=True)  # committed
"""
