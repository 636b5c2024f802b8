"""The user's settings: `settings.toml` in the data folder, validated by pydantic."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from interviewcoach import locations
from interviewcoach.enums import Category, Level, Stage
from interviewcoach.files import write_atomically
from interviewcoach.problems import (
    Problem,
    ProblemsFound,
    display_path,
    toml_syntax_problem,
    validation_problems,
)
from interviewcoach.tomlsource import SourceMap


class _SettingsModel(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_attribute_docstrings=True)


class PracticeSetup(_SettingsModel):
    """The choices of the last practice session, offered again next time."""

    category: Category | Literal["any"] = "any"
    """Question category, or "any"."""
    level: Level = Level.PM
    """The PM level to practise for: apm, pm, senior-pm, principal-pm, director, vp, cpo."""
    stage: Stage = Stage.ANY
    """Company stage: startup, big-tech or any."""
    questions: int = Field(default=3, ge=1, le=20)
    """How many questions one session asks."""
    order: Literal["random", "new", "weakest"] = "random"
    """Random, not yet practised first, or weakest cue first."""
    mode: Literal["interview", "coach"] = "interview"
    """interview: cues hidden until you submit; coach: cues light up as you type."""


class MockSetup(_SettingsModel):
    """The choices of the last mock interview with a peer, offered again next time."""

    partner: Annotated[str, StringConstraints(strip_whitespace=True, max_length=60)] = ""
    """The name of the person you practise with (yours is `name`)."""
    category: Category | Literal["any"] = "any"
    level: Level = Level.PM
    stage: Stage = Stage.ANY
    questions: int = Field(default=1, ge=1, le=5)
    """Questions per round."""
    rounds: int = Field(default=1, ge=1, le=3)
    """Rounds per person: each round one interviews, the other answers, then they swap."""
    first: Literal["me", "partner"] = "me"
    """Who interviews first: you or your partner."""
    answer_mode: Literal["spoken", "typed"] = "spoken"
    """spoken: the interviewer types notes while the candidate talks; typed: the candidate types."""
    style: Literal["learning", "realistic"] = "realistic"
    """learning: stop after each question to discuss it; realistic: feedback only at the end."""


class Settings(_SettingsModel):
    name: Annotated[str, StringConstraints(strip_whitespace=True, max_length=60)] = ""
    """Your name, used by the interviewer and in peer mock interviews."""
    timer: bool = True
    """Count down against each question's time limit."""
    probes: int = Field(default=2, ge=0, le=5)
    """How many follow-up probes the interviewer asks after an answer."""
    theme: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")] = "textual-dark"
    """The Textual theme of the app."""
    last_practice: PracticeSetup = PracticeSetup()
    last_mock: MockSetup = MockSetup()


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults when there is no file yet.
    Raises ProblemsFound naming the file, line and key of every bad value."""
    path = path or locations.settings_path()
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as error:
        raise ProblemsFound([Problem(shown, 0, f"cannot read settings: {error}")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProblemsFound([toml_syntax_problem(shown, error)]) from None
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        problems = validation_problems(shown, error, Settings, SourceMap(text), data)
        raise ProblemsFound(problems) from None


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the whole file atomically: a crash mid-write leaves the old file intact."""
    import tomli_w

    path = path or locations.settings_path()
    locations.ensure_private_dir(path.parent)
    return write_atomically(path, tomli_w.dumps(settings.model_dump(mode="json")))


def setting_keys() -> list[str]:
    """Every settable key, dotted for nested ones: `probes`, `last_practice.level`."""
    keys: list[str] = []
    for name, info in Settings.model_fields.items():
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            keys.extend(f"{name}.{inner}" for inner in annotation.model_fields)
        else:
            keys.append(name)
    return keys


def setting_descriptions() -> dict[str, str]:
    """Each settable key's description (its attribute docstring), dotted for nested ones."""
    found: dict[str, str] = {}
    for name, info in Settings.model_fields.items():
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found.update({f"{name}.{inner}": sub.description or "" for inner, sub in annotation.model_fields.items()})
        else:
            found[name] = info.description or ""
    return found


def with_value(settings: Settings, key: str, raw: str) -> Settings:
    """A copy of `settings` with `key` set from text typed by the user, validated.
    Raises KeyError for an unknown key and ValueError for a bad value."""
    if key not in setting_keys():
        raise KeyError(key)
    data: dict[str, Any] = settings.model_dump(mode="json")
    target = data
    *parents, leaf = key.split(".")
    for parent in parents:
        target = target[parent]
    target[leaf] = raw
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        raise ValueError(first["msg"].removeprefix("Value error, ")) from None
