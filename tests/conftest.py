"""Every test runs with its own data folder: the user's real one is never touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewcoach.banks import Library
from interviewcoach.settings import Settings

from store_helpers import bundled_only


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("interviewcoach-home")
    monkeypatch.setenv("INTERVIEWCOACH_HOME", str(home))
    # Keep the environment from changing what the tests see.
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    return home


@pytest.fixture(scope="session")
def bundled_library() -> Library:
    """The bundled banks and rubrics, read once per test run: loading every TOML file
    per test cost more than the tests themselves. Read from the bundled folders only, so
    no user's banks folder can leak in whatever INTERVIEWCOACH_HOME says at that moment."""
    return bundled_only()


@pytest.fixture
def library(bundled_library: Library) -> Library:
    """The bundled library, shared: tests that change what is loaded call load_library()."""
    return bundled_library


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write a file under tmp_path, which becomes the working directory so that
    problems name files as a user typing relative paths would see them."""
    monkeypatch.chdir(tmp_path)

    def write_file(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write_file


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    """Run the command line in-process: (exit code, stdout, stderr)."""
    from interviewcoach.cli import main

    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse exits for --help, --version and bad usage
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


RUBRIC = """id = "{id}"
title = "Test rubric"
description = "A rubric for tests."

[[cues]]
id = "why"
label = "The why"
description = "Says why."
weight = 1.0
phrases = ["because"]
tip = "Say why."
probes = ["Why?"]

"""

QUESTION = """[[questions]]
id = "{id}"
prompt = "Design something."
category = "product-design"
rubric = "{rubric}"
levels = ["pm"]

"""


def rubric_toml(rubric_id: str = "test-rubric") -> str:
    return RUBRIC.format(id=rubric_id)


def question_toml(question_id: str = "test-question", rubric: str = "test-rubric") -> str:
    return QUESTION.format(id=question_id, rubric=rubric)
