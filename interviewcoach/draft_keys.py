"""How drafts are keyed, readable without loading the models: the home screen sorts a
mock's notes from a solo answer before anything heavy is imported."""

from __future__ import annotations

MOCK_DRAFT_PREFIX = "mock/"
"""Drafts of mock notes are keyed `mock/<session>/<round>/<question>`: the solo resume
leaves them alone and the home screen offers the mock back instead."""


STORY_DRAFT_PREFIX = "story/"
"""Drafts of the story form are keyed `story/<story id>` (`story/new` for a new story):
kept when the app quits with the form open, and offered back when the form opens again."""


def story_draft_key(story_id: str | None) -> str:
    return f"{STORY_DRAFT_PREFIX}{story_id or 'new'}"


def is_mock_draft(key: str) -> bool:
    return key.startswith(MOCK_DRAFT_PREFIX)


def is_story_draft(key: str) -> bool:
    return key.startswith(STORY_DRAFT_PREFIX)
