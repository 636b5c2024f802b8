"""The user's own question bank: a file in the data folder that the app owns and
rewrites whole with tomli-w, keeping every other question in it. The bundled banks are
never written."""

from __future__ import annotations

import tomllib
from pathlib import Path

from interviewcoach import locations
from interviewcoach.files import write_atomically
from interviewcoach.models import Question, QuestionBank

USER_BANK_FILE = "my-questions.toml"
HEADER = (
    "# Your own interview questions, written by interviewcoach's question bank.\n"
    "# You may edit this file by hand; `interviewcoach validate` checks it.\n\n"
)


def user_bank_path() -> Path:
    return locations.user_banks_dir() / USER_BANK_FILE


def read_user_questions(path: Path | None = None) -> list[Question]:
    path = path or user_bank_path()
    if not path.exists():
        return []
    return list(QuestionBank.model_validate(tomllib.loads(path.read_text("utf-8"))).questions)


def save_user_question(question: Question, replacing: str | None = None, path: Path | None = None) -> Path:
    """Add `question` to the user's bank, or put it in place of the question `replacing`
    names, and rewrite the file atomically."""
    import tomli_w

    path = path or user_bank_path()
    questions = read_user_questions(path)
    key = replacing or question.id
    for index, existing in enumerate(questions):
        if existing.id == key:
            questions[index] = question
            break
    else:
        questions.append(question)
    bank = QuestionBank(title="My questions", questions=questions)
    payload = HEADER + tomli_w.dumps(bank.model_dump(mode="json", exclude_defaults=True), multiline_strings=True)
    locations.ensure_private_dir(path.parent)
    write_atomically(path, payload)
    return path
