"""`interviewcoach grade`: the readable report, --json, and the --batch contract."""

import io
import json
import re
import subprocess
import sys

import pytest

from interviewcoach.commands import grade as grade_command

from conftest import run_cli as run

ANSWER = """Blind shoppers today depend on a friend or store staff to read labels and prices,
and they told us in interviews that they hate losing their independence. I'd focus on fully
blind people who shop alone in big stores, because their pain is sharpest. We'd run a pilot
with 200 users in Leeds and train store staff before a wider launch. Success is the share of
trips completed without sighted help, with misread labels as a guardrail."""


@pytest.fixture
def answer_file(tmp_path):
    path = tmp_path / "answer.txt"
    path.write_text(ANSWER, encoding="utf-8")
    return path


def test_report_shows_score_cues_quoted_evidence_and_tips(capsys, answer_file):
    code, out, _ = run(capsys, "grade", str(answer_file), "--rubric", "product-design")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("Score ") and "/100" in first and "Product design rubric" in first
    assert "✓ Customer focus" in out
    assert '"wider launch"  <- ' in out
    assert "✗ Trade-offs and prioritisation" in out or "✓ Trade-offs and prioritisation" in out
    # Each missed cue carries its tip and a hit cue none (the report, not the grader, is tested).
    cue_blocks = re.split(r"\n(?=[✓✗] )", out.split("\n\n  Note:")[0])[1:]
    assert cue_blocks and any(block.startswith("✗") for block in cue_blocks)
    for block in cue_blocks:
        assert ("Tip: " in block) == block.startswith("✗"), block


def test_json_output_is_the_full_result(capsys, answer_file):
    code, out, _ = run(capsys, "grade", str(answer_file), "--question", "pd-grocery-blind-shoppers", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["question"] == "pd-grocery-blind-shoppers"
    assert result["rubric"] == "product-design"
    cues = {c["id"]: c for c in result["cues"]}
    assert cues["rollout"]["hit"] is True
    for cue in cues.values():
        for evidence in cue["evidence"]:
            assert ANSWER[evidence["start"] : evidence["end"]] == evidence["text"]


def test_reads_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(ANSWER))
    code, out, _ = run(capsys, "grade", "--rubric", "product-design", "--json")
    assert code == 0
    assert json.loads(out)["word_count"] > 50


@pytest.mark.parametrize(
    "argv, message",
    [
        (
            ("--question", "pd-grocery"),
            "unknown question 'pd-grocery'. Did you mean 'pd-grocery-blind-shoppers'? Known questions: ",
        ),
        (("--rubric", "design"), "unknown rubric 'design'."),
        ((), "say what to grade against: --rubric ID or --question QID"),
    ],
)
def test_bad_targets_are_clear_usage_errors(capsys, answer_file, argv, message):
    code, _, err = run(capsys, "grade", str(answer_file), *argv)
    assert code == 2
    assert message in err
    if "Known questions" in message:
        assert "bh-pivot" in err  # every id is listed


def test_unreadable_answer_files_are_usage_errors(capsys, tmp_path):
    binary = tmp_path / "answer.bin"
    binary.write_bytes(b"\xff\xfe\xfa")
    code, _, err = run(capsys, "grade", str(binary), "--rubric", "product-design")
    assert code == 2 and "not UTF-8 text" in err
    code, _, err = run(capsys, "grade", str(tmp_path / "missing.txt"), "--rubric", "product-design")
    assert code == 2 and "No such file" in err


def write_batch(tmp_path, lines):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_batch_writes_the_documented_contract_in_order(capsys, tmp_path):
    path = write_batch(
        tmp_path,
        [
            json.dumps({"id": "a", "rubric": "product-design", "answer": ANSWER}),
            json.dumps({"id": 2, "question": "bh-pivot", "answer": "I pivoted."}),
        ],
    )
    code, out, _ = run(capsys, "grade", "--batch", str(path))
    assert code == 0
    first, second = [json.loads(line) for line in out.splitlines()]
    assert first["id"] == "a" and second["id"] == 2
    assert set(first) == {"id", "rubric", "score", "verdict", "cues", "relevance"}
    assert first["relevance"] is None  # graded with a rubric alone: relevance not judged
    assert second["rubric"] == "behavioural" and second["verdict"] == "insufficient"
    assert 0 <= first["score"] <= 100
    for cue in first["cues"].values():
        assert set(cue) == {"hit", "strength", "negated", "evidence"}
        assert isinstance(cue["hit"], bool) and 0 <= cue["strength"] <= 1
        for evidence in cue["evidence"]:
            assert set(evidence) == {"start", "end", "text", "phrase", "how"}
            assert evidence["how"] in ("exact", "stem", "typo", "fuzzy")
            assert ANSWER[evidence["start"] : evidence["end"]] == evidence["text"]


