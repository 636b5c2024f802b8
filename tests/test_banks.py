from pathlib import Path

import pytest

from interviewcoach import locations
from interviewcoach.banks import load_library, validate_paths
from interviewcoach.models import Category, Level, Stage
from interviewcoach.problems import ProblemsFound

from conftest import question_toml, rubric_toml


def messages(problems) -> list[str]:
    return [str(problem) for problem in sorted(problems)]


# --- the bundled content -------------------------------------------------------------


def test_bundled_content_loads_without_problems(library):
    assert {"product-design", "behavioural"} <= set(library.rubrics)
    by_category = {c: len(library.find_questions(category=c)) for c in Category}
    assert by_category[Category.PRODUCT_DESIGN] >= 10
    assert by_category[Category.BEHAVIOURAL] >= 10


def test_bundled_questions_name_rubrics_whose_cues_they_extend(library):
    for question in library.questions.values():
        rubric = library.rubrics[question.rubric]
        assert set(question.extra_phrases) <= {cue.id for cue in rubric.cues}


def test_find_questions_filters_combine(library):
    startup_pm = library.find_questions(level=Level.PM, stage=Stage.STARTUP)
    assert startup_pm
    assert all(Level.PM in q.levels and q.stage is Stage.STARTUP for q in startup_pm)
    assert library.find_questions(tag="accessibility")
    assert library.find_questions(tag="no-such-tag") == []


# --- problems, each with file and line ------------------------------------------------


def test_toml_syntax_error_names_file_and_line(write):
    path = write("bank.toml", '[[questions]]\nid = "x"\nprompt = "unterminated\n')
    _, problems = validate_paths([path])
    (message,) = messages(problems)
    assert message.startswith("bank.toml:3: TOML syntax error: ")
    assert message.endswith("(column 23)")


def test_schema_errors_name_line_field_and_question(write):
    path = write(
        "bank.toml",
        "[[questions]]\n"  # 1
        'id = "one"\n'  # 2
        'category = "product-design"\n'
        'rubric = "product-design"\n'
        'levels = ["pm"]\n'  # 5
        "\n"
        "[[questions]]\n"  # 7
        'id = "two"\n'
        'prompt = "Design a bike."\n'
        'category = "product-design"\n'  # 10
        'rubric = "product-design"\n'
        'levels = ["pm",\n'
        '  "seniorpm"]\n'  # 13
        'time_limit_s = "five"\n'  # 14
        'promt = "typo"\n',  # 15
    )
    _, problems = validate_paths([path])
    found = messages(problems)
    assert "bank.toml:1: questions[0]: missing required field 'prompt' (in question 'one')" in found
    assert any(m.startswith("bank.toml:13: questions[1].levels[1]:") and "'seniorpm'" in m for m in found)
    assert any(m.startswith("bank.toml:14: questions[1].time_limit_s:") and "integer" in m for m in found)
    assert "bank.toml:15: questions[1]: unknown field 'promt' (did you mean 'prompt'?) (in question 'two')" in found
    assert len(found) == 4


def test_unknown_rubric_is_reported_with_suggestion(write):
    path = write("bank.toml", question_toml("mine", rubric="prodct-design"))
    _, problems = validate_paths([path])
    (message,) = messages(problems)
    assert message.startswith("bank.toml:5: question 'mine' names rubric 'prodct-design'")
    assert "did you mean 'product-design'?" in message


def test_all_problems_in_one_run_even_beside_invalid_questions(write):
    # A question that is valid is still cross-checked when its neighbour is broken.
    text = question_toml("broken").replace('levels = ["pm"]', "levels = []")
    text += question_toml("good-but-unknown-rubric", rubric="nope")
    path = write("bank.toml", text)
    _, problems = validate_paths([path])
    found = messages(problems)
    assert len(found) == 2
    assert any("levels" in m for m in found)
    assert any("names rubric 'nope'" in m for m in found)


def test_duplicate_ids_across_files_point_at_the_first(write):
    first = write("a.toml", question_toml("same", rubric="test-rubric") + "\n")
    second = write("b.toml", question_toml("same", rubric="test-rubric"))
    rubric = write("r.toml", rubric_toml("test-rubric"))
    rubric_again = write("r2.toml", rubric_toml("test-rubric"))
    _, problems = validate_paths([first, second, rubric, rubric_again])
    assert messages(problems) == [
        "b.toml:2: question id 'same' is already used by a.toml:2",
        "r2.toml:1: rubric id 'test-rubric' is already used by r.toml:1",
    ]


