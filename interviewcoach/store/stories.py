"""What the history knows of the story bank: which attempts told which story, and the
latest picks (for the repeat rule in stories/coverage.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewcoach.store.history import HistoryStore


def story_uses(store: HistoryStore) -> dict[str, list[int]]:
    """The attempt ids that told each story, oldest first, by story id."""
    uses: dict[str, list[int]] = {}
    rows = store._read("SELECT story_id, id FROM attempts WHERE story_id IS NOT NULL ORDER BY story_id, created_at, id")
    for story_id, attempt_id in rows:
        uses.setdefault(story_id, []).append(attempt_id)
    return uses


def recent_story_picks(store: HistoryStore, limit: int) -> list[str]:
    """The story ids of the latest `limit` attempts that told a story, newest first."""
    rows = store._read(
        "SELECT story_id FROM attempts WHERE story_id IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT ?",
        (limit,),
    )
    return [row[0] for row in rows]