def test_batch_bad_lines_get_errors_and_the_rest_still_run(capsys, tmp_path):
    path = write_batch(
        tmp_path,
        [
            "not json",
            json.dumps({"id": 2, "question": "nope", "answer": "x"}),
            json.dumps({"id": 3, "rubric": "behavioural"}),
            "",
            json.dumps({"id": 4, "rubric": "product-design", "question": "bh-pivot", "answer": "x"}),
            json.dumps([1, 2]),
            json.dumps({"id": 6, "rubric": "product-design", "answer": ANSWER}),
        ],
    )
    code, out, _ = run(capsys, "grade", "--batch", str(path))
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 6  # the blank line is skipped
    assert rows[0] == {"id": None, "error": "line 1: not valid JSON (Expecting value)"}
    assert rows[1]["id"] == 2 and "unknown question 'nope'" in rows[1]["error"]
    assert rows[2]["id"] == 3 and '"answer" must be a string' in rows[2]["error"]
    assert rows[3]["id"] == 4 and "exactly one of" in rows[3]["error"]
    assert "expected a JSON object" in rows[4]["error"]
    assert rows[5]["id"] == 6 and "score" in rows[5]


def test_a_long_batch_is_graded_in_parallel_in_order(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(grade_command, "PARALLEL_FROM", 20)
    monkeypatch.setattr(grade_command, "CHUNK_LINES", 30)
    lines = [json.dumps({"id": i, "rubric": "product-design", "answer": f"{ANSWER} Number {i}."}) for i in range(75)]
    code, out, _ = run(capsys, "grade", "--batch", str(write_batch(tmp_path, lines)))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["id"] for row in rows] == list(range(75))
    assert len({row["score"] for row in rows}) == 1


HOSPITAL = "Patients often misunderstand their instructions when they leave hospital. Design a product to fix that."
GROCERY = "Design a grocery-shopping app for people who are blind or have low vision."


def test_a_prompt_judges_relevance_and_says_first_what_never_came_up(capsys, answer_file):
    code, out, _ = run(capsys, "grade", str(answer_file), "--rubric", "product-design", "--prompt", HOSPITAL)
    assert code == 0
    lines = out.splitlines()
    assert "(off-question)" in lines[0] and 'the prompt "Patients often' in lines[0]
    assert lines[2].startswith("This answer doesn't address the question")
    assert "patients" in lines[2] or "patients" in lines[3]
    code, out, _ = run(capsys, "grade", str(answer_file), "--rubric", "product-design", "--prompt", GROCERY)
    assert code == 0 and "(off-question)" not in out.splitlines()[0]


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--question", "pd-hospital-discharge", "--prompt", "x"], "a question brings its own prompt"),
        (["--rubric", "product-design", "--prompt", "   "], "the prompt is empty"),
    ],
)
def test_a_prompt_needs_a_rubric_and_words(capsys, answer_file, extra, message):
    code, _, err = run(capsys, "grade", str(answer_file), *extra)
    assert code == 2 and message in err


def test_batch_lines_take_a_prompt_and_report_relevance(capsys, tmp_path):
    path = write_batch(
        tmp_path,
        [
            json.dumps({"id": 1, "rubric": "product-design", "prompt": HOSPITAL, "answer": ANSWER}),
            json.dumps({"id": 2, "rubric": "product-design", "prompt": GROCERY, "answer": ANSWER}),
            json.dumps({"id": 3, "question": "pd-hospital-discharge", "answer": ANSWER}),
            json.dumps({"id": 4, "question": "pd-hospital-discharge", "prompt": GROCERY, "answer": ANSWER}),
            json.dumps({"id": 5, "rubric": "product-design", "prompt": 7, "answer": ANSWER}),
        ],
    )
    code, out, _ = run(capsys, "grade", "--batch", str(path))
    assert code == 1
    rows = {row["id"]: row for row in map(json.loads, out.splitlines())}
    assert rows[1]["verdict"] == "off-question" and rows[1]["score"] <= 20
    assert rows[1]["relevance"]["on_question"] is False and rows[1]["relevance"]["missing"]
    assert not any(cue["hit"] for cue in rows[1]["cues"].values())
    assert rows[2]["verdict"] != "off-question" and rows[2]["relevance"]["on_question"] is True
    assert rows[3]["verdict"] == "off-question"
    assert "a question brings its own prompt" in rows[4]["error"]
    assert '"prompt" must be a string' in rows[5]["error"]


def test_batch_and_options_do_not_mix(capsys, tmp_path):
    path = write_batch(tmp_path, [json.dumps({"id": 1, "rubric": "behavioural", "answer": "x"})])
    code, _, err = run(capsys, "grade", "--batch", str(path), "--rubric", "behavioural")
    assert code == 2 and "--batch takes the rubric" in err


def test_batch_from_a_subprocess_with_standard_input(isolated_home):
    line = json.dumps({"id": 1, "rubric": "product-design", "answer": ANSWER})
    result = subprocess.run(
        [sys.executable, "-m", "interviewcoach", "grade", "--batch", "-"],
        input=line + "\n",
        capture_output=True,
        text=True,
        env={"INTERVIEWCOACH_HOME": str(isolated_home), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == 1
