"""The history store: never lose an answer, keep it private, survive crashes and damage."""

import json
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC
from pathlib import Path

import pytest

from interviewcoach import locations
from interviewcoach.store import (
    DraftRecord,
    ExportFile,
    HistoryTooNew,
    HistoryUnreadable,
    HistoryWriteFailed,
    SessionRecord,
    open_history,
)
from interviewcoach.store.database import move_aside
from interviewcoach.store.schema import MIGRATIONS, SCHEMA_VERSION

from store_helpers import WRITER_SCRIPT, make_attempt

TESTS = str(Path(__file__).parent)


def test_save_and_read_back_everything(isolated_home):
    attempt = make_attempt(notes="Strong on users, no metrics.", overrides={"metrics": True}, ratings={"overall": 4})
    with open_history() as store:
        session = store.start_session(
            SessionRecord(
                mode="peer", candidate="Ada", interviewer="Lin", setup={"level": "pm", "category": "product-design"}
            )
        )
        attempt.session_uid = session.uid
        attempt_id = store.save_attempt(attempt)
        assert store.finish_session(session.uid) == attempt.result.score
        again = store.get_attempt(attempt_id)
    assert again == attempt
    assert again.result == attempt.result  # cues and evidence intact
    assert "metrics" in again.final.hits  # the interviewer's override counts


def test_history_lists_newest_first_with_filters(isolated_home):
    from datetime import datetime, timedelta

    now = datetime.now(UTC)
    with open_history() as store:
        for days, question in ((10, "pd-grocery-blind-shoppers"), (5, "pd-commute-app-nurses"), (1, "bh-pivot")):
            store.save_attempt(make_attempt(question_id=question, created_at=now - timedelta(days=days)))
        rows = store.list_attempts()
        assert [r.question_id for r in rows] == ["bh-pivot", "pd-commute-app-nurses", "pd-grocery-blind-shoppers"]
        assert [r.question_id for r in store.list_attempts(since=now - timedelta(days=6))] == [
            "bh-pivot",
            "pd-commute-app-nurses",
        ]
        assert [r.question_id for r in store.list_attempts(category="behavioural")] == ["bh-pivot"]
        assert [r.question_id for r in store.list_attempts(question_id="pd-commute-app-nurses")] == [
            "pd-commute-app-nurses"
        ]
        assert len(store.list_attempts(limit=2)) == 2
        assert store.practised_question_ids() == {"bh-pivot", "pd-commute-app-nurses", "pd-grocery-blind-shoppers"}


def test_stats_hit_rates_trend_and_weakest(isolated_home):
    with open_history() as store:
        for number in range(25):
            overrides = {"metrics": number >= 15}
            store.save_attempt(make_attempt(number, overrides=overrides))
        figures = store.stats()
    assert figures.attempts == 25
    rates = {c.cue_id: c for c in figures.cues}
    assert rates["metrics"].hits == 10 and rates["metrics"].attempts == 25
    assert figures.last_10_average is not None and figures.previous_10_average is not None
    assert figures.weakest and figures.weakest[0].rate <= figures.weakest[-1].rate


def test_drafts_are_kept_until_the_attempt_is_saved(isolated_home):
    with open_history() as store:
        store.save_draft(DraftRecord(key="s1/q1", text="first words"))
        store.save_draft(DraftRecord(key="s1/q1", text="first words and more"))
        assert [d.text for d in store.drafts()] == ["first words and more"]
        store.save_attempt(make_attempt(), draft_key="s1/q1")
        assert store.drafts() == []
        store.save_draft(DraftRecord(key="s1/q2", text="abandoned"))
        store.discard_draft("s1/q2")
        assert store.drafts() == []


def test_files_are_private(isolated_home):
    with open_history() as store:
        store.save_attempt(make_attempt())
        path = store.path
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            assert stat.S_IMODE(wal.stat().st_mode) & 0o077 == 0


def test_export_import_round_trip_without_loss_and_only_once(isolated_home, tmp_path, monkeypatch):
    with open_history() as store:
        session = store.start_session(SessionRecord(setup={"level": "pm"}))
        for number in range(3):
            store.save_attempt(make_attempt(number, session_uid=session.uid, notes=f"note {number}"))
        exported = store.export()
    text = exported.model_dump_json()
    monkeypatch.setenv("INTERVIEWCOACH_HOME", str(tmp_path / "elsewhere"))
    with open_history() as other:
        assert other.import_file(ExportFile.model_validate_json(text)) == (3, 0)
        assert other.import_file(ExportFile.model_validate_json(text)) == (0, 3)
        again = other.export()
    assert again.attempts == exported.attempts
    assert [s.uid for s in again.sessions] == [s.uid for s in exported.sessions]


def test_migrates_a_database_made_by_schema_1(isolated_home):
    path = locations.history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    attempt = make_attempt()
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0])
    old.execute(
        "INSERT INTO attempts (uid, created_at, question_id, question_text, rubric_id, rubric_version, "
        "answer, result, score, verdict) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            attempt.uid,
            attempt.created_at.isoformat(),
            attempt.question_id,
            attempt.question_text,
            attempt.rubric_id,
            attempt.rubric_version,
            attempt.answer,
            attempt.result.to_json(),
            attempt.result.score,
            attempt.result.verdict,
        ),
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    with open_history() as store:
        ((version,),) = store._read("PRAGMA user_version")
        assert version == SCHEMA_VERSION
        (row,) = store.list_attempts()
        assert row.hits == list(attempt.final.hits) and row.misses == list(attempt.final.misses)
        rates = {c.cue_id: c.attempts for c in store.stats().cues}
        assert rates and set(rates.values()) == {1}
        assert store.get_attempt(row.id).result == attempt.result


