"""How drafts are keyed, readable without loading the models: the home screen sorts a
mock's notes from a solo answer before anything heavy is imported."""

from __future__ import annotations

MOCK_DRAFT_PREFIX = "mock/"
"""Drafts of mock notes are keyed `mock/<session>/<round>/<question>`: the solo resume
leaves them alone and the home screen offers the mock back instead."""


def is_mock_draft(key: str) -> bool:
    return key.startswith(MOCK_DRAFT_PREFIX)
