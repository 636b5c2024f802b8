"""The project's promises about how it is installed and tested."""

import re
from pathlib import Path

import pytest

import interviewcoach
from interviewcoach import locations

REPO = Path(__file__).resolve().parent.parent


def test_installed_wheel_carries_banks_and_rubrics():
    package_dir = Path(interviewcoach.__file__).resolve().parent
    if (package_dir.parent / "pyproject.toml").is_file():
        pytest.skip("imported from a source checkout; .ci/run tests the installed wheel")
    assert locations.bundled_banks_dir() == package_dir / "question_banks"
    assert (package_dir / "question_banks" / "product-design.toml").is_file()
    assert (package_dir / "rubrics" / "behavioural.toml").is_file()
    # The grader's learned evidence check is data too: without it grading silently changes.
    assert (package_dir / "grading" / "evidence_check.json").is_file()


def test_readme_quick_start_is_two_commands_and_ci_runs_the_test_one():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^(pip install .+?)(?:\s+#.*)?$", quick_start, flags=re.M)
    assert commands == ["pip install . && interviewcoach", "pip install '.[test]' && pytest"]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(rf"^{re.escape(commands[1])}$", ci, flags=re.M)


def test_exact_pins_only_where_snapshots_need_them():
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    pinned = {r.split("==")[0] for r in requirements if "==" in r}
    assert pinned == {"textual", "pytest-textual-snapshot"}
    assert all(">=" in r for r in requirements if "==" not in r)


def test_readme_screenshots_are_the_current_snapshots():
    """docs/ holds copies of the real app's snapshots (test_readme_screens.py) for the
    README; a changed screen must update both."""
    snapshots = REPO / "tests" / "__snapshots__" / "test_readme_screens"
    for doc, snapshot in (
        ("feedback.svg", "test_readme_feedback.svg"),
        ("practice.svg", "test_readme_practice.svg"),
        ("progress.svg", "test_readme_progress.svg"),
        ("cockpit.svg", "test_readme_cockpit.svg"),
        ("coverage.svg", "test_readme_coverage.svg"),
    ):
        assert (REPO / "docs" / doc).read_text() == (snapshots / snapshot).read_text(), doc
