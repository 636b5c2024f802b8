"""Problems found in user-editable files, reported as `path:line: what is wrong`."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pydantic loads only where validation happens, not for every command
    from pydantic import BaseModel, ValidationError

    from interviewcoach.tomlsource import SourceMap


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file. Sorts by file, then line."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class ProblemsFound(Exception):
    """Raised with every problem found, so a user can fix them all in one go."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory if inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def toml_syntax_problem(path: str, error: Exception) -> Problem:
    """tomllib (3.11) puts the position inside the message text; move it to the front."""
    text = str(error)
    found = _TOML_POSITION.search(text)
    if not found:
        return Problem(path, 0, f"TOML syntax error: {text}")
    line, column = int(found.group(1)), int(found.group(2))
    return Problem(path, line, f"TOML syntax error: {text[: found.start()]} (column {column})")


def read_toml(path: Path) -> tuple[str, dict[str, Any]] | Problem:
    """A user's TOML file as (text, data), or the problem that stops it being read: not
    UTF-8, unreadable, or a syntax error with its line."""
    import tomllib

    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return Problem(shown, 0, f"not UTF-8 text ({error.reason} at byte {error.start})")
    except OSError as error:
        return Problem(shown, 0, f"cannot read: {error.strerror or error}")
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return toml_syntax_problem(shown, error)


def field_path(loc: Iterable[str | int]) -> str:
    """`("questions", 3, "levels", 1)` -> `questions[3].levels[1]`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def validation_problems(
    path: str,
    error: ValidationError,
    model: type[BaseModel],
    source: SourceMap,
    data: object,
) -> list[Problem]:
    """One problem per pydantic error, with the line it points at and plain wording."""
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        message = _describe(item, loc, model)
        context = _item_context(data, loc)
        if context:
            message = f"{message} ({context})"
        problems.append(Problem(path, source.line_of(loc) or 0, message))
    return problems


def _describe(item: Mapping[str, Any], loc: tuple, model: type[BaseModel]) -> str:
    kind = item["type"]
    if kind == "missing":
        parent = field_path(loc[:-1])
        where = f"{parent}: " if parent else ""
        return f"{where}missing required field '{loc[-1]}'"
    if kind == "extra_forbidden":
        parent = field_path(loc[:-1])
        where = f"{parent}: " if parent else ""
        message = f"{where}unknown field '{loc[-1]}'"
        known = _field_names(model, loc[:-1])
        import difflib

        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        if close:
            message += f" (did you mean '{close[0]}'?)"
        elif known:
            message += f"; allowed fields: {', '.join(known)}"
        return message
    message = f"{field_path(loc) or 'file'}: {_plain(item['msg'])}"
    value = item.get("input")
    if isinstance(value, (str, int, float, bool)) and len(repr(value)) <= 60:
        message += f", got {value!r}"
    return message


def _plain(msg: str) -> str:
    # pydantic prefixes custom validator messages with "Value error, ".
    return msg.removeprefix("Value error, ")


def _item_context(data: object, loc: tuple) -> str:
    """Name the question or cue an error sits in: `questions[7]` alone is hard to find."""
    if len(loc) >= 2 and loc[0] in ("questions", "cues") and isinstance(loc[1], int):
        items = data.get(loc[0]) if isinstance(data, dict) else None
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            item_id = items[loc[1]].get("id")
            if isinstance(item_id, str) and item_id:
                noun = "question" if loc[0] == "questions" else "cue"
                return f"in {noun} '{item_id}'"
    return ""


def _field_names(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at `loc` inside `model`, for "did you mean" hints."""
    from pydantic import BaseModel

    current: object = model
    for part in loc:
        current = _inner(current, part)
        if current is None:
            return []
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner(annotation: object, part: str | int) -> object:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if isinstance(part, int) or part not in annotation.model_fields:
            return None
        return annotation.model_fields[part].annotation
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is list and args:
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    return None
