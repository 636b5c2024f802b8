"""Load, validate and cross-check question banks and rubrics from TOML files."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from interviewcoach import content_cache, locations
from interviewcoach.problems import (
    Problem,
    ProblemsFound,
    display_path,
    read_toml,
    validation_problems,
)
from interviewcoach.tomlsource import SourceMap

if TYPE_CHECKING:  # pydantic and the models load only when content is validated or used
    from interviewcoach.models import Category, Level, Question, QuestionBank, Rubric, Stage

CONTENT_CACHE = "content"
"""The name of the content cache's entry (see content_cache.py)."""


@dataclass
class ContentFile:
    """One bank or rubric file as read from disk, with whatever in it is valid."""

    path: Path
    text: str = ""
    """The file's text; empty for a file whose content came from the content cache,
    which holds only content that loaded without problems (nothing to point at)."""
    data: dict = field(default_factory=dict)
    rubric: Rubric | None = None
    questions: list[tuple[int, Question]] = field(default_factory=list)
    """Each valid question with its index in the file, so problems found later can
    point at its lines. A bank with one broken question still offers the others."""
    broken_rubric_id: str | None = None
    """The id of a rubric that failed to validate, so questions naming it are not
    also reported as naming an unknown rubric."""

    @property
    def shown_path(self) -> str:
        return display_path(self.path)

    @cached_property
    def source(self) -> SourceMap:
        return SourceMap(self.text)

    def problem(self, loc: tuple, message: str) -> Problem:
        return Problem(self.shown_path, self.source.line_of(loc) or 0, message)

    def where(self, loc: tuple) -> str:
        line = self.source.line_of(loc)
        return f"{self.shown_path}:{line}" if line else self.shown_path


@dataclass
class Library:
    """Every question and rubric the app knows, checked against each other."""

    rubrics: dict[str, Rubric] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    files: list[ContentFile] = field(default_factory=list)

    def find_questions(
        self,
        category: Category | None = None,
        level: Level | None = None,
        stage: Stage | None = None,
        tag: str | None = None,
    ) -> list[Question]:
        """Questions matching every filter given. `stage` matches the question's own stage."""
        return [
            question
            for question in self.questions.values()
            if (category is None or question.category == category)
            and (level is None or level in question.levels)
            and (stage is None or question.stage == stage)
            and (tag is None or tag in question.tags)
        ]

    def question_data(self) -> list[dict[str, Any]]:
        """Every question as JSON data (`model_dump(mode="json")`), in library order."""
        return [question.model_dump(mode="json") for question in self.questions.values()]

    def cue_labels(self, rubric_id: str) -> dict[str, str] | None:
        """A rubric's cue labels by cue id; None when there is no such rubric."""
        rubric = self.rubrics.get(rubric_id)
        return {cue.id: cue.label for cue in rubric.cues} if rubric else None


class CachedLibrary(Library):
    """A library read from the content cache. Its content was validated when the entry
    was written, so its models are built only when first used (the home screen paints
    without them, and `questions` never needs them), and without checking again."""

    def __init__(self, snapshot: dict[str, Any], roots: Sequence[Path]) -> None:
        self._snapshot = snapshot
        self._roots = list(roots)
        self._built: Library | None = None

    def _library(self) -> Library:
        if self._built is None:
            try:
                self._built = _library_from_snapshot(self._snapshot)
            except Exception:
                # An entry that fits the key but not the models: never trusted; read the files.
                content_cache.drop_entry(CONTENT_CACHE)
                self._built = _load_roots(self._roots, use_cache=False)
        return self._built

    @property
    def rubrics(self) -> dict[str, Rubric]:
        return self._library().rubrics

    @rubrics.setter
    def rubrics(self, value: dict[str, Rubric]) -> None:
        self._library().rubrics = value

    @property
    def questions(self) -> dict[str, Question]:
        return self._library().questions

    @questions.setter
    def questions(self, value: dict[str, Question]) -> None:
        self._library().questions = value

    @property
    def files(self) -> list[ContentFile]:
        return self._library().files

    @files.setter
    def files(self, value: list[ContentFile]) -> None:
        self._library().files = value

    def question_data(self) -> list[dict[str, Any]]:
        if self._built is not None:
            return super().question_data()
        return [question for entry in self._snapshot["files"] for _, question in entry["questions"]]

    def cue_labels(self, rubric_id: str) -> dict[str, str] | None:
        if self._built is not None:
            return super().cue_labels(rubric_id)
        # What the home screen shows, without building every model to show it.
        for entry in self._snapshot["files"]:
            rubric = entry["rubric"]
            if rubric is not None and rubric.get("id") == rubric_id:
                return {cue["id"]: cue["label"] for cue in rubric["cues"]}
        return None


