"""`history`, `history show`, `history repair`, `stats`, `export`, `import`, `grade --save`."""

import csv
import io
import json
import stat
import sys

import pytest

from interviewcoach import locations
from interviewcoach.store import open_history

from conftest import run_cli as run
from store_helpers import ANSWER, make_attempt


@pytest.fixture
def saved(isolated_home):
    with open_history() as store:
        ids = [
            store.save_attempt(make_attempt(n, question_id=q))
            for n, q in enumerate(["pd-grocery-blind-shoppers", "bh-pivot", "pd-commute-app-nurses"])
        ]
    return ids


def test_empty_history_says_so(capsys):
    assert run(capsys, "history")[1] == "No attempts yet.\n"
    assert "No attempts yet" in run(capsys, "stats")[1]


def test_history_table_newest_first(capsys, saved):
    code, out, _ = run(capsys, "history")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "DATE", "QUESTION", "SCORE", "VERDICT", "CUES", "MISSED", "(↺", "RECOVERED)"]
    assert [line.split()[0] for line in lines[1:]] == ["3", "2", "1"]
    assert "pd-commute-app-nurses" in lines[1]


def test_history_filters_and_json(capsys, saved):
    code, out, _ = run(capsys, "history", "--category", "behavioural", "--json")
    assert code == 0
    (row,) = json.loads(out)
    assert row["question_id"] == "bh-pivot" and row["rubric"] == "behavioural"
    assert set(row) >= {"id", "created_at", "score", "verdict", "hits", "misses"}
    assert len(json.loads(run(capsys, "history", "--limit", "2", "--json")[1])) == 2
    assert json.loads(run(capsys, "history", "--question", "bh-pivot", "--json")[1])[0]["id"] == 2
    assert json.loads(run(capsys, "history", "--since", "2999-01-01", "--json")[1]) == []
    code, _, err = run(capsys, "history", "--limit", "0")
    assert code == 2 and "whole number from 1" in err


def test_history_show_one_attempt_in_full(capsys, saved):
    code, out, _ = run(capsys, "history", "show", "1")
    assert code == 0
    assert out.startswith("Attempt 1, ")
    assert "Design a grocery-shopping app" in out
    assert "Score " in out and "✓ " in out
    assert "Answer:" in out and "Blind shoppers depend on store staff" in out
    assert "Time taken: 1:36 of 7:00" in out
    code, _, err = run(capsys, "history", "show", "42")
    assert code == 1 and "no attempt 42" in err


def test_stats_text_and_json(capsys, isolated_home):
    with open_history() as store:
        for n in range(22):
            store.save_attempt(make_attempt(n))
    code, out, _ = run(capsys, "stats")
    assert code == 0
    assert out.startswith("Attempts: 22")
    assert "Trend: last 10 average" in out and "Weakest cues:" in out
    data = json.loads(run(capsys, "stats", "--json")[1])
    assert data["attempts"] == 22 and data["trend"] == pytest.approx(0.0)
    assert {c["cue"] for c in data["cues"]} >= {"customer_focus", "why", "for_whom", "rollout", "metrics"}


