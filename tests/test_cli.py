"""The command line, run in-process through main() and, where the install matters,
as a real subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from interviewcoach import __version__, locations

from conftest import question_toml
from conftest import run_cli as run

# --- questions -----------------------------------------------------------------------


def test_questions_lists_every_bundled_question_with_prompt(capsys, library):
    code, out, _ = run(capsys, "questions")
    assert code == 0
    assert out.splitlines()[0].split() == ["ID", "LEVELS", "STAGE", "TIME"]
    for category in ("product-design", "behavioural", "product-strategy", "metrics", "leadership"):
        count = len(library.find_questions(category=category))
        assert f"\n{category} ({count})\n" in out
    for question in library.questions.values():
        assert question.id in out
    assert "Design a grocery-shopping app for people who are blind" in out
    assert out.rstrip().endswith(f"\n{len(library.questions)} questions")


def test_questions_table_fits_an_80_column_terminal(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "questions")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80


def test_questions_filters_and_json(capsys, library):
    code, out, _ = run(capsys, "questions", "--category", "behavioural", "--level", "director", "--json")
    assert code == 0
    found = json.loads(out)
    assert found, "the starter bank has director-level behavioural questions"
    assert all(q["category"] == "behavioural" and "director" in q["levels"] for q in found)
    expected = {q.id for q in library.questions.values() if q.category == "behavioural" and "director" in q.levels}
    assert {q["id"] for q in found} == expected
    assert set(found[0]) >= {
        "id",
        "prompt",
        "rubric",
        "levels",
        "stage",
        "time_limit_s",
        "follow_ups",
        "outline",
        "tags",
    }


def test_questions_stage_filter(capsys):
    code, out, _ = run(capsys, "questions", "--stage", "startup", "--json")
    assert code == 0
    assert {q["stage"] for q in json.loads(out)} == {"startup"}


def test_questions_with_no_match_says_so(capsys):
    code, out, _ = run(capsys, "questions", "--level", "cpo", "--stage", "startup")
    assert code == 0
    assert "No questions match" in out


def test_questions_rejects_unknown_filter_values(capsys):
    code, _, err = run(capsys, "questions", "--level", "intern")
    assert code == 2
    assert "invalid choice: 'intern'" in err


def test_questions_include_bank_dir(capsys, write, tmp_path):
    write("team/q.toml", question_toml("team-q", rubric="behavioural"))
    code, out, _ = run(capsys, "questions", "--bank-dir", str(tmp_path / "team"), "--json")
    assert code == 0
    assert "team-q" in {q["id"] for q in json.loads(out)}


def test_broken_user_bank_stops_commands_with_exit_2_and_no_traceback(capsys):
    user_dir = locations.user_banks_dir()
    user_dir.mkdir(parents=True)
    (user_dir / "mine.toml").write_text('[[questions]]\nid = "x"\n')
    code, out, err = run(capsys, "questions")
    assert code == 2
    assert out == ""
    assert "mine.toml:1: questions[0]: missing required field 'prompt'" in err
    assert "Traceback" not in err


# --- validate ------------------------------------------------------------------------


def test_validate_bundled_content_passes(capsys, library):
    code, out, _ = run(capsys, "validate")
    assert code == 0
    assert out.startswith(
        f"OK: {len(library.files)} file(s), {len(library.rubrics)} rubric(s), {len(library.questions)} question(s)."
    )


def test_validate_reports_every_kind_of_problem_and_exits_2(capsys, write):
    write("syntax.toml", '[[questions]]\nid = "x"\nprompt = "oops\n')
    write(
        "schema.toml",
        question_toml("no-prompt").replace('prompt = "Design something."\n', "")
        + question_toml("wrong-type").replace('levels = ["pm"]', "levels = 3")
        + question_toml("bad-rubric", rubric="prodct-design"),
    )
    code, out, _ = run(capsys, "validate", "syntax.toml", "schema.toml")
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == "schema.toml:1: questions[0]: missing required field 'prompt' (in question 'no-prompt')"
    assert lines[1].startswith("schema.toml:12: questions[1].levels: Input should be a valid list")
    assert lines[2].startswith("schema.toml:18: question 'bad-rubric' names rubric 'prodct-design'")
    assert lines[3].startswith("syntax.toml:3: TOML syntax error")
    assert lines[-1] == "4 problems in 2 file(s)."


def test_validate_a_user_bank_against_bundled_rubrics(capsys, write):
    write("mine.toml", question_toml("mine-1", rubric="product-design"))
    code, out, _ = run(capsys, "validate", "mine.toml")
    assert code == 0
    assert out.startswith("OK: 1 file(s), 0 rubric(s), 1 question(s).")


def test_validate_copies_of_the_bundled_files_on_their_own(capsys, monkeypatch):
    # Users copy bundled files to start their own; validating the copies must not
    # complain that their ids clash with the originals.
    code, out, _ = run(capsys, "validate", str(locations.bundled_banks_dir()), str(locations.bundled_rubrics_dir()))
    assert code == 0, out


# --- config --------------------------------------------------------------------------


def test_config_shows_settings_and_where_they_live(capsys, isolated_home):
    code, out, _ = run(capsys, "config")
    assert code == 0
    assert f"Settings file: {isolated_home / 'settings.toml'}" in out
    assert "not created yet" in out
    assert "probes = 2" in out
    assert 'level = "pm"' in out


def test_config_set_writes_the_file_and_config_shows_it(capsys, isolated_home):
    code, out, _ = run(capsys, "config", "set", "last_practice.level", "vp")
    assert code == 0
    assert out.startswith('last_practice.level = "vp"')
    code, out, _ = run(capsys, "config", "--json")
    assert json.loads(out)["settings"]["last_practice"]["level"] == "vp"
    assert (isolated_home / "settings.toml").is_file()


@pytest.mark.parametrize(
    "argv, expected",
    [
        (("config", "set", "volume", "11"), "unknown setting 'volume'; settings are: name, timer"),
        (("config", "set", "probes", "many"), "bad value for 'probes': Input should be a valid integer"),
    ],
)
def test_config_set_rejects_bad_input(capsys, argv, expected):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert expected in err


def test_bad_settings_file_is_reported_not_raised(capsys, isolated_home):
    (isolated_home / "settings.toml").write_text("probes = -1\n")
    code, _, err = run(capsys, "config")
    assert code == 2
    assert "settings.toml:1: probes: Input should be greater than or equal to 0, got -1" in err


def test_app_does_not_start_on_bad_settings_or_content(capsys, isolated_home):
    (isolated_home / "settings.toml").write_text('theme = "Not A Theme!"\n')
    code, _, err = run(capsys)
    assert code == 2
    assert "settings.toml:1: theme: String should match pattern" in err


# --- help, version, exit codes ---------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        (),
        ("questions",),
        ("validate",),
        ("config",),
        ("config", "set"),
        ("grade",),
        ("history",),
        ("history", "show"),
        ("history", "repair"),
        ("history", "drafts"),
        ("stats",),
        ("export",),
        ("import",),
    ],
)
def test_help_everywhere(capsys, argv):
    code, out, _ = run(capsys, *argv, "--help")
    assert code == 0
    assert out.startswith("usage: interviewcoach")


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"interviewcoach {__version__}"


def test_unknown_command_is_a_usage_error(capsys):
    code, _, err = run(capsys, "practise")
    assert code == 2
    assert "invalid choice: 'practise'" in err


# --- as installed: subprocesses ---------------------------------------------------------


def _subprocess_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["INTERVIEWCOACH_HOME"] = str(home)
    return env


def test_non_tui_commands_do_not_import_textual(isolated_home):
    script = (
        "import sys\n"
        "from interviewcoach.cli import main\n"
        "import io\n"
        "sys.stdin = io.StringIO('We would pilot it in Leeds and track weekly retention.')\n"
        "for argv in (['questions'], ['validate'], ['config'], ['questions', '--json'],\n"
        "             ['grade', '--rubric', 'product-design', '--save'], ['history'], ['stats'],\n"
        "             ['export', '--format', 'md'], ['history', 'show', '1']):\n"
        "    assert main(argv) == 0, argv\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=_subprocess_env(isolated_home)
    )
    assert result.returncode == 0, result.stderr


def test_module_entry_point_runs_from_another_directory(isolated_home, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "interviewcoach", "questions", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_subprocess_env(isolated_home),
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) >= 20


def test_the_readme_questions_example_is_the_real_output(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "questions", "--stage", "startup")
    assert code == 0
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    example = readme.split("$ interviewcoach questions --stage startup\n", 1)[1].split("...\n```", 1)[0]
    assert out.startswith(example), example