def _snapshot_of(library: Library) -> dict[str, Any]:
    """What the content cache keeps of a library that loaded without problems."""
    return {
        "files": [
            {
                "path": str(file.path),
                "rubric": file.rubric.model_dump(mode="json") if file.rubric else None,
                "questions": [[index, question.model_dump(mode="json")] for index, question in file.questions],
            }
            for file in library.files
        ]
    }


def _is_snapshot(value: Any) -> TypeGuard[dict[str, Any]]:
    # The shape only: the values are checked by the models if the library is ever used.
    return (
        isinstance(value, dict)
        and isinstance(value.get("files"), list)
        and all(
            isinstance(entry, dict)
            and isinstance(entry.get("path"), str)
            and isinstance(entry.get("rubric"), dict | None)
            and isinstance(entry.get("questions"), list)
            and all(
                isinstance(item, list) and len(item) == 2 and isinstance(item[0], int) and isinstance(item[1], dict)
                for item in entry["questions"]
            )
            for entry in value["files"]
        )
    )


def _library_from_snapshot(snapshot: dict[str, Any]) -> Library:
    from interviewcoach.models import Question, Rubric

    files = [
        ContentFile(
            Path(entry["path"]),
            rubric=Rubric.model_validate(entry["rubric"]) if entry["rubric"] is not None else None,
            questions=[(index, Question.model_validate(data)) for index, data in entry["questions"]],
        )
        for entry in snapshot["files"]
    ]
    library = Library(files=files)
    library.rubrics = {file.rubric.id: file.rubric for file in files if file.rubric}
    library.questions = {question.id: question for file in files for _, question in file.questions}
    return library