def test_export_formats_and_private_output_file(capsys, saved, tmp_path):
    code, out, _ = run(capsys, "export", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 3 and rows[0]["question_id"] == "pd-grocery-blind-shoppers"
    assert ANSWER[:30] in rows[0]["answer"]
    code, out, _ = run(capsys, "export", "--format", "md")
    assert out.startswith("# interviewcoach history") and out.count("\n## ") == 3
    target = tmp_path / "history.json"
    code, _, err = run(capsys, "export", "--output", str(target))
    assert code == 0 and "Exported 3 attempts" in err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert json.loads(target.read_text())["format"] == "interviewcoach-history"


def test_export_refuses_a_bad_output_path_with_a_clear_error(capsys, saved, tmp_path):
    target = tmp_path / "history.json"
    target.write_text("keep me", "utf-8")
    code, _, err = run(capsys, "export", "--output", str(target))
    assert code == 1 and f"interviewcoach: cannot write {target}: it already exists (--force overwrites it)" in err
    assert target.read_text("utf-8") == "keep me"
    code, _, err = run(capsys, "export", "--output", str(tmp_path / "nowhere" / "h.json"))
    assert code == 1 and "there is no folder" in err and "Traceback" not in err
    code, _, err = run(capsys, "export", "--output", str(tmp_path))
    assert code == 1 and "it is a folder" in err
    assert run(capsys, "export", "--output", str(target), "--force")[0] == 0
    assert json.loads(target.read_text())["format"] == "interviewcoach-history"


def test_import_round_trip_and_twice_adds_nothing(capsys, saved, tmp_path, monkeypatch):
    target = tmp_path / "history.json"
    run(capsys, "export", "--output", str(target))
    before = json.loads(target.read_text())
    monkeypatch.setenv("INTERVIEWCOACH_HOME", str(tmp_path / "new-home"))
    assert run(capsys, "import", str(target))[1] == f"Imported 3 attempts from {target}.\n"
    code, out, _ = run(capsys, "import", str(target))
    assert "Imported 0 attempts" in out and "3 were already in your history" in out
    again = tmp_path / "again.json"
    run(capsys, "export", "--output", str(again))
    after = json.loads(again.read_text())
    assert after["attempts"] == before["attempts"] and after["sessions"] == before["sessions"]


def test_import_rejects_what_is_not_an_export(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else", "attempts": [{"uid": 1}]}')
    code, _, err = run(capsys, "import", str(bad))
    assert code == 2 and "is not an interviewcoach export" in err
    code, _, err = run(capsys, "import", str(tmp_path / "missing.json"))
    assert code == 2 and "cannot read" in err


def test_grade_save_stores_the_attempt(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(ANSWER))
    code, out, err = run(capsys, "grade", "--question", "pd-grocery-blind-shoppers", "--save", "--json")
    assert code == 0
    assert json.loads(out)["question"] == "pd-grocery-blind-shoppers"  # stdout stays pure JSON
    assert "Saved 1 attempt" in err
    with open_history() as store:
        (row,) = store.list_attempts()
        attempt = store.get_attempt(row.id)
    assert attempt.answer == ANSWER and attempt.question_text.startswith("Design a grocery")
    assert attempt.session_uid


def test_grade_batch_save_stores_every_graded_line(capsys, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "\n".join(
            [
                json.dumps({"id": 1, "rubric": "product-design", "answer": ANSWER}),
                "not json",
                json.dumps({"id": 3, "question": "bh-pivot", "answer": "I pivoted after talking to users."}),
            ]
        )
        + "\n"
    )
    code, _, err = run(capsys, "grade", "--batch", str(batch), "--save")
    assert code == 1  # the bad line
    assert "Saved 2 attempts" in err
    with open_history() as store:
        assert store.stats().attempts == 2


def test_a_damaged_history_keeps_the_graded_answer_in_a_file(capsys, monkeypatch, tmp_path):
    path = locations.history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database at all" * 100)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO(ANSWER))
    code, out, err = run(capsys, "grade", "--rubric", "product-design", "--save")
    assert code == 1
    assert out.startswith("Score ")  # the grade is still shown
    assert "is not a readable interviewcoach history" in err and "history repair" in err
    (kept,) = tmp_path.glob("interviewcoach-unsaved-*.json")
    assert f"interviewcoach import {kept}" in err
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert json.loads(kept.read_text())["attempts"][0]["answer"] == ANSWER
    assert path.read_bytes() == b"not a database at all" * 100


def test_history_repair_moves_a_damaged_file_aside_on_request(capsys, isolated_home):
    path = locations.history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage" * 500)
    code, _, err = run(capsys, "history")
    assert code == 1 and str(path) in err
    code, out, _ = run(capsys, "history", "repair")  # no terminal to ask: refuses
    assert code == 1 and "Left as it is" in out and path.exists()
    code, out, _ = run(capsys, "history", "repair", "--yes")
    assert code == 0 and "Moved the damaged history to" in out
    (backup,) = path.parent.glob("history.db.damaged-*")
    assert backup.read_bytes() == b"garbage" * 500
    assert run(capsys, "history")[1] == "No attempts yet.\n"
    assert "nothing to repair" in run(capsys, "history", "repair")[1]


def test_history_drafts_shows_unfinished_answers(capsys, isolated_home):
    from interviewcoach.store import DraftRecord

    assert run(capsys, "history", "drafts")[1] == "No unfinished answers.\n"
    with open_history() as store:
        store.save_draft(
            DraftRecord(key="s/q", text="Blind shoppers depend on staff", question_id="pd-grocery-blind-shoppers")
        )
    code, out, _ = run(capsys, "history", "drafts")
    assert code == 0
    assert "to pd-grocery-blind-shoppers:" in out and "Blind shoppers depend on staff" in out
    (draft,) = json.loads(run(capsys, "history", "drafts", "--json")[1])
    assert draft["text"] == "Blind shoppers depend on staff"
    with open_history() as store:
        store.save_draft(
            DraftRecord(key="story/new", text="Twenty calls", context={"story": {"title": "Twenty calls"}})
        )
    out = run(capsys, "history", "drafts")[1]
    assert "Unfinished story (offered back in the story form)" in out and "Twenty calls" in out