def test_rubric_problems_weights_and_repeated_cue_ids(write):
    text = rubric_toml("r").replace("weight = 1.0", "weight = -2")
    text += text[text.index("[[cues]]") :].replace("weight = -2", "weight = 1")
    path = write("rubrics/r.toml", text)
    _, problems = validate_paths([path])
    found = messages(problems)
    assert any(m.startswith("rubrics/r.toml:9: cues[0].weight: Input should be greater than 0") for m in found)
    assert any("cue id 'why' is used twice" in m for m in found)


def test_questions_of_a_broken_rubric_are_not_blamed_twice(write):
    rubric = write("r.toml", rubric_toml("mine").replace('title = "Test rubric"\n', ""))
    bank = write("q.toml", question_toml("q", rubric="mine"))
    _, problems = validate_paths([rubric, bank])
    assert messages(problems) == ["r.toml: missing required field 'title'"]


def test_extra_phrases_must_name_cues_of_the_rubric(write):
    text = question_toml("q", rubric="product-design") + '[questions.extra_phrases]\nfor_who = ["x"]\n'
    path = write("q.toml", text)
    _, problems = validate_paths([path])
    (message,) = messages(problems)
    assert message.startswith("q.toml:9: question 'q': rubric 'product-design' has no cue 'for_who'")
    assert "did you mean 'for_whom'?" in message


def test_unrecognised_unreadable_and_missing_files(write, tmp_path):
    neither = write("notes.toml", 'title = "just notes"\n')
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00junk")
    _, problems = validate_paths([neither, binary, tmp_path / "missing.toml"])
    found = messages(problems)
    assert any(m.startswith("binary.toml: not UTF-8 text") for m in found)
    assert "missing.toml: no such file or folder" in found
    assert any(m.startswith("notes.toml: neither a question bank") for m in found)


def test_a_folder_is_searched_for_toml_files(write, tmp_path):
    write("mine/rubrics/r.toml", rubric_toml("r"))
    write("mine/deeper/q.toml", question_toml("q", rubric="r"))
    write("mine/readme.txt", "not toml")
    library, problems = validate_paths([tmp_path / "mine"])
    assert problems == []
    assert set(library.questions) == {"q"} and set(library.rubrics) == {"r"}


# --- the user's own content beside the bundled one -------------------------------------


def test_user_banks_folder_is_loaded_beside_bundled(isolated_home):
    user_dir = locations.user_banks_dir()
    user_dir.mkdir(parents=True)
    (user_dir / "mine.toml").write_text(question_toml("my-question", rubric="product-design"))
    library = load_library()
    assert "my-question" in library.questions
    assert "pd-grocery-blind-shoppers" in library.questions


def test_bank_dir_option_is_loaded_and_may_bring_rubrics(write, tmp_path):
    write("extra/r.toml", rubric_toml("team-rubric"))
    write("extra/q.toml", question_toml("team-question", rubric="team-rubric"))
    library = load_library([tmp_path / "extra"])
    assert library.questions["team-question"].rubric == "team-rubric"


def test_clash_with_bundled_ids_stops_loading_with_every_problem(isolated_home):
    user_dir = locations.user_banks_dir()
    user_dir.mkdir(parents=True)
    (user_dir / "clash.toml").write_text(
        question_toml("pd-grocery-blind-shoppers", rubric="product-design")
        + question_toml("other", rubric="missing-rubric")
    )
    with pytest.raises(ProblemsFound) as caught:
        load_library()
    found = [str(p) for p in caught.value.problems]
    assert len(found) == 2
    assert any("question id 'pd-grocery-blind-shoppers' is already used by" in m for m in found)
    assert any("names rubric 'missing-rubric'" in m for m in found)


def test_bundled_data_is_found(library):
    assert locations.bundled_banks_dir().is_dir()
    assert locations.bundled_rubrics_dir().is_dir()
    assert Path(locations.bundled_banks_dir(), "product-design.toml").is_file()


def test_phrase_syntax_is_checked_with_file_and_line(write):
    rubric = write(
        "mine.toml",
        rubric_toml("r").replace('phrases = ["because"]', 'phrases = ["because", "can\'t|cannot afford", "..."]'),
    )
    bank = write("bank.toml", question_toml("q", rubric="r") + '[questions.extra_phrases]\nwhy = ["{number}"]\n')
    _, problems = validate_paths([rubric, bank])
    found = messages(problems)
    assert any(
        m.startswith(
            "mine.toml:10: cue 'why': phrase \"can't|cannot afford\": alternative \"can't\" is not a single word"
        )
        for m in found
    ), found
    assert any("phrase '...' has no word to match" in m for m in found)
    assert any(m.startswith("bank.toml:9: question 'q': phrase '{number}' has no word to match") for m in found), found
