"""The story bank as a candidate uses it: add a story and see it graded, see coverage
change, pick a story while answering a behavioural question; and the coverage screen's
snapshots. Over the test story bank and the fixed grader (tests/story_helpers.py,
tests/fakes.py), so no grader change moves them."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, OptionList, Static, TextArea

from interviewcoach import locations
from interviewcoach.settings import Settings
from interviewcoach.store import open_history
from interviewcoach.stories.shelf import read_stories
from interviewcoach.tui.app import make_app
from interviewcoach.tui.screens.confirm import ConfirmScreen
from interviewcoach.tui.screens.coverage import CoverageScreen
from interviewcoach.tui.screens.practice import PracticeScreen
from interviewcoach.tui.screens.stories import StoriesScreen
from interviewcoach.tui.screens.story_detail import StoryScreen
from interviewcoach.tui.screens.story_form import StoryForm
from interviewcoach.tui.screens.story_picker import StoryPicker
from interviewcoach.tui.widgets.evidence_view import EvidenceView

from fakes import fixed_grade
from story_helpers import CALLS, LAUNCH, REWRITE, save_stories, story_library
from test_tui import FakeClock, answer

SIZES = [(80, 24), (120, 40)]


def app_for(**settings):
    data = {"probes": 0, "last_practice": {"category": "behavioural", "questions": 1}}
    return make_app(
        Settings.model_validate({**data, **settings}), story_library(), clock=FakeClock(), seed=3, grader=fixed_grade
    )


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_stories(pilot) -> StoriesScreen:
    await pilot.press("t")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, StoriesScreen)
    return screen


def rows(screen) -> list[list[str]]:
    table = screen.query_one("#stories-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def uncovered(screen: CoverageScreen) -> int:
    assert screen.bank is not None
    return len(screen.bank.coverage().uncovered)


async def test_add_a_story_and_see_it_graded():
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stories(pilot)
        assert rows(screen) == []
        assert "No stories yet" in str(screen.query_one("#stories-summary", Static).render())
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StoryForm)
        assert form.query_one("#f-title", Input).has_focus
        form.query_one("#f-title", Input).value = "The launch I pulled 🚀"
        form.query_one("#f-where", Input).value = "Acme"
        form.query_one("#f-themes", Input).value = "failure, confict"
        form.query_one("#f-situation", TextArea).text = "At Acme, two weeks before launch."
        form.query_one("#f-action", TextArea).text = "I pulled the logs."
        await pilot.pause()
        # A theme no question asks is allowed (your own), but a likely typo is named.
        assert "confict (did you mean conflict?)" in str(form.query_one("#themes-hint", Static).render())
        assert not form.query_one("#save").disabled
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert rows(screen) == [["The launch I pulled 🚀", "56 solid", "failure, confict", "0"]]
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, StoryScreen)
        assert "56/100 (solid)" in str(detail.query_one("#score", Static).render())
        tips = str(detail.query_one("#tips", Static).render())
        assert "What would make it stronger:" in tips and "No result: End with what changed" in tips
        assert detail.query_one(EvidenceView).answer == "At Acme, two weeks before launch.\n\nI pulled the logs."
    (saved,) = read_stories().stories
    assert saved.id == "the-launch-i-pulled" and saved.story.themes == ["failure", "confict"]


async def test_the_form_refuses_a_story_without_a_title():
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#save").disabled
        form.query_one("#f-themes", Input).value = "Failure!"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        problems = str(form.query_one("#form-problems", Static).render())
        assert "Give the story a title" in problems
        assert "Themes: lowercase words with dashes, e.g. `failure`, separated by commas" in problems
        assert "(did you mean `failure`?)" in problems
    assert read_stories().stories == []


async def test_escape_asks_before_throwing_away_a_typed_story():
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        await pilot.press("escape")  # nothing typed yet: straight back
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-story", TextArea).text = CALLS.story
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing: nothing lost
        await pilot.pause()
        assert app.screen is form and form.query_one("#f-story", TextArea).text == CALLS.story
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)


async def test_coverage_changes_as_stories_are_added_and_edited():
    save_stories(LAUNCH)
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_stories(pilot)
        await pilot.press("c")
        await settle(pilot)
        coverage = app.screen
        assert isinstance(coverage, CoverageScreen)
        before = uncovered(coverage)
        assert "✗ 5 of 7 themes have no story" in str(coverage.query_one("#coverage-summary", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        stories = app.screen
        assert isinstance(stories, StoriesScreen)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-title", Input).value = "Twenty calls"
        form.query_one("#f-themes", Input).value = "customers, prioritisation"
        form.query_one("#f-story", TextArea).text = CALLS.story
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert uncovered(app.screen) == before - 2
        table = app.screen.query_one("#coverage-table", DataTable)
        assert str(table.get_cell("customers", "twenty-calls")) == "strong"


async def test_delete_asks_and_keeps_the_file():
    save_stories(LAUNCH, REWRITE)
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stories(pilot)
        assert len(rows(screen)) == 2
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert len(rows(screen)) == 1
    assert len(read_stories().stories) == 1
    assert len(list((locations.stories_dir() / "deleted").glob("*.toml"))) == 1


async def test_a_broken_story_file_is_shown_and_the_others_load():
    save_stories(LAUNCH)
    (locations.stories_dir() / "bad.toml").write_text('title = "x"\nthemes = "failure"\n', "utf-8")
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stories(pilot)
        problems = screen.query_one("#stories-problems", Static)
        assert screen.query_one("#stories-problems-box").display and "bad.toml:2: themes" in str(problems.render())
        assert len(rows(screen)) == 1


async def test_pick_a_story_while_answering_and_the_attempt_records_it():
    save_stories(LAUNCH, REWRITE, CALLS)
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        app.practise_question(story_library().questions["st-conflict"])
        await pilot.pause()
        practice = app.screen
        assert isinstance(practice, PracticeScreen)
        await pilot.press("ctrl+t")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, StoryPicker)
        options = picker.query_one(OptionList)
        first = options.get_option_at_index(0)
        assert first.id == "disagreed-on-the-rewrite"  # tagged conflict, and "disagreed" is in the question
        assert "themes: conflict" in str(first.prompt)
        assert "% fit; 0 weak; themes: conflict" in str(first.prompt)  # its verdict, from the same grade
        assert "We argued with the tech lead" in str(picker.query_one("#picker-preview", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is practice
        assert "story: Disagreed on the rewrite" in str(practice.query_one("#progress", Static).render())
        await answer(pilot, "At Bloom I argued for the split. As a result we shipped. I learned a lot.")
    with open_history() as store:
        (attempt,) = store.export().attempts
    assert attempt.story_id == "disagreed-on-the-rewrite"


async def test_the_stories_key_is_offered_for_behavioural_questions_only():
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        app.practise_question(story_library().questions["st-design"])
        await pilot.pause()
        assert app.screen.check_action("stories", ()) is False
        app.practise_question(story_library().questions["st-failure"])
        await pilot.pause()
        assert app.screen.check_action("stories", ()) is True
        await pilot.press("ctrl+t")  # no stories yet: says so, opens nothing
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)


async def test_the_coverage_shows_a_story_told_too_often():
    from interviewcoach.store.records import AttemptRecord

    (launch,) = save_stories(LAUNCH)
    library = story_library()
    rubric, question = library.rubrics["behavioural"], library.questions["st-failure"]
    with open_history() as store:
        for _ in range(3):
            store.save_attempt(AttemptRecord.of(fixed_grade("I", rubric), "I", rubric, question, story_id=launch))
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_stories(pilot)
        assert rows(app.screen)[0][3] == "3"
        await pilot.press("c")
        await settle(pilot)
        overused = app.screen.query_one("#coverage-overused", Static)
        assert overused.display
        assert "'The launch I pulled' told in 3 of your last 3 story answers" in str(overused.render())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_coverage(snap_compare, size):
    """Five stories, two with long titles: the theme stays, the columns are numbered and
    the legend names them, at both sizes."""
    from interviewcoach.stories.model import Story

    extra = [
        Story(title=f"Extra story number {n} about a long disagreement", themes=["conflict"], story=REWRITE.story)
        for n in (4, 5)
    ]
    save_stories(LAUNCH, REWRITE, CALLS, *extra)

    async def run_before(pilot):
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)

    assert snap_compare(app_for(), terminal_size=size, run_before=run_before)


async def test_quitting_with_a_typed_story_asks_and_offers_it_back():
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StoryForm) and not form.answer_in_progress
        form.query_one("#f-title", Input).value = "Twenty calls"
        form.query_one("#f-story", TextArea).text = CALLS.story
        await pilot.pause()
        assert form.answer_in_progress
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "kept as a draft" in app.screen.question
        await pilot.press("n")  # stay: nothing lost
        await pilot.pause()
        assert app.screen is form and form.query_one("#f-story", TextArea).text == CALLS.story
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0 and read_stories().stories == []
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert "Restore what you typed?" in app.screen.question
        await pilot.press("escape")  # not now: the draft is kept, nothing else happens
        await pilot.pause()
        assert isinstance(app.screen, StoryForm)
        await pilot.press("escape")  # nothing typed in the form: straight back
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert "Restore what you typed?" in app.screen.question  # offered again
        await pilot.press("y")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StoryForm)
        assert form.query_one("#f-title", Input).value == "Twenty calls"
        assert form.query_one("#f-story", TextArea).text == CALLS.story
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
    assert [saved.id for saved in read_stories().stories] == ["twenty-calls"]
    with open_history() as store:
        assert store.drafts() == []  # saved: the draft is gone


async def test_quitting_the_question_form_with_changes_asks_first():
    from interviewcoach.tui.screens.question_form import QuestionForm

    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(QuestionForm(None))
        await pilot.pause()
        form = app.screen
        assert isinstance(form, QuestionForm)
        await pilot.press("ctrl+q")  # nothing typed: quits at once
        await pilot.pause()
    assert app.return_code == 0
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(QuestionForm(None))
        await pilot.pause()
        form = app.screen
        await pilot.press(*"Why")
        await pilot.pause()
        assert form.answer_in_progress
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "will be lost" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is form


async def test_saving_over_a_hand_edit_asks_to_reload_or_overwrite():
    (story_id,) = save_stories(LAUNCH)
    path = locations.stories_dir() / f"{story_id}.toml"
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StoryForm)
        assert "comments in it are not kept" in str(form.query_one("#form-rewrites", Static).render())
        form.query_one("#f-where", Input).value = "Acme checkout"
        path.write_text(path.read_text("utf-8").replace("2023", "2024") + "# hand note\n", "utf-8")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        choice = app.screen
        assert "changed on disk" in choice.question
        await pilot.press("escape")  # keep editing: nothing written, nothing lost
        await pilot.pause()
        assert app.screen is form and form.query_one("#f-where", Input).value == "Acme checkout"
        assert "# hand note" in path.read_text("utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")  # reload: the form shows the hand edit
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#f-when", Input).value == "2024"
        assert form.query_one("#f-where", Input).value == "Acme payments"
        form.query_one("#f-where", Input).value = "Acme checkout"
        await pilot.pause()
        await pilot.press("ctrl+s")  # over the file it reloaded: no question
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
    (saved,) = read_stories().stories
    assert (saved.story.where, saved.story.when) == ("Acme checkout", "2024")


async def test_overwrite_replaces_the_hand_edit_when_asked():
    (story_id,) = save_stories(LAUNCH)
    path = locations.stories_dir() / f"{story_id}.toml"
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-where", Input).value = "Acme checkout"
        path.write_text(path.read_text("utf-8").replace("2023", "2024"), "utf-8")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
    (saved,) = read_stories().stories
    assert (saved.story.where, saved.story.when) == ("Acme checkout", "2023")


async def test_a_new_story_never_takes_a_deleted_storys_id():
    save_stories(LAUNCH)
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories(pilot)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#f-title", Input).value = LAUNCH.title
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [saved.id for saved in read_stories().stories] == ["the-launch-i-pulled-2"]


async def test_a_resumed_draft_keeps_the_story_picked_for_it():
    save_stories(LAUNCH, REWRITE)
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        app.practise_question(story_library().questions["st-conflict"])
        await pilot.pause()
        await pilot.press(*"At Bloom I argued")
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("enter")  # the best fit: the rewrite
        await pilot.pause()
        assert app.screen.session.story_id == "disagreed-on-the-rewrite"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    with open_history() as store:
        (draft,) = store.drafts()
    assert draft.context["story"] == "disagreed-on-the-rewrite"
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        app.resume_draft()
        await pilot.pause()
        practice = app.screen
        assert isinstance(practice, PracticeScreen)
        assert practice.session.story_id == "disagreed-on-the-rewrite"
        assert "story: Disagreed on the rewrite" in str(practice.query_one("#progress", Static).render())
        await answer(pilot, "At Bloom I argued for the split. As a result we shipped. I learned a lot.")
    with open_history() as store:
        (attempt,) = store.export().attempts
    assert attempt.story_id == "disagreed-on-the-rewrite"


async def test_the_coverage_keeps_the_theme_in_view_and_numbers_the_stories():
    from interviewcoach.tui.screens.coverage import pack

    save_stories(LAUNCH, REWRITE, CALLS)
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#coverage-table", DataTable)
        assert table.fixed_columns == 3  # mark, theme, asked: they stay when the matrix scrolls sideways
        headers = [str(column.label) for column in table.ordered_columns]
        assert headers[3:] == ["1", "2", "3"]
        assert all(column.width >= len("insufficient") for column in table.ordered_columns[3:])
        legend = str(screen.query_one("#coverage-legend", Static).render())
        assert "1 Disagreed on the rewrite" in legend and "3 Twenty customer calls" in legend
        widths = [column.width for column in table.ordered_columns]
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert [column.width for column in table.ordered_columns] == widths  # fixed, whatever the width
        assert str(screen.query_one("#coverage-legend", Static).render()).count("\n") == 0  # one line at 120
    assert pack(["1 abc", "2 de", "3 fgh"], 11) == "1 abc  2 de\n3 fgh"


async def test_a_long_story_title_never_runs_into_the_word_count():
    from interviewcoach.stories.model import Story

    long = Story(
        title="Disagreeing with the head of engineering about the platform rewrite deadline",
        themes=["conflict"],
        story=REWRITE.story,
    )
    save_stories(long)
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        app.practise_question(story_library().questions["st-conflict"])
        await pilot.pause()
        practice = app.screen
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()

        def bar() -> str:
            progress, words = practice.query_one("#progress"), practice.query_one("#words")
            assert progress.region.right <= words.region.x - 1  # a gap, never touching
            assert progress.region.height == 1
            return "".join(segment.text for segment in progress.render_line(0))

        shown = bar()
        assert "story: Disagreeing" in shown and shown.rstrip().endswith("…")
        await answer(pilot, "At Bloom I argued for the split.")
        assert "story: Disagr" in bar()  # still there after sending, cut shorter for the wider clock


async def test_the_story_screen_opens_at_its_score_and_scrolls_with_the_keys():
    from interviewcoach.stories.model import Story

    weak = Story(title="Weak", themes=["conflict"], story=" ".join(["Nothing much happened there at all."] * 40))
    save_stories(weak)
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories(pilot)
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, StoryScreen)
        page = detail.query_one("#story-detail")
        assert page.max_scroll_y > 0 and page.scroll_y == 0
        assert page.has_focus
        score, tips = detail.query_one("#score"), detail.query_one("#tips")
        assert score.region.y >= page.region.y and tips.region.y < page.region.bottom
        await pilot.press("pagedown")
        await pilot.pause()
        assert page.scroll_y > 0
        await pilot.press("home")
        await pilot.pause()
        assert page.scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        await pilot.press("pageup")
        await pilot.pause()
        assert page.scroll_y < page.max_scroll_y


async def test_the_grade_column_fits_the_longest_verdict():
    save_stories(LAUNCH)
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stories(pilot)
        table = screen.query_one("#stories-table", DataTable)
        assert table.ordered_columns[table.get_column_index("grade")].width >= len("100 insufficient")
        assert sum(column.get_render_width(table) for column in table.ordered_columns) <= 78  # no sideways scroll


async def test_many_broken_story_files_leave_the_stories_in_view():
    save_stories(LAUNCH)
    for n in range(15):
        (locations.stories_dir() / f"bad-{n:02}.toml").write_text('title = "x"\nthemes = "failure"\n', "utf-8")
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stories(pilot)
        box = screen.query_one("#stories-problems-box")
        assert box.display and box.region.height <= 6 and box.max_scroll_y > 0  # capped; the rest scrolls
        table = screen.query_one("#stories-table", DataTable)
        assert table.region.height >= 3 and len(rows(screen)) == 1


async def test_editing_from_the_story_screen_returns_to_the_updated_story():
    save_stories(LAUNCH, REWRITE)
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        opened = app.screen.saved.id
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-where", Input).value = "Somewhere new"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, StoryScreen) and detail.saved.id == opened
        assert "Somewhere new" in str(detail.query_one("#story-meta", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)


async def test_typing_in_an_opened_form_adds_to_the_title_rather_than_replacing_it():
    save_stories(LAUNCH)
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories(pilot)
        await pilot.press("e")
        await pilot.pause()
        title = app.screen.query_one("#f-title", Input)
        before = title.value
        await pilot.press("x")  # nothing was selected on focus to be typed over
        await pilot.pause()
        assert title.value.startswith(before[:-1]) and len(title.value) == len(before) + 1
