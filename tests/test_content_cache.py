"""The content cache: a start with unchanged files reads validated content from it; any
change to a file is seen at the next start, and a cache that cannot be read or written
is never a reason to show stale content or to crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from interviewcoach import content_cache, locations
from interviewcoach.banks import CONTENT_CACHE, CachedLibrary, load_library
from interviewcoach.problems import ProblemsFound

from conftest import question_toml, rubric_toml, run_cli

PAST_NS = 1_600_000_000 * 10**9


@pytest.fixture(autouse=True)
def trust_fresh_files(monkeypatch: pytest.MonkeyPatch) -> None:
    # The files here are written a moment before loading; the tests set their mtimes
    # themselves, so the guard against same-tick edits would only keep the cache empty.
    monkeypatch.setattr(content_cache, "RACY_S", 0.0)


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    write(folder / "rubric.toml", rubric_toml("team-rubric"), 1)
    write(folder / "questions.toml", question_toml("team-question", rubric="team-rubric"), 2)
    return folder


def write(path: Path, text: str, tick: int) -> None:
    """Write `path` with an mtime of its own, so each edit is a different file state."""
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(PAST_NS + tick * 10**9, PAST_NS + tick * 10**9))


def cached_load(bank: Path) -> CachedLibrary:
    load_library([bank])  # reads the files and stores them
    library = load_library([bank])
    assert isinstance(library, CachedLibrary), "an unchanged start should read the cache"
    return library


def test_an_unchanged_start_reads_the_same_content_from_the_cache(bank):
    fresh = load_library([bank])
    assert not isinstance(fresh, CachedLibrary)
    cached = load_library([bank])
    assert isinstance(cached, CachedLibrary)
    assert cached.question_data() == fresh.question_data()
    assert cached.questions == fresh.questions
    assert cached.rubrics == fresh.rubrics
    assert [(f.path, f.questions, f.rubric) for f in cached.files] == [
        (f.path, f.questions, f.rubric) for f in fresh.files
    ]


def test_the_question_list_never_imports_pydantic_from_the_cache(bank):
    cached = cached_load(bank)
    # question_data() of a cached library is the stored JSON, not models built for it.
    assert cached._built is None
    assert cached.question_data()[-1]["id"] == "team-question"
    assert cached._built is None


def test_an_edited_file_is_seen_at_the_next_start(bank):
    cached_load(bank)
    text = (bank / "questions.toml").read_text().replace("Design something.", "Design anything.")
    write(bank / "questions.toml", text, 3)  # the same size: only the mtime tells
    library = load_library([bank])
    assert library.questions["team-question"].prompt == "Design anything."


def test_an_added_and_a_deleted_file_are_seen_at_the_next_start(bank):
    cached_load(bank)
    write(bank / "more.toml", question_toml("another", rubric="team-rubric"), 4)
    assert "another" in load_library([bank]).questions
    cached_load(bank)
    (bank / "more.toml").unlink()
    assert "another" not in load_library([bank]).questions


def test_a_broken_file_gives_its_file_and_line_at_the_next_start_and_is_never_cached(bank, monkeypatch, capsys):
    cached_load(bank)
    monkeypatch.chdir(bank)
    write(bank / "questions.toml", question_toml("team-question", rubric="team-rubric").replace("pm", "intern"), 5)
    for _ in range(2):
        with pytest.raises(ProblemsFound) as caught:
            load_library([bank])
        assert str(caught.value).startswith("questions.toml:6: ")
    code, _, err = run_cli(capsys, "questions", "--json", "--bank-dir", str(bank))
    assert code == 2 and err.startswith("questions.toml:6: ")


def test_the_questions_command_shows_an_edit_at_once(bank, capsys):
    code, out, _ = run_cli(capsys, "questions", "--json", "--bank-dir", str(bank))
    assert code == 0
    run_cli(capsys, "questions", "--json", "--bank-dir", str(bank))  # from the cache
    text = (bank / "questions.toml").read_text().replace("Design something.", "Design a thing, now.")
    write(bank / "questions.toml", text, 6)
    code, out, _ = run_cli(capsys, "questions", "--json", "--bank-dir", str(bank))
    assert code == 0
    assert json.loads(out)[-1]["prompt"] == "Design a thing, now."


@pytest.mark.parametrize(
    "garbage",
    [
        b"\x00\xffnot json at all",
        b'{"format": 1, "key": ',  # cut short
        b"[]",
        b'{"format": 999, "key": {}, "value": {}}',
    ],
)
def test_a_corrupt_cache_file_is_never_trusted(bank, garbage):
    fresh = load_library([bank])
    path = content_cache.cache_path(CONTENT_CACHE)
    path.write_bytes(garbage)
    library = load_library([bank])
    assert not isinstance(library, CachedLibrary)
    assert library.questions == fresh.questions
    assert isinstance(load_library([bank]), CachedLibrary), "rewritten after a corrupt one"


def test_an_entry_with_the_right_key_but_a_wrong_shape_or_content_is_not_trusted(bank):
    fresh = load_library([bank])
    path = content_cache.cache_path(CONTENT_CACHE)
    entry = json.loads(path.read_text())
    entry["value"]["files"] = "nonsense"
    path.write_text(json.dumps(entry))
    assert not isinstance(load_library([bank]), CachedLibrary)

    load_library([bank])
    entry = json.loads(path.read_text())
    (questions,) = [file for file in entry["value"]["files"] if file["path"].endswith("questions.toml")]
    questions["questions"][0][1]["levels"] = ["intern"]
    path.write_text(json.dumps(entry))
    library = load_library([bank])
    assert isinstance(library, CachedLibrary)
    # Its models fail to build, so the files are read instead of the entry.
    assert library.questions == fresh.questions


def test_a_read_only_data_folder_works_without_a_cache(bank, isolated_home, monkeypatch):
    import interviewcoach.files

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    # chmod alone does not stop root, who runs CI on some machines.
    monkeypatch.setattr(interviewcoach.files, "write_atomically", refuse)
    isolated_home.chmod(0o555)
    try:
        for _ in range(2):
            library = load_library([bank])
            assert not isinstance(library, CachedLibrary)
            assert "team-question" in library.questions
        assert not content_cache.cache_path(CONTENT_CACHE).exists()
    finally:
        isolated_home.chmod(0o755)


def test_a_cache_folder_that_is_a_file_is_no_cache(bank):
    locations.data_dir().mkdir(parents=True, exist_ok=True)
    locations.cache_dir().write_text("not a folder")
    for _ in range(2):
        assert not isinstance(load_library([bank]), CachedLibrary)


def test_a_file_changed_a_moment_ago_is_not_cached(bank, monkeypatch):
    monkeypatch.setattr(content_cache, "RACY_S", 2.0)
    (bank / "rubric.toml").write_text(rubric_toml("team-rubric"))  # mtime: now
    load_library([bank])
    assert not isinstance(load_library([bank]), CachedLibrary)


def test_a_change_to_the_code_invalidates_the_cache(bank, monkeypatch):
    cached_load(bank)
    monkeypatch.setattr(content_cache, "code_stamp", lambda: ["another version"])
    assert not isinstance(load_library([bank]), CachedLibrary)


def test_cue_labels_come_from_the_cache_without_building_the_models(bank):
    fresh = load_library([bank])
    cached = load_library([bank])
    assert isinstance(cached, CachedLibrary)
    assert cached.cue_labels("team-rubric") == fresh.cue_labels("team-rubric") == {"why": "The why"}
    assert cached.cue_labels("no-such-rubric") is None is fresh.cue_labels("no-such-rubric")
    assert cached._built is None


def test_config_sees_an_edited_settings_file_and_reports_a_broken_one(capsys):
    from interviewcoach.settings_snapshot import SETTINGS_CACHE, settings_snapshot

    for _ in range(2):  # the second from the cache
        code, out, _ = run_cli(capsys, "config", "--json")
        assert code == 0 and json.loads(out)["settings"]["probes"] == 2
    assert content_cache.read_entry(SETTINGS_CACHE, content_cache.make_key([locations.settings_path()]))
    write(locations.settings_path(), "probes = 4\n", 7)
    code, out, _ = run_cli(capsys, "config", "--json")
    assert json.loads(out)["settings"]["probes"] == 4
    assert settings_snapshot()["values"]["probes"] == 4
    write(locations.settings_path(), "probes = 99\n", 8)
    for _ in range(2):
        code, _, err = run_cli(capsys, "config")
        assert code == 2 and "settings.toml:1: " in err