def test_a_newer_schema_is_refused_not_damaged(isolated_home):
    path = locations.history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    newer = sqlite3.connect(path)
    newer.execute("PRAGMA user_version = 99")
    newer.commit()
    newer.close()
    with pytest.raises(HistoryTooNew, match="newer interviewcoach"):
        open_history()


@pytest.mark.parametrize(
    "content", [b"hello, this is not a database\n" * 40, b"SQLite format 3\x00" + os.urandom(4000)]
)
def test_a_damaged_file_is_named_never_changed_and_moved_aside_only_on_request(isolated_home, content):
    path = locations.history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    with pytest.raises(HistoryUnreadable) as caught:
        open_history()
    assert str(path) in str(caught.value)
    assert "history repair" in str(caught.value)
    assert path.read_bytes() == content
    backup = move_aside(path)
    assert backup.read_bytes() == content and not path.exists()
    assert backup.name.startswith("history.db.damaged-")
    with open_history() as store:
        store.save_attempt(make_attempt())
        assert store.stats().attempts == 1


def test_a_full_disk_writes_nothing_and_hands_back_the_attempt(isolated_home):
    with open_history() as store:
        store.save_attempt(make_attempt(0))
        ((pages,),) = store._read("PRAGMA page_count")
        store._connection.execute(f"PRAGMA max_page_count = {pages}")
        big = make_attempt(1, answer="x" * 200_000)
        with pytest.raises(HistoryWriteFailed, match="disk is full") as caught:
            store.save_attempt(big)
        assert caught.value.unsaved is big
        assert store.stats().attempts == 1
        assert len(store.list_attempts()) == 1


def test_a_read_only_history_says_so_and_hands_back_the_draft(isolated_home):
    with open_history() as store:
        store._connection.execute("PRAGMA query_only = ON")
        draft = DraftRecord(key="k", text="an answer worth keeping")
        with pytest.raises(HistoryWriteFailed, match="read-only") as caught:
            store.save_draft(draft)
        assert caught.value.unsaved is draft


def run_writer(mode: str, count: int, home: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER_SCRIPT.format(tests=TESTS), mode, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "INTERVIEWCOACH_HOME": str(home)},
    )


def test_a_process_killed_while_saving_loses_no_committed_attempt(isolated_home):
    writer = run_writer("attempts", 100_000, isolated_home)
    committed = 0
    while committed < 25:
        line = writer.stdout.readline()
        assert line, writer.stderr.read()
        committed = int(line)
    writer.kill()  # SIGKILL, mid-stream
    writer.wait()
    with open_history() as store:
        ((check,),) = store._read("PRAGMA integrity_check")
        assert check == "ok"
        assert store.stats().attempts >= committed
        assert len(store.list_attempts(limit=None)) == store.stats().attempts


def test_a_killed_process_draft_is_offered_back(isolated_home):
    writer = run_writer("draft", 0, isolated_home)
    writer.wait()
    assert writer.returncode == -9
    with open_history() as store:
        (draft,) = store.drafts()
    assert draft.text == "half an answer, typed before the crash"
    assert draft.question_id == "pd-grocery-blind-shoppers"


def test_two_processes_write_at_once(isolated_home):
    with open_history():
        pass  # create and migrate first, as the app does on start
    writers = [run_writer(name, 60, isolated_home) for name in ("left", "right")]
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.split()[-1] == "60"
    with open_history() as store:
        assert store.stats().attempts == 120


def test_migration_3_stores_the_final_grade_of_old_attempts(isolated_home):
    """Before schema 3 an attempt raised by probe replies kept the answer's verdict."""
    import sqlite3

    from interviewcoach import locations
    from interviewcoach.grading import grade_answer
    from interviewcoach.store import ProbeExchange
    from interviewcoach.store.schema import MIGRATIONS

    from store_helpers import bundled_only

    answer = make_attempt()
    question = bundled_only().questions[answer.question_id]
    reply = grade_answer(
        "I'd build the label reader first rather than aisle navigation, because it has the "
        "highest impact for the least effort; I'd leave out payments.",
        bundled_only().rubrics[question.rubric],
        question,
        follow_up=True,
    )
    attempt = answer.model_copy(
        update={
            "probes": [ProbeExchange(probe="How would you roll it out?", answer="a pilot", result=reply)],
            "overrides": {"why": False},
        }
    )
    final = attempt.final
    path = locations.history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    old = sqlite3.connect(path)
    for script in MIGRATIONS[:2]:
        old.executescript(script)
    old.execute(
        "INSERT INTO attempts (uid, created_at, rubric_id, rubric_version, answer, probes, result, score, "
        "verdict, overrides, hits, misses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '')",
        (
            attempt.uid,
            attempt.created_at.isoformat(),
            attempt.rubric_id,
            attempt.rubric_version,
            attempt.answer,
            json.dumps([p.model_dump(mode="json") for p in attempt.probes]),
            attempt.result.to_json(),
            final.score,
            attempt.result.verdict,
            json.dumps(attempt.overrides),
        ),
    )
    old.execute("PRAGMA user_version = 2")
    old.commit()
    old.close()
    with open_history() as store:
        (row,) = store.list_attempts()
        assert (row.score, row.verdict, row.hits, row.misses, row.recovered) == (
            final.score,
            final.verdict,
            list(final.hits),
            list(final.misses),
            list(final.recovered),
        )
        hits = {c.cue_id: c.hits for c in store.stats().cues}
        assert hits == {c.id: int(final.is_hit(c.id)) for c in final.cues}
        assert "why" in final.misses and final.recovered and final.raised
