"""The story bank's library: the story model and its files, grading and the tips, the
themes, the fit ranking, coverage and the repeat rule, the prep sheet, and what the
history records. No Textual here."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from interviewcoach import locations
from interviewcoach.grading.result import CueResult, Evidence, GradeResult
from interviewcoach.models import Question
from interviewcoach.stories.coverage import OVERUSED_FROM, RECENT_PICKS, build_coverage, overused, times_used
from interviewcoach.stories.fit import rank_stories, shared_words
from interviewcoach.stories.grade import (
    grade_story,
    result_has_number,
    story_rubric,
    stronger_tips,
    told_as_we,
)
from interviewcoach.stories.model import Story
from interviewcoach.stories.prep_sheet import prep_sheet, star_outline
from interviewcoach.stories.shelf import (
    SavedStory,
    StoryChangedOnDisk,
    delete_story,
    read_stories,
    save_story,
    story_id_for,
    story_toml,
)
from interviewcoach.stories.themes import SETTING_TAGS, story_themes

from fakes import fixed_grade
from story_helpers import CALLS, LAUNCH, REWRITE, story_library

GOOD_STORY = Story(
    title="Pulled the payments launch",
    themes=["failure", "launch"],
    situation=(
        "At my last company, a fintech startup, I was the PM for the checkout team and we were two weeks "
        "before our biggest launch."
    ),
    task="It was my call whether to ship on the original date.",
    action=(
        "I pulled the error logs, I met with the two engineers and I called five of our largest merchants "
        "who told us the retry flow confused them."
    ),
    result="We delayed by a week; as a result failed payments fell from 4% to 1.5% within a month.",
    learned="I learned to test with real merchants earlier; next time I would run the beta sooner.",
)


def behavioural(prompt: str, **fields) -> Question:
    data = {"id": "q", "prompt": prompt, "category": "behavioural", "rubric": "behavioural", "levels": ["pm"]}
    return Question.model_validate({**data, **fields})


def saved(story: Story, story_id: str = "s") -> SavedStory:
    return SavedStory(story_id, Path(f"{story_id}.toml"), story)


# --- the model -------------------------------------------------------------------------------


def test_a_story_is_its_free_text_then_its_parts_with_hand_wrapped_lines_joined():
    story = Story(title="t", story="Line one\nwrapped.\n\nNew paragraph.", task="My task.", result="  ")
    assert story.text() == "Line one wrapped.\n\nNew paragraph.\n\nMy task."
    assert story.parts() == [("task", "My task.")]


def test_a_story_needs_a_title_and_nothing_else():
    assert Story(title="Only a title").text() == ""
    with pytest.raises(ValidationError):
        Story.model_validate({"title": "  "})


@pytest.mark.parametrize(
    "data",
    [
        {"title": "t", "themes": ["failure", "failure"]},
        {"title": "t", "themes": ["Failure"]},
        {"title": "t", "colour": "blue"},
        {"title": "t", "attempts": [0]},
    ],
)
def test_bad_story_data_is_refused(data):
    with pytest.raises(ValidationError):
        Story.model_validate(data)


# --- files -----------------------------------------------------------------------------------


def test_a_saved_story_reads_back_owner_only(isolated_home):
    story_id = save_story(GOOD_STORY)
    assert story_id == "pulled-the-payments-launch"
    path = locations.stories_dir() / f"{story_id}.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    shelf = read_stories()
    assert shelf.problems == []
    assert [(s.id, s.story) for s in shelf.stories] == [(story_id, GOOD_STORY)]


def test_editing_keeps_the_file_and_a_new_story_with_the_same_title_gets_its_own(isolated_home):
    first = save_story(GOOD_STORY)
    assert save_story(GOOD_STORY.model_copy(update={"title": "Renamed"}), first) == first
    assert save_story(GOOD_STORY.model_copy(update={"title": "Renamed"})) == "renamed"
    assert save_story(GOOD_STORY.model_copy(update={"title": "Renamed"})) == "renamed-2"
    assert [s.story.title for s in read_stories().stories] == ["Renamed", "Renamed", "Renamed"]


def test_ids_from_titles_with_emoji_and_accents():
    assert story_id_for("Café launch 🚀", set()) == "cafe-launch"
    assert story_id_for("🚀🚀", set()) == "story"
    assert story_id_for("🚀", {"story"}) == "story-2"


def test_emoji_and_a_5000_word_story_save_and_grade(isolated_home):
    long_story = Story(title="Long 🚀", story=" ".join(["I shipped the launch at Acme and it worked."] * 560))
    story_id = save_story(long_story)
    loaded = read_stories().get(story_id)
    assert loaded is not None and loaded.story == long_story
    grade = grade_story(loaded, story_rubric(story_library()) or pytest.fail("no rubric"))
    assert grade.verdict in ("strong", "solid", "partial", "weak", "insufficient")


def test_a_broken_file_is_reported_by_line_and_the_others_still_load(isolated_home, monkeypatch):
    save_story(GOOD_STORY)
    folder = locations.stories_dir()
    (folder / "bad.toml").write_text('title = "Hand-written"\nthemes = ["Failure"]\ncolour = "blue"\n', "utf-8")
    (folder / "syntax.toml").write_text('title = "Broken\n', "utf-8")
    monkeypatch.chdir(folder)
    shelf = read_stories()
    assert [s.id for s in shelf.stories] == ["pulled-the-payments-launch"]
    shown = [str(problem) for problem in shelf.problems]
    assert any(line.startswith("bad.toml:2: themes[0]") for line in shown), shown
    assert any(line.startswith("bad.toml:3: unknown field 'colour'") for line in shown), shown
    assert any(line.startswith("syntax.toml:1: TOML syntax error") for line in shown), shown


def test_a_deleted_story_is_moved_aside_not_lost(isolated_home):
    story_id = save_story(GOOD_STORY)
    moved = delete_story(story_id)
    assert moved.parent == locations.stories_dir() / "deleted"
    assert read_stories().stories == []
    assert "Pulled the payments launch" in moved.read_text("utf-8")


def test_a_hand_written_theme_is_checked_in_plain_words_with_its_fix(isolated_home, monkeypatch):
    folder = locations.stories_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('title = "Mine"\nthemes = ["failure", "Customer Feedback"]\n', "utf-8")
    monkeypatch.chdir(folder)
    (problem,) = read_stories().problems
    assert str(problem) == (
        "mine.toml:2: themes[1]: lowercase words with dashes, e.g. `failure` "
        "(did you mean `customer-feedback`?), got 'Customer Feedback'"
    )


def test_themes_no_question_asks_name_the_likely_typo():
    from interviewcoach.stories.themes import theme_form, unasked_themes

    assert unasked_themes(["failure", "confict", "my-own"], ["failure", "conflict"]) == [
        "confict (did you mean conflict?)",
        "my-own",
    ]
    assert unasked_themes(["anything"], []) == []  # nothing asks: nothing to say
    assert theme_form("Customer Feedback!") == "customer-feedback"


def test_a_deleted_storys_id_is_never_given_to_a_new_story(isolated_home):
    first = save_story(GOOD_STORY)
    delete_story(first)
    # Same title again: the old id's attempts must not become the new story's history.
    second = save_story(GOOD_STORY)
    assert second == f"{first}-2"
    delete_story(second)
    assert save_story(GOOD_STORY) == f"{first}-3"


def test_an_id_the_history_records_is_never_reused(isolated_home):
    # A story file removed by hand leaves no deleted/ copy; its attempts still name it.
    assert save_story(GOOD_STORY, used={"pulled-the-payments-launch"}) == "pulled-the-payments-launch-2"


def test_saving_refuses_to_overwrite_a_hand_edit_made_meanwhile(isolated_home):
    story_id = save_story(GOOD_STORY)
    (read,) = read_stories().stories
    assert read.stamp is not None
    # Saving over the file as it was read works, and again with the new stamp.
    save_story(GOOD_STORY.model_copy(update={"where": "Acme"}), story_id, expected=read.stamp)
    with pytest.raises(StoryChangedOnDisk):
        save_story(GOOD_STORY, story_id, expected=read.stamp)  # stale: the file changed since
    (again,) = read_stories().stories
    read.path.write_text(read.path.read_text("utf-8") + "# my note\n", "utf-8")  # a hand edit
    with pytest.raises(StoryChangedOnDisk):
        save_story(GOOD_STORY, story_id, expected=again.stamp)
    assert "# my note" in read.path.read_text("utf-8")
    save_story(GOOD_STORY, story_id)  # asked to overwrite: no stamp, no check
    assert "# my note" not in read.path.read_text("utf-8")


def test_a_saved_file_holds_only_the_fields_written_and_says_comments_go():
    text = story_toml(Story(title="Short", story="I did it."))
    fields = [line.split(" = ")[0] for line in text.splitlines() if " = " in line and not line.startswith("#")]
    assert fields == ["title", "story"]
    assert "comments you add are not kept" in text


# --- grading and what would make it stronger ---------------------------------------------------


def test_a_story_is_graded_with_the_behavioural_rubric(library):
    rubric = story_rubric(library)
    assert rubric is not None and rubric.id == "behavioural"
    grade = grade_story(saved(GOOD_STORY), rubric)
    assert grade.verdict in ("strong", "solid")
    assert grade.good
    assert grade.text == GOOD_STORY.text()
    # The evidence points into the text as graded, as the feedback screen's does.
    for cue in grade.final.cues:
        for evidence in cue.evidence:
            assert grade.text[evidence.start : evidence.end] == evidence.text


def test_an_empty_story_grades_as_insufficient_and_says_why(library):
    grade = grade_story(saved(Story(title="Nothing yet")), story_rubric(library))
    assert grade.verdict == "insufficient"
    assert not grade.good
    assert grade.tips and grade.tips[0] == grade.final.result.lead_notes[0]


def test_told_as_we():
    assert told_as_we("We planned it. We argued with the lead and we shipped our part.")
    assert not told_as_we("I planned it. We argued, and I shipped my part.")
    assert not told_as_we("We shipped it.")  # once is not a habit


def _evidence(sentence: str) -> list[Evidence]:
    return [Evidence(0, 1, sentence[:1], "x", "exact", sentence, 1.0)]


def test_result_has_number():
    assert result_has_number(_evidence("As a result churn fell from 9% to 6%."))
    assert result_has_number(_evidence("Within two months sign-ups doubled."))
    assert not result_has_number(_evidence("As a result customers were much happier."))


def _cue(cue_id: str, hit: bool, strength: float, sentence: str = "", weight: float = 1.0) -> CueResult:
    evidence = _evidence(sentence) if sentence else []
    return CueResult(
        cue_id,
        cue_id.capitalize(),
        hit,
        strength,
        False,
        weight,
        evidence,
        tip=None if hit else f"Show {cue_id}. More.",
    )


def test_tips_come_from_the_grade_findings_most_important_first():
    cues = [
        _cue("situation", True, 0.9, "At Acme."),
        _cue("action", False, 0.0, weight=1.5),
        _cue("result", True, 0.5, "As a result they were happier."),
        _cue("reflection", False, 0.0, weight=0.5),
    ]
    result = GradeResult("behavioural", 1, None, 40, "partial", cues, 120, ["Says little that is specific."])
    tips = stronger_tips(result, "We did it. We argued and we shipped.")
    assert tips == [
        "No action: Show action.",
        "No reflection: Show reflection.",
        'The task reads as the team\'s, not yours: you say "we" more than "I". Say what you did and decided.',
        "No number in the result: say how much changed (retention up 4 points, two weeks saved).",
        "Result is thin: one general sentence. Say more, and name something specific: who, what, how many.",
        "Says little that is specific.",
    ]


def test_a_strong_story_has_nothing_to_add():
    cues = [_cue("situation", True, 0.9, "At Acme."), _cue("result", True, 0.9, "Churn fell 3 points.")]
    result = GradeResult("behavioural", 1, None, 90, "strong", cues, 200, [])
    assert stronger_tips(result, "I did it.") == []


# --- themes ----------------------------------------------------------------------------------


def test_themes_are_behavioural_tags_less_the_setting_most_asked_first(library):
    themes = story_themes(library)
    tags = [theme.tag for theme in themes]
    assert {"failure", "conflict", "influence", "prioritisation", "customers"} <= set(tags)
    assert not set(tags) & SETTING_TAGS
    counts = [len(theme.questions) for theme in themes]
    assert counts == sorted(counts, reverse=True)
    # Tags of other categories are not themes.
    assert "north-star" not in tags


def test_a_users_own_question_adds_a_theme(library):
    from interviewcoach.banks import Library

    own = behavioural("Tell me about a negotiation with a vendor.", id="my-negotiation", tags=["negotiation", "b2b"])
    mine = Library(rubrics=library.rubrics, questions={**library.questions, own.id: own})
    tags = [theme.tag for theme in story_themes(mine)]
    assert "negotiation" in tags and "negotiation" not in [t.tag for t in story_themes(library)]


# --- which story fits ------------------------------------------------------------------------


def test_the_story_tagged_with_the_questions_theme_fits_best():
    question = story_library().questions["st-conflict"]
    fits = rank_stories(question, [saved(LAUNCH, "launch"), saved(REWRITE, "rewrite"), saved(CALLS, "calls")])
    assert fits[0].saved.id == "rewrite"
    assert fits[0].themes == ("conflict",)
    assert fits[0].fit > fits[1].fit


def test_word_forms_match_by_rapidfuzz():
    assert shared_words(["disagreed", "engineer", "data"], ["disagreement", "engineering", "date"]) == [
        "disagreed",
        "engineer",
    ]


def test_without_themes_the_words_of_title_and_story_decide():
    question = behavioural("Tell me about customer calls that changed a roadmap.")
    fits = rank_stories(question, [saved(LAUNCH, "launch"), saved(CALLS, "calls")])
    assert [fit.saved.id for fit in fits] == ["calls", "launch"]
    assert "customer" in fits[0].words and fits[1].fit == 0


def test_ties_go_to_the_stronger_story():
    question = story_library().questions["st-customers"]
    a, b = saved(CALLS, "a"), saved(CALLS.model_copy(update={"title": "Twenty customer calls"}), "b")
    rubric = story_library().rubrics["behavioural"]
    grades = {"a": grade_story(a, rubric, fixed_grade), "b": grade_story(saved(LAUNCH, "b"), rubric, fixed_grade)}
    assert [fit.saved.id for fit in rank_stories(question, [a, b], grades)] == ["b", "a"]


# --- coverage --------------------------------------------------------------------------------


def test_coverage_marks_themes_with_no_story_or_only_a_weak_one():
    library = story_library()
    rubric = library.rubrics["behavioural"]
    stories = [
        saved(LAUNCH, "launch"),
        saved(REWRITE, "rewrite"),
        saved(CALLS.model_copy(update={"themes": ["customers", "mine"]}), "calls"),
    ]
    grades = {s.id: grade_story(s, rubric, fixed_grade) for s in stories}
    coverage = build_coverage(story_themes(library), stories, grades)
    status = {row.theme.tag: row.status for row in coverage.rows}
    assert status["failure"] == "covered"
    assert status["conflict"] == "weak"  # the rewrite story is weak
    assert status["prioritisation"] == "none"
    assert [row.theme.tag for row in coverage.uncovered] == ["ambiguity", "influence", "prioritisation"]
    assert coverage.unasked == ("mine",)
    row = next(row for row in coverage.rows if row.theme.tag == "failure")
    assert row.cell("launch") is not None and row.cell("rewrite") is None


def test_a_story_picked_for_3_of_the_last_10_answers_is_overused():
    stories = [saved(LAUNCH, "launch"), saved(REWRITE, "rewrite")]
    picks = ["launch", "rewrite", "launch", "x", "launch"] + ["rewrite"] * 10
    found = overused(picks, stories)
    assert [(o.story_id, o.picks, o.of) for o in found] == [("rewrite", 6, RECENT_PICKS), ("launch", 3, RECENT_PICKS)]
    assert OVERUSED_FROM == 3
    assert overused(["launch", "launch", "rewrite"], stories) == []
    # Only the latest picks count: three picks long ago do not.
    assert overused(["rewrite"] * RECENT_PICKS + ["launch"] * 3, stories)[0].story_id == "rewrite"
    assert len(overused(["rewrite"] * RECENT_PICKS + ["launch"] * 3, stories)) == 1


def test_a_deleted_story_is_not_reported_overused():
    stories = [saved(LAUNCH, "launch")]
    found = overused(["gone"] * 4 + ["launch"] * 3, stories)
    assert [(o.story_id, o.title) for o in found] == [("launch", LAUNCH.title)]
    assert all(o.title != o.story_id for o in found)


def test_times_used_counts_picks_and_hand_links_once():
    story = saved(LAUNCH.model_copy(update={"attempts": [3, 7]}), "launch")
    assert times_used(story, {"launch": [7, 9]}) == 3


# --- the prep sheet --------------------------------------------------------------------------


def test_the_prep_sheet_gives_each_story_in_star_form_with_its_themes():
    rubric = story_library().rubrics["behavioural"]
    stories = [saved(LAUNCH, "launch"), saved(CALLS, "calls")]
    grades = {s.id: grade_story(s, rubric, fixed_grade) for s in stories}
    sheet = prep_sheet(stories, grades)
    assert "## The launch I pulled (Acme payments, 2023)" in sheet
    assert "Themes: failure, launch · 100/100 (strong)" in sheet
    assert "- **T** It was my call whether to ship on the original date." in sheet
    # A free-text story gives, for each part, the sentence the grader read as it.
    assert star_outline(stories[1], grades["calls"])[0][0] == "S"
    assert prep_sheet([], {}).startswith("# Your stories\n\nNo stories yet")


def _outline_cue(cue_id: str, hit: bool, *evidence: tuple[str, float]) -> CueResult:
    found = [Evidence(0, 1, "x", "x", "exact", sentence, weight) for sentence, weight in evidence]
    return CueResult(cue_id, cue_id.capitalize(), hit, 0.8 if hit else 0.3, False, 1.0, found)


def test_a_free_text_outline_gives_hit_cues_their_strongest_sentence_once():
    from interviewcoach.final_grade import final_grade
    from interviewcoach.stories.grade import StoryGrade

    weak, strong, missed, result = "At Bloom.", "At Bloom I owned the booking page.", "I tried.", "Bookings rose 22%."
    cues = [
        _outline_cue("situation", True, (weak, 0.3), (strong, 0.9)),
        _outline_cue("task", True, (strong, 0.8)),  # its only sentence is the situation's: left out
        _outline_cue("action", False, (missed, 0.4)),  # not hit: its sentence is not an action
        _outline_cue("result", True, (result, 0.7)),
    ]
    grade_result = GradeResult("behavioural", 1, None, 60, "solid", cues, 20, [])
    story = saved(Story(title="Calls", story=" ".join([weak, strong, missed, result])), "calls")
    grade = StoryGrade("calls", story.story.text(), final_grade(grade_result), ())
    assert star_outline(story, grade) == [("S", strong), ("R", result)]
    # Nothing read as a part (no grade, or no cue hit): the story's own text.
    assert star_outline(story, None) == [("Story", story.story.text())]
    nothing = GradeResult("behavioural", 1, None, 10, "weak", [_outline_cue("action", False, (missed, 0.4))], 20, [])
    assert star_outline(story, StoryGrade("calls", "", final_grade(nothing), ())) == [("Story", story.story.text())]
    assert star_outline(saved(Story(title="Empty"), "empty"), None) == []
    sheet = prep_sheet([story], {"calls": grade})
    assert f"- **S** {strong}" in sheet and f"- **R** {result}" in sheet and missed not in sheet


# --- what the history records ----------------------------------------------------------------


def test_an_attempt_records_its_story_and_the_history_counts_the_picks(isolated_home):
    from interviewcoach.store import open_history
    from interviewcoach.store.records import AttemptRecord
    from interviewcoach.store.stories import recent_story_picks, story_uses

    library = story_library()
    rubric = library.rubrics["behavioural"]
    question = library.questions["st-failure"]
    with open_history() as store:
        ids = []
        for story_id in ("launch", None, "launch", "calls"):
            record = AttemptRecord.of(fixed_grade("I did it", rubric), "I did it", rubric, question, story_id=story_id)
            ids.append(store.save_attempt(record))
        assert story_uses(store) == {"launch": [ids[0], ids[2]], "calls": [ids[3]]}
        assert recent_story_picks(store, 2) == ["calls", "launch"]
        exported = store.export()
    assert [a.story_id for a in exported.attempts] == ["launch", None, "launch", "calls"]


def test_a_history_from_before_the_story_bank_is_migrated(tmp_path):
    import sqlite3

    from interviewcoach.store import open_history
    from interviewcoach.store.schema import MIGRATIONS, SCHEMA_VERSION

    path = tmp_path / "old.db"
    connection = sqlite3.connect(path)
    for script in MIGRATIONS[:5]:
        connection.executescript(script)
    connection.execute("PRAGMA user_version = 5")
    connection.commit()
    connection.close()
    with open_history(path) as store:
        assert store._read("PRAGMA user_version")[0][0] == SCHEMA_VERSION == 6
        assert store._read("SELECT COUNT(*) FROM attempts WHERE story_id IS NULL")[0][0] == 0


def test_the_session_records_the_story_picked_for_this_question_only(settings):
    from interviewcoach.session import PracticeSession, make_plan

    library = story_library()
    questions = [library.questions["st-failure"], library.questions["st-conflict"]]
    saved_records = []
    session = PracticeSession(
        make_plan(settings, questions, 1),
        library.rubrics,
        clock=lambda: 0.0,
        grader=fixed_grade,
        save=lambda attempt, key: saved_records.append(attempt) or True,
    )

    def finish(text: str) -> None:
        pending = session.submit(text)
        assert pending is not None
        reply = session.graded(pending, session.grade(pending))
        while reply.outcome is None:
            reply = session.skip_probe()

    session.start()
    session.use_story("launch")
    finish("At Acme I pulled the launch. As a result we learned.")
    assert saved_records[-1].story_id == "launch"
    session.retry()
    assert session.story_id == "launch"  # a retry tells the same story
    session.use_story(None)
    assert session.story_id is None
    session.use_story("calls")
    finish("At Acme I called twenty customers. As a result we learned.")
    assert session.next_question() is not None
    assert session.story_id is None
