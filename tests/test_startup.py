"""Start-up does only what the first screen needs (issue 14): the home screen paints
from cached content and settings without pydantic, the models, the session or the
grader, and the commands that need no TUI never import Textual."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HOME_STARTS = """
import json, sys
from interviewcoach.banks import load_library
from interviewcoach.settings_snapshot import settings_snapshot
from interviewcoach.tui.app import make_app
from interviewcoach.tui.screens.home import HomeScreen

app = make_app(settings_snapshot()["values"], load_library())
loaded = []

async def look(pilot):
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)
    loaded.extend(sys.modules)
    pilot.app.exit()

app.run(headless=True, auto_pilot=look)
print(json.dumps(loaded))
"""


def loaded_modules(script: str, home: Path, *args: str) -> set[str]:
    env = {**os.environ, "INTERVIEWCOACH_HOME": str(home)}
    result = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_a_second_start_paints_home_without_pydantic_or_the_grader(tmp_path):
    first = loaded_modules(HOME_STARTS, tmp_path)
    assert "pydantic" in first, "the first start validates the content and writes the cache"
    loaded = loaded_modules(HOME_STARTS, tmp_path)
    for heavy in ("pydantic", "interviewcoach.models", "interviewcoach.grading", "interviewcoach.session"):
        assert heavy not in loaded, f"{heavy} loaded before the home screen was shown"


COMMAND = """
import contextlib, io, json, sys
from interviewcoach.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(sys.argv[1:])
print(json.dumps(list(sys.modules)))
"""


def test_questions_and_config_from_the_cache_need_neither_pydantic_nor_textual(tmp_path):
    for argv in (["questions", "--json"], ["config"]):
        loaded_modules(COMMAND, tmp_path, *argv)  # writes the cache
        loaded = loaded_modules(COMMAND, tmp_path, *argv)
        assert "pydantic" not in loaded, argv
        assert not any(name.split(".")[0] == "textual" for name in loaded), argv


def test_no_arguments_start_the_app_as_the_parser_would(monkeypatch):
    import interviewcoach.commands.app
    from interviewcoach.cli import build_parser, main

    started = []
    monkeypatch.setattr(interviewcoach.commands.app, "run_app", lambda args: started.append(args) or 0)
    assert main([]) == 0
    parsed = build_parser().parse_args([])
    (args,) = started
    assert args.command is parsed.command is None
    assert args.bank_dirs == [] and args.bank_dirs_before == parsed.bank_dirs_before
