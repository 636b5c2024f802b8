"""The question bank in the TUI: browse, search, preview, practise, add and edit."""

from __future__ import annotations

import json

import pytest
from textual.widgets import Input, OptionList, Select, SelectionList, Static, TextArea

from interviewcoach.cli import main
from interviewcoach.settings import Settings
from interviewcoach.tui.app import make_app
from interviewcoach.tui.screens.bank import BankScreen, search_score
from interviewcoach.tui.screens.practice import PracticeScreen
from interviewcoach.tui.screens.question_form import QuestionForm
from interviewcoach.user_bank import user_bank_path


def clock():
    return 1000.0


def app_for(library):
    return make_app(Settings(), library, clock=clock, seed=34)


def listed(screen) -> list[str]:
    options = screen.query_one("#bank-list", OptionList)
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


async def open_bank(pilot):
    await pilot.press("b")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BankScreen)
    return pilot.app.screen


def test_search_forgives_typos_and_matches_tags(library):
    blind = library.questions["pd-grocery-blind-shoppers"]
    assert search_score("blind", blind) == 100
    assert search_score("grocry shoping", blind) >= 70
    assert search_score("accessibility", blind) == 100
    assert search_score("quantum chromodynamics", blind) == 0


async def test_browse_filter_search_and_preview(library):
    app = app_for(library)
    async with app.run_test(size=(120, 40)) as pilot:
        bank = await open_bank(pilot)
        assert len(listed(bank)) == len(library.questions)
        bank.query_one("#bank-category", Select).value = "leadership"
        bank.query_one("#bank-level", Select).value = "vp"
        await pilot.pause()
        found = listed(bank)
        assert found and all(library.questions[q].category == "leadership" for q in found)
        assert all("vp" in library.questions[q].levels for q in found)
        bank.query_one("#bank-category", Select).value = Select.NULL
        bank.query_one("#bank-level", Select).value = Select.NULL
        bank.query_one("#bank-search", Input).value = "blind shopers"
        await pilot.pause()
        assert listed(bank)[0] == "pd-grocery-blind-shoppers"
        preview = str(bank.query_one("#bank-preview", Static).render())
        assert "Design a grocery-shopping app" in preview
        assert "Customer focus" in preview and "Follow-ups:" in preview and "A strong answer covers:" in preview


async def test_practise_a_question_from_the_bank(library):
    app = app_for(library)
    async with app.run_test(size=(120, 40)) as pilot:
        bank = await open_bank(pilot)
        bank.query_one("#bank-search", Input).value = "grocery blind"
        await pilot.pause()
        bank.query_one("#bank-list", OptionList).focus()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.session.question.id == "pd-grocery-blind-shoppers"


async def fill_form(pilot, form, **values):
    form.query_one("#f-id", Input).value = values.get("id", "my-coffee-shop")
    form.query_one("#f-prompt", TextArea).text = values.get("prompt", "Design an app for a quiet coffee shop.")
    levels = form.query_one("#f-levels", SelectionList)
    for level in values.get("levels", ["pm", "senior-pm"]):
        levels.select(level)
    form.query_one("#f-follow-ups", TextArea).text = "Who is it for?\nHow would you launch it?"
    form.query_one("#f-outline", TextArea).text = "Customers: remote workers.\nMetrics: repeat visits."
    form.query_one("#f-tags", Input).value = "coffee, b2c"
    await pilot.pause()


