"""Stories and a small bank for the story bank's tests: fixed test data, so a grader
change never rewrites what the story screens show."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from interviewcoach.banks import Library
from interviewcoach.stories.model import Story
from interviewcoach.stories.shelf import save_story

from fakes import load_test_bank

STORY_BANK = Path(__file__).parent / "data" / "story-bank"


@cache
def story_library() -> Library:
    """tests/data/story-bank: six questions (five behavioural) and a four-cue story rubric."""
    return load_test_bank(STORY_BANK)


LAUNCH = Story(
    title="The launch I pulled",
    where="Acme payments",
    when="2023",
    themes=["failure", "launch"],
    situation="At Acme I was the PM for checkout, two weeks before our biggest launch.",
    task="It was my call whether to ship on the original date.",
    action="I pulled the error logs and I called five merchants.",
    result="As a result failed payments fell from 4% to 1.5% within a month.",
    learned="I learned to test with real merchants earlier.",
)
REWRITE = Story(
    title="Disagreed on the rewrite",
    where="Bloom",
    when="2022",
    themes=["conflict"],
    story="We argued with the tech lead about a rewrite for weeks, and we split the work.",
)
CALLS = Story(
    title="Twenty customer calls",
    where="Bloom",
    themes=["customers", "influence"],
    story="At Bloom I called twenty customers and I dropped the feature sales wanted. The result: bookings rose.",
)


def save_stories(*stories: Story) -> list[str]:
    """Write stories to the test's data folder; their ids."""
    return [save_story(story) for story in stories]


README_STORIES = (
    LAUNCH.model_copy(update={"themes": ["failure", "launch", "prioritisation"]}),
    Story(
        title="Twenty customer calls that killed a feature",
        where="Bloom",
        when="2021",
        themes=["customers", "customer-feedback", "data"],
        story=(
            "At Bloom I owned the booking page. I called twenty customers and pulled the funnel: "
            "bookings dropped 30% on mobile. I dropped the branding feature sales wanted, and as a "
            "result mobile bookings rose 22% in two months."
        ),
    ),
    REWRITE.model_copy(update={"themes": ["conflict", "tradeoffs"]}),
    Story(
        title="Winning over the sales leads",
        where="Bloom",
        themes=["influence", "stakeholders", "alignment"],
        story="At the quarterly review I showed the sales leads the churn numbers and I won their backing.",
    ),
)
"""The README's coverage screenshot: four stories over the bundled themes."""
