"""`interviewcoach stories`: the list, the coverage and the prep sheet, from the command
line; and `validate` reporting a broken story file."""

from __future__ import annotations

import json

from interviewcoach import locations

from conftest import run_cli
from story_helpers import CALLS, LAUNCH, REWRITE, save_stories

SCRIPT = """
import contextlib, io, json, sys
from interviewcoach.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(sys.argv[1:])
print(json.dumps(list(sys.modules)))
"""


def test_no_stories_is_an_empty_json_list(capsys):
    code, out, err = run_cli(capsys, "stories", "--json")
    assert (code, json.loads(out), err) == (0, [], "")
    code, out, _ = run_cli(capsys, "stories")
    assert code == 0 and out.startswith("No stories yet")


def test_stories_list_each_with_its_grade_and_themes(capsys):
    ids = save_stories(LAUNCH, REWRITE)
    code, out, err = run_cli(capsys, "stories", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert [row["id"] for row in rows] == [ids[1], ids[0]]  # by title
    launch = rows[1]
    assert launch["themes"] == ["failure", "launch"]
    assert launch["verdict"] in ("strong", "solid", "partial", "weak", "insufficient")
    assert isinstance(launch["score"], int) and launch["used"] == 0
    rewrite = rows[0]
    assert any("we" in tip for tip in rewrite["stronger"])
    code, out, _ = run_cli(capsys, "stories")
    assert code == 0
    assert (
        "the-launch-i-pulled" in out and "failure, launch" in out and "The launch I pulled · Acme payments, 2023" in out
    )


def test_coverage_names_the_themes_with_no_story(capsys):
    save_stories(LAUNCH, CALLS)
    code, out, _ = run_cli(capsys, "stories", "coverage", "--json")
    assert code == 0
    data = json.loads(out)
    themes = {row["theme"]: row for row in data["themes"]}
    assert themes["failure"]["stories"][0]["id"] == "the-launch-i-pulled"
    assert "conflict" in data["uncovered"] and "failure" not in data["uncovered"]
    code, out, _ = run_cli(capsys, "stories", "coverage")
    assert code == 0
    assert "[1] The launch I pulled" in out
    assert "Themes with no story (" in out and "conflict" in out.split("Themes with no story")[1]
    failure_line = next(line for line in out.splitlines() if line.startswith("failure "))
    assert "✗" not in failure_line


def test_export_md_writes_a_prep_sheet(capsys, tmp_path):
    save_stories(LAUNCH)
    code, out, _ = run_cli(capsys, "stories", "export", "md")
    assert code == 0 and out.startswith("# Your stories") and "- **R** As a result" in out
    target = tmp_path / "prep.md"
    code, _, err = run_cli(capsys, "stories", "export", "md", "--output", str(target))
    assert code == 0 and "Wrote 1 story to" in err
    assert target.read_text("utf-8") == out


def test_export_md_refuses_a_bad_output_path_with_a_clear_error(capsys, tmp_path):
    save_stories(LAUNCH)
    existing = tmp_path / "prep.md"
    existing.write_text("my notes\n", "utf-8")
    for target, reason in [
        (tmp_path / "missing" / "prep.md", f"there is no folder {tmp_path / 'missing'}"),
        (tmp_path, "it is a folder; name a file"),
        (existing, "it already exists (--force overwrites it)"),
    ]:
        code, _, err = run_cli(capsys, "stories", "export", "md", "--output", str(target))
        assert code == 1 and err.strip().endswith(f"interviewcoach: cannot write {target}: {reason}"), err
        assert "Traceback" not in err
    assert existing.read_text("utf-8") == "my notes\n"
    code, _, _ = run_cli(capsys, "stories", "export", "md", "--output", str(existing), "--force")
    assert code == 0 and existing.read_text("utf-8").startswith("# Your stories")


def test_a_broken_story_file_is_reported_by_line_and_the_rest_listed(capsys):
    save_stories(LAUNCH)
    (locations.stories_dir() / "bad.toml").write_text('title = "x"\nthemes = "failure"\n', "utf-8")
    code, out, err = run_cli(capsys, "stories", "--json")
    assert code == 2
    assert [row["id"] for row in json.loads(out)] == ["the-launch-i-pulled"]
    assert "bad.toml:2: themes: " in err and "Traceback" not in err
    code, out, err = run_cli(capsys, "validate")
    assert code == 2 and "bad.toml:2: themes" in out


def test_bad_arguments_are_usage_errors(capsys):
    code, _, err = run_cli(capsys, "stories", "export", "pdf")
    assert code == 2 and "invalid choice" in err


def test_stories_never_import_textual(tmp_path):
    from test_startup import loaded_modules

    loaded = loaded_modules(SCRIPT, tmp_path, "stories", "coverage", "--json")
    assert not any(name.split(".")[0] == "textual" for name in loaded)


def test_history_show_names_the_story_an_attempt_told(capsys):
    from interviewcoach.store import open_history
    from interviewcoach.store.records import AttemptRecord

    from fakes import fixed_grade
    from story_helpers import story_library

    rubric = story_library().rubrics["behavioural"]
    with open_history() as store:
        attempt_id = store.save_attempt(
            AttemptRecord.of(fixed_grade("I did", rubric), "I did", rubric, story_id="the-launch-i-pulled")
        )
    code, out, _ = run_cli(capsys, "history", "show", str(attempt_id))
    assert code == 0 and "Story told: the-launch-i-pulled" in out


def test_the_longest_verdict_fits_its_column_in_the_list_and_the_coverage(capsys):
    from interviewcoach.stories.model import Story

    save_stories(LAUNCH, Story(title="Too short", themes=["failure"], story="I did it."))
    code, out, _ = run_cli(capsys, "stories")
    assert code == 0
    header, *lines = out.splitlines()
    short = next(line for line in lines if line.startswith("too-short"))
    assert "(insufficient)  " in short  # a gap before the themes, never "(insufficient)failure"
    assert short.index("failure") == header.index("THEMES")
    code, out, _ = run_cli(capsys, "stories", "coverage")
    header, *rows = out.splitlines()
    failure = next(row for row in rows if row.startswith("failure "))
    assert "insufficient" in failure
    # Every cell starts under its column's header, with a gap before the next.
    for n in (1, 2):
        at = header.index(f"[{n}]")
        assert failure[at] != " " and failure[at - 2 : at] == "  ", failure


def test_validate_and_the_list_name_themes_no_question_asks(capsys):
    from interviewcoach.stories.model import Story

    save_stories(Story(title="Typo", themes=["confict"], story="I did it."))
    code, out, _ = run_cli(capsys, "validate")
    assert code == 0, out  # a note, not a problem: your own themes are allowed
    assert "note: " in out and "typo.toml: themes no question asks: confict (did you mean conflict?)" in out
    code, out, _ = run_cli(capsys, "stories")
    assert "themes no question asks: confict (did you mean conflict?)" in out
    code, out, _ = run_cli(capsys, "stories", "--json")
    assert json.loads(out)[0]["unasked"] == ["confict (did you mean conflict?)"]