async def test_add_a_question_then_find_it_everywhere(library, capsys):
    app = app_for(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_bank(pilot)
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, QuestionForm)
        assert form.query_one("#save").disabled  # an empty form cannot be saved
        await fill_form(pilot, form)
        assert str(form.query_one("#form-problems", Static).render()) == "Ready to save."
        await pilot.press("ctrl+s")
        await pilot.pause()
        bank = app.screen
        assert isinstance(bank, BankScreen)
        assert "my-coffee-shop" in listed(bank)
        assert "my-coffee-shop" in app.library.questions
        bank.query_one("#bank-search", Input).value = "quiet coffee"
        await pilot.pause()
        assert listed(bank)[0] == "my-coffee-shop"
    text = user_bank_path().read_text()
    assert 'id = "my-coffee-shop"' in text and "quiet coffee shop" in text
    assert main(["questions", "--json", "--tag", "coffee"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [q["id"] for q in found] == ["my-coffee-shop"]
    assert found[0]["levels"] == ["pm", "senior-pm"] and found[0]["time_limit_s"] == 300


async def test_the_form_reports_problems_as_you_type(library):
    app = app_for(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_bank(pilot)
        await pilot.press("a")
        form = app.screen
        await fill_form(pilot, form, id="pd-grocery-blind-shoppers")
        problems = str(form.query_one("#form-problems", Static).render())
        assert "another question has this id" in problems
        assert form.query_one("#save").disabled
        form.query_one("#f-id", Input).value = "Not A Slug!"
        await pilot.pause()
        assert "Id: lowercase" in str(form.query_one("#form-problems", Static).render())
        form.query_one("#f-minutes", Input).value = "0"
        await pilot.pause()
        assert "Minutes:" in str(form.query_one("#form-problems", Static).render())
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, QuestionForm)  # nothing saved
    assert not user_bank_path().exists()


async def test_edit_keeps_the_other_questions(library):
    app = app_for(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_bank(pilot)
        for question_id in ("my-first", "my-second"):
            await pilot.press("a")
            await fill_form(pilot, app.screen, id=question_id, prompt=f"Question {question_id}.")
            await pilot.press("ctrl+s")
            await pilot.pause()
        bank = app.screen
        bank.select_id = "my-first"
        bank.refresh_list()
        assert bank.check_action("edit", ()) is True
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, QuestionForm)
        assert form.query_one("#f-id", Input).value == "my-first"
        form.query_one("#f-prompt", TextArea).text = "An edited question."
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.library.questions["my-first"].prompt == "An edited question."
        assert app.library.questions["my-second"].prompt == "Question my-second."
        bank = app.screen
        bank.select_id = "pd-grocery-blind-shoppers"
        assert bank.check_action("edit", ()) is False  # bundled questions are never written


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_bank(snap_compare, library, size):
    async def run_before(pilot):
        await pilot.press("b")
        await pilot.pause()
        pilot.app.screen.query_one("#bank-search", Input).value = "blind"
        await pilot.pause()

    assert snap_compare(app_for(library), terminal_size=size, run_before=run_before)


async def test_typing_in_search_is_text_never_commands(library):
    app = app_for(library)
    async with app.run_test(size=(120, 40)) as pilot:
        bank = await open_bank(pilot)
        assert bank.query_one("#bank-list", OptionList).has_focus
        await pilot.press("/")  # search has its own key
        search = bank.query_one("#bank-search", Input)
        assert search.has_focus and search.value == ""
        await pilot.press(*"pricing", "space", "m", "e")
        await pilot.pause()
        assert app.screen is bank  # neither practice (p), add (a) nor mock (m) started
        assert search.value == "pricing me"
        assert app.mock_picks == []


FORM_FIELDS = {
    "#f-id": 1,
    "#f-prompt": 3,
    "#f-category": 1,
    "#f-rubric": 1,
    "#f-levels": 3,
    "#f-stage": 1,
    "#f-minutes": 1,
    "#f-follow-ups": 3,
    "#f-outline": 3,
    "#f-tags": 1,
}
"""Each field of the question form and the lines it must show at the least."""


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_form_field_is_drawn_and_reachable(library, size):
    app = app_for(library)
    async with app.run_test(size=size) as pilot:
        await open_bank(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#f-id", Input).has_focus  # the first field, on open
        screen = form.region
        for selector, rows in FORM_FIELDS.items():
            widget = form.query_one(selector)
            widget.focus()
            await pilot.pause()
            region = widget.content_region
            assert region.height >= rows, (selector, region)
            assert screen.contains_region(region.intersection(screen)) and region.intersection(screen).height >= min(
                rows, region.height
            ), (selector, region)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_question_form(snap_compare, library, size):
    async def run_before(pilot):
        await pilot.press("b", "a")
        await pilot.pause()
        await fill_form(pilot, pilot.app.screen)
        pilot.app.screen.query_one("#f-follow-ups").focus()  # scrolled: the fields at the end are drawn
        await pilot.pause()

    assert snap_compare(app_for(library), terminal_size=size, run_before=run_before)


async def test_form_problems_are_said_plainly_beside_their_field(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_bank(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert not form.query_one("#p-id").display  # nothing shouted before anything is typed

        def problem(name: str) -> str:
            box = form.query_one(f"#p-{name}", Static)
            return str(box.render()) if box.display else ""

        await pilot.press(*"My Q")
        await pilot.pause()
        assert problem("id") == "Id: lowercase letters, digits and dashes only, e.g. `pd-my-question`."
        await pilot.press("ctrl+s")  # saving shows every field's problem
        await pilot.pause()
        assert problem("levels") == "Pick at least one level."
        assert problem("prompt") == "Write the question."
        form.query_one("#f-minutes", Input).value = "0"
        form.query_one("#f-id", Input).value = "pd-grocery-blind-shoppers"
        await pilot.pause()
        assert problem("minutes") == "Minutes: a whole number from 1 to 60."
        text = str(form.query_one("#form-problems", Static).render())
        assert "should match pattern" not in text and "List should have" not in text
        form.query_one("#f-minutes", Input).value = "5"
        await fill_form(pilot, form, id="pd-grocery-blind-shoppers")
        assert problem("id") == "Id: another question has this id; pick another."


def footer_keys(screen) -> set[str]:
    """What the footer offers: the screen's bindings that are shown and enabled."""
    return {
        active.binding.description
        for active in screen.active_bindings.values()
        if active.binding.show and active.enabled
    }


async def test_footer_offers_edit_only_on_your_own_questions(library):
    app = app_for(library)
    async with app.run_test(size=(120, 40)) as pilot:
        bank = await open_bank(pilot)
        await pilot.press("a")
        await fill_form(pilot, app.screen, id="my-own")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Edit" in footer_keys(bank)  # the new question is selected
        options = bank.query_one("#bank-list", OptionList)
        options.highlighted = listed(bank).index("pd-grocery-blind-shoppers")
        await pilot.pause()
        assert "Edit" not in footer_keys(bank)
        assert "it can't be edited" in str(bank.query_one("#bank-preview", Static).render())
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is bank
