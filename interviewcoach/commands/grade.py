"""`interviewcoach grade`: grade one answer as a report or JSON, or many as JSON lines."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from interviewcoach.commands.options import SubParsers, bank_dir_option
from interviewcoach.enums import Level, choices

if TYPE_CHECKING:
    from interviewcoach.banks import Library
    from interviewcoach.models import Question, Rubric


def register(commands: SubParsers) -> None:
    parser = commands.add_parser(
        "grade",
        help="grade an answer from a file or standard input",
        description="Grade one answer against a rubric (or a question's rubric and its own "
        "phrases), or many with --batch. Prints the score, each cue with the words that "
        "earned it, and tips for what was missed.",
        epilog='--batch reads JSON lines {"id": ..., "rubric": ID or "question": QID, '
        '"answer": "..."} (with "rubric", optionally "prompt": "the question asked") and '
        'writes one JSON line per input, in order; a bad line gets {"id": ..., "error": '
        '"..."} and exit code 1. With a question or a prompt, an answer to another question '
        'is graded "off-question".',
    )
    parser.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE",
        help="the answer as a text file, or - for standard input (the default)",
    )
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--rubric", metavar="ID", help="grade with this rubric")
    target.add_argument("--question", metavar="QID", help="grade as an answer to this question (uses its rubric)")
    parser.add_argument(
        "--prompt",
        metavar="TEXT",
        help="the question the answer was given to, when it is in no bank (with --rubric): "
        "an answer to another question is graded off-question",
    )
    parser.add_argument("--level", choices=choices(Level), help="weigh cues for this level")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--save", action="store_true", help="also keep the graded answer in your history")
    parser.add_argument(
        "--batch",
        metavar="FILE.jsonl",
        type=Path,
        help="grade every JSON line of FILE (- for standard input); see below",
    )
    bank_dir_option(parser)
    parser.set_defaults(run=grade)


class GradeInputError(Exception):
    """An answer, rubric or question that cannot be graded; the message says why."""


def grade(args: argparse.Namespace) -> int:
    from interviewcoach.banks import load_library
    from interviewcoach.commands.report import render_report
    from interviewcoach.final_grade import final_grade
    from interviewcoach.grading import grade_answer

    library = load_library(args.bank_dirs)
    if args.batch:
        if args.rubric or args.question or args.prompt is not None:
            return _usage("--batch takes the rubric, question or prompt from each line, not from options")
        return _grade_batch(library, args.batch, args.bank_dirs, args.save)
    if not (args.rubric or args.question):
        return _usage("say what to grade against: --rubric ID or --question QID")
    try:
        rubric, question = resolve_target(library, args.rubric, args.question, args.prompt)
        answer = _read_answer(args.file)
    except GradeInputError as error:
        return _usage(str(error))
    level = Level(args.level) if args.level else None
    result = grade_answer(answer, rubric, question, level)
    if args.json:
        print(result.to_json(indent=2))
    else:
        about = f"{rubric.title} rubric" + (_about_question(question) if question else "")
        print(render_report(final_grade(result), about))
    if args.save:
        from interviewcoach.commands.saving import save_attempts
        from interviewcoach.store import AttemptRecord

        attempt = AttemptRecord.of(result, answer, rubric, question, level)
        return save_attempts([attempt], {"source": "grade", "rubric": rubric.id})
    return 0


def _about_question(question: Question) -> str:
    from interviewcoach.commands.report import clip
    from interviewcoach.models import PROMPT_QUESTION_ID

    if question.id == PROMPT_QUESTION_ID:
        return f', the prompt "{clip(question.prompt, 60)}"'
    return f", question {question.id}"


def _usage(message: str) -> int:
    print(f"interviewcoach grade: {message}", file=sys.stderr)
    return 2


def _known(kind: str, name: str, known: list[str]) -> str:
    import difflib

    # A prefix or part of an id is the likeliest slip ("pd-grocery"); then a near spelling.
    close = sorted(k for k in known if name and name in k) or difflib.get_close_matches(name, known, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    return f"unknown {kind} '{name}'.{hint} Known {kind}s: {', '.join(sorted(known))}"


def resolve_target(
    library: Library, rubric_id: str | None, question_id: str | None, prompt: str | None = None
) -> tuple[Rubric, Question | None]:
    """The rubric and question to grade with: a question of the bank, or a rubric with
    (optionally) the prompt of a question that is in no bank."""
    if prompt is not None:
        if question_id is not None:
            raise GradeInputError("a question brings its own prompt: give --prompt with --rubric, not --question")
        if not prompt.strip():
            raise GradeInputError("the prompt is empty: give the question the answer was given to")
    if question_id is not None:
        question = library.questions.get(question_id)
        if question is None:
            raise GradeInputError(_known("question", question_id, list(library.questions)))
        return library.rubrics[question.rubric], question
    rubric = library.rubrics.get(rubric_id or "")
    if rubric is None:
        raise GradeInputError(_known("rubric", rubric_id or "", list(library.rubrics)))
    if prompt is not None:
        from interviewcoach.models import question_for_prompt

        return rubric, question_for_prompt(prompt, rubric)
    return rubric, None


def _read_answer(file: str) -> str:
    try:
        if file == "-":
            if sys.stdin.isatty():
                print("Type or paste your answer, then press Ctrl-D.", file=sys.stderr)
            return sys.stdin.read()
        return Path(file).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise GradeInputError(f"{file}: not UTF-8 text") from None
    except OSError as error:
        raise GradeInputError(f"{file}: {error.strerror or error}") from None


PARALLEL_FROM = 400
"""Batches at least this long are graded by one worker process per core."""
CHUNK_LINES = 2000
"""Lines read (and held) at once, so a huge batch streams in bounded memory."""

_batch_saves = False
"""Whether batch workers also return each graded attempt, for the parent to save."""

_batch_library: Library | None = None
"""The library a batch worker grades with: inherited from the parent when processes
fork, loaded by _init_worker where they are spawned."""


def _grade_batch(library: Library, path: Path, bank_dirs: list[Path], save: bool = False) -> int:
    import itertools
    import json

    global _batch_library, _batch_saves
    _batch_library = library
    _batch_saves = save
    to_save = []
    try:
        stream = sys.stdin if str(path) == "-" else path.open(encoding="utf-8")
    except OSError as error:
        return _usage(f"{path}: {error.strerror or error}")
    failed = False
    pool = None
    try:
        with stream:
            numbered = ((n, line) for n, line in enumerate(stream, start=1) if line.strip())
            while chunk := list(itertools.islice(numbered, CHUNK_LINES)):
                if pool is None and len(chunk) >= PARALLEL_FROM:
                    pool = _worker_pool(bank_dirs)
                lines = pool.imap(_grade_numbered, chunk, chunksize=25) if pool else map(_grade_numbered, chunk)
                for line_failed, output, attempt in lines:
                    failed = failed or line_failed
                    print(output)
                    if attempt is not None:
                        to_save.append(attempt)
    except UnicodeDecodeError:
        print(json.dumps({"id": None, "error": f"{path}: not UTF-8 text"}))
        failed = True
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    if save:
        from interviewcoach.commands.saving import save_attempts

        if save_attempts(to_save, {"source": "grade --batch", "file": str(path)}):
            failed = True
    return 1 if failed else 0


def _worker_pool(bank_dirs: list[Path]):
    import multiprocessing
    import os

    from interviewcoach.grading.dictionary import english_words

    # Load the word list before forking so every worker shares one copy.
    english_words()
    workers = max(1, min(os.cpu_count() or 1, 8))
    return multiprocessing.Pool(workers, initializer=_init_worker, initargs=(bank_dirs, _batch_saves))


def _init_worker(bank_dirs: list[Path], save: bool) -> None:
    global _batch_library, _batch_saves
    _batch_saves = save
    if _batch_library is None:
        from interviewcoach.banks import load_library

        _batch_library = load_library(bank_dirs)


def _grade_numbered(item: tuple[int, str]):
    import json

    """(failed, the JSON line to print, the attempt to save or None) for one input line."""
    number, line = item
    attempt = None
    try:
        assert _batch_library is not None, "set by _grade_batch or _init_worker"
        output, attempt = _grade_line(_batch_library, line, number)
    except Exception as error:  # one answer that breaks the grader must not stop the batch
        output = {"id": None, "error": f"line {number}: could not grade: {error!r}"}
    return "error" in output, json.dumps(output, ensure_ascii=False), attempt


def _grade_line(library: Library, line: str, number: int):
    import json

    """(the output object, the attempt to save or None) for one input line."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"line {number}: not valid JSON ({error.msg})"}, None
    if not isinstance(item, dict):
        return {"id": None, "error": f"line {number}: expected a JSON object"}, None
    item_id = item.get("id")
    try:
        answer = item.get("answer")
        if not isinstance(answer, str):
            raise GradeInputError('"answer" must be a string')
        rubric_id, question_id, prompt = item.get("rubric"), item.get("question"), item.get("prompt")
        if (rubric_id is None) == (question_id is None):
            raise GradeInputError('give exactly one of "rubric" and "question"')
        for key, value in (("rubric", rubric_id), ("question", question_id), ("prompt", prompt)):
            if value is not None and not isinstance(value, str):
                raise GradeInputError(f'"{key}" must be a string')
        level = item.get("level")
        if level is not None and level not in set(Level):
            raise GradeInputError(f"unknown level {level!r}; levels: {', '.join(Level)}")
        rubric, question = resolve_target(library, rubric_id, question_id, prompt)
    except GradeInputError as error:
        return {"id": item_id, "error": f"line {number}: {error}"}, None
    from interviewcoach.grading import grade_answer

    level = Level(level) if level else None
    result = grade_answer(answer, rubric, question, level)
    attempt = None
    if _batch_saves:
        from interviewcoach.store import AttemptRecord

        attempt = AttemptRecord.of(result, answer, rubric, question, level)
    return {"id": item_id, **result.contract()}, attempt