def content_paths(roots: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The TOML files under each root (a file or a folder, searched recursively)."""
    paths: list[Path] = []
    problems: list[Problem] = []
    for root in roots:
        if root.is_dir():
            paths.extend(sorted(p for p in root.rglob("*.toml") if p.is_file()))
        elif root.is_file():
            paths.append(root)
        else:
            problems.append(Problem(display_path(root), 0, "no such file or folder"))
    return paths, problems


def read_content_file(path: Path) -> tuple[ContentFile | None, list[Problem]]:
    """Parse and validate one file. Unreadable, unparsable or unrecognisable files come
    back as None; an invalid one comes back with the parts of it that are valid."""
    from pydantic import ValidationError

    from interviewcoach.models import Rubric

    shown = display_path(path)
    read = read_toml(path)
    if isinstance(read, Problem):
        return None, [read]
    text, data = read
    file = ContentFile(path, text, data)
    model = _kind_of(path, data)
    if model is None:
        return None, [
            Problem(
                shown,
                0,
                "neither a question bank (it has no [[questions]]) nor a rubric (no [[cues]])",
            )
        ]
    try:
        content = model.model_validate(data)
    except ValidationError as error:
        problems = validation_problems(shown, error, model, file.source, data)
        _salvage(file, model)
        return file, problems
    if isinstance(content, Rubric):
        file.rubric = content
    else:
        file.questions = list(enumerate(content.questions))
    return file, []


def _salvage(file: ContentFile, model: type[QuestionBank] | type[Rubric]) -> None:
    """Keep what is valid in an invalid file, so cross-file checks can still run on it
    and the user hears about every problem in one go."""
    from pydantic import ValidationError

    from interviewcoach.models import Question, Rubric

    if model is Rubric:
        rubric_id = file.data.get("id")
        file.broken_rubric_id = rubric_id if isinstance(rubric_id, str) else None
        return
    items = file.data.get("questions")
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        with contextlib.suppress(ValidationError):  # reported through the whole file's validation
            file.questions.append((index, Question.model_validate(item)))


def _kind_of(path: Path, data: dict) -> type[QuestionBank] | type[Rubric] | None:
    from interviewcoach.models import QuestionBank, Rubric

    if "questions" in data and "cues" not in data:
        return QuestionBank
    if "cues" in data and "questions" not in data:
        return Rubric
    # Neither or both: the folder a file sits in says what it was meant to be, so the
    # user hears about the missing table rather than about the file's kind.
    folder = path.parent.name
    if folder == "rubrics":
        return Rubric
    if folder == "question_banks":
        return QuestionBank
    return None


def build_library(
    files: Sequence[ContentFile], reference_rubrics: dict[str, Rubric] | None = None
) -> tuple[Library, list[Problem]]:
    """Put files together and check what no single file can: unique ids and references
    between questions and rubrics. `reference_rubrics` may be named by questions but are
    not part of the library (used when validating a few files on their own)."""
    library = Library(files=list(files))
    problems: list[Problem] = []
    # Where each id was first seen, as (file, key path): turned into "file:line" only for
    # a message, since finding lines means scanning the file's text again.
    rubric_origin: dict[str, tuple[ContentFile, tuple]] = {}
    for file in files:
        problems.extend(_repeated_cue_ids(file))
        problems.extend(_phrase_problems(file))
        rubric_id = file.rubric.id if file.rubric else file.broken_rubric_id
        if rubric_id is None:
            continue
        if rubric_id in rubric_origin:
            problems.append(
                file.problem(("id",), f"rubric id '{rubric_id}' is already used by {_where(rubric_origin[rubric_id])}")
            )
            continue
        rubric_origin[rubric_id] = (file, ("id",))
        if file.rubric:
            library.rubrics[rubric_id] = file.rubric

    known_rubrics = {**(reference_rubrics or {}), **library.rubrics}
    question_origin: dict[str, tuple[ContentFile, tuple]] = {}
    for file in files:
        for index, question in file.questions:
            loc = ("questions", index)
            if question.id in question_origin:
                problems.append(
                    file.problem(
                        loc + ("id",),
                        f"question id '{question.id}' is already used by {_where(question_origin[question.id])}",
                    )
                )
                continue
            question_origin[question.id] = (file, loc + ("id",))
            if question.rubric in rubric_origin and question.rubric not in known_rubrics:
                continue  # its rubric is broken, and that is reported already
            found = _reference_problems(file, loc, question, known_rubrics)
            problems.extend(found)
            if not found:
                library.questions[question.id] = question
    return library, problems


def _phrase_problems(file: ContentFile) -> list[Problem]:
    from interviewcoach.phrases import phrase_problem

    found = []
    if file.rubric:
        for c, cue in enumerate(file.rubric.cues):
            for key in ("phrases", "weak_phrases", "excluded_phrases"):
                for p, phrase in enumerate(getattr(cue, key)):
                    message = phrase_problem(phrase)
                    if message:
                        found.append(file.problem(("cues", c, key, p), f"cue '{cue.id}': {message}"))
    for index, question in file.questions:
        for cue_id, phrases in question.extra_phrases.items():
            for p, phrase in enumerate(phrases):
                message = phrase_problem(phrase)
                if message:
                    found.append(
                        file.problem(
                            ("questions", index, "extra_phrases", cue_id, p), f"question '{question.id}': {message}"
                        )
                    )
    return found


def _where(origin: tuple[ContentFile, tuple]) -> str:
    file, loc = origin
    return file.where(loc)


def _repeated_cue_ids(file: ContentFile) -> list[Problem]:
    # Read from the raw data so a rubric that fails validation is still checked.
    cues = file.data.get("cues") if file.rubric or file.broken_rubric_id else None
    if not isinstance(cues, list):
        return []
    seen: set[str] = set()
    problems = []
    for index, cue in enumerate(cues):
        cue_id = cue.get("id") if isinstance(cue, dict) else None
        if not isinstance(cue_id, str):
            continue
        if cue_id in seen:
            problems.append(file.problem(("cues", index, "id"), f"cue id '{cue_id}' is used twice in this rubric"))
        seen.add(cue_id)
    return problems


def _reference_problems(file: ContentFile, loc: tuple, question: Question, rubrics: dict[str, Rubric]) -> list[Problem]:
    return [file.problem(loc + where, message) for where, message in reference_problems(question, rubrics)]


def reference_problems(question: Question, rubrics: Mapping[str, Rubric]) -> list[tuple[tuple, str]]:
    """What `question` names that does not exist: its rubric, or cues of that rubric.
    Each problem as (key path inside the question, message)."""
    rubric = rubrics.get(question.rubric)
    if rubric is None:
        return [
            (
                ("rubric",),
                f"question '{question.id}' names rubric '{question.rubric}', which does not "
                f"exist{_suggest(question.rubric, rubrics)}",
            )
        ]
    cue_ids = [cue.id for cue in rubric.cues]
    return [
        (
            (field, cue_id) if field == "extra_phrases" else (field,),
            f"question '{question.id}': rubric '{rubric.id}' has no cue '{cue_id}'{_suggest(cue_id, cue_ids)}",
        )
        for field, named in (("extra_phrases", question.extra_phrases), ("focus_cues", question.focus_cues))
        for cue_id in named
        if cue_id not in cue_ids
    ]


def question_problems(library: Library, question: Question, replacing: str | None = None) -> list[str]:
    """What stops `question` joining `library` (beyond its own validation), by the same
    checks loading does: a unique id, and a rubric and cues that exist. `replacing` is
    the id of the question it replaces, when editing."""
    problems = []
    if question.id != replacing and question.id in library.questions:
        problems.append(f"question id '{question.id}' is already used by another question")
    problems.extend(message for _, message in reference_problems(question, library.rubrics))
    return problems


def _suggest(name: str, known: Iterable[str]) -> str:
    import difflib

    known = sorted(known)
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"{hint} (known: {', '.join(known) or 'none'})"


def load_files(roots: Iterable[Path]) -> tuple[list[ContentFile], list[Problem]]:
    paths, problems = content_paths(roots)
    files, found = _read_paths(paths)
    return files, problems + found


def _read_paths(paths: Iterable[Path]) -> tuple[list[ContentFile], list[Problem]]:
    problems: list[Problem] = []
    files = []
    for path in paths:
        file, found = read_content_file(path)
        problems.extend(found)
        if file is not None:
            files.append(file)
    return files, problems


def default_roots(bank_dirs: Sequence[Path] = ()) -> list[Path]:
    """Where the app looks for content: bundled, then the user's folder, then --bank-dir."""
    roots = [locations.bundled_rubrics_dir(), locations.bundled_banks_dir()]
    user_dir = locations.user_banks_dir()
    if user_dir.is_dir():
        roots.append(user_dir)
    roots.extend(bank_dirs)
    return roots


def load_library(bank_dirs: Sequence[Path] = ()) -> Library:
    """Everything the app loads. Raises ProblemsFound listing every problem in every file.

    When no file changed since content last loaded without problems, it comes from the
    content cache and its models are built on first use."""
    return _load_roots(default_roots(bank_dirs))


def _load_roots(roots: Sequence[Path], use_cache: bool = True) -> Library:
    paths, problems = content_paths(roots)
    key = content_cache.make_key(paths, extra=[os.path.abspath(root) for root in roots])
    if use_cache and not problems:
        snapshot = content_cache.read_entry(CONTENT_CACHE, key)
        if _is_snapshot(snapshot):
            return CachedLibrary(snapshot, roots)
    files, found = _read_paths(paths)
    problems.extend(found)
    library, found = build_library(files)
    problems.extend(found)
    if problems:
        raise ProblemsFound(problems)
    content_cache.write_entry(CONTENT_CACHE, key, _snapshot_of(library))
    return library


def validate_paths(paths: Sequence[Path], bank_dirs: Sequence[Path] = ()) -> tuple[Library, list[Problem]]:
    """Check the given files as a set. Questions may name any rubric the app would load,
    so a user's bank that uses a bundled rubric validates on its own."""
    files, problems = load_files(paths)
    reference_files, _ = load_files(default_roots(bank_dirs))
    reference = {file.rubric.id: file.rubric for file in reference_files if file.rubric}
    library, found = build_library(files, reference_rubrics=reference)
    return library, problems + found
