"""The pydantic model of one story file: what a user writes, by hand or in the form."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from interviewcoach.models import Slug, _no_repeats

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]

PARTS = ("situation", "task", "action", "result", "learned")
"""The STAR parts, plus what was learned (the rubric's reflection cue), in telling order."""


class Story(BaseModel):
    """One prepared story for behavioural rounds. Its id is its file's name."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    title: Title
    """A few words you would recognise it by: "The launch we pulled a week before"."""
    where: Line = ""
    """The company, team or product."""
    when: Line = ""
    """When it happened, in any words: "2023", "my first year at Acme"."""
    themes: list[Slug] = []
    """The themes it shows (the tags behavioural questions use: failure, conflict...)."""
    story: str = ""
    """The story told in free text. Leave it empty to tell it in parts below, or use both."""
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    learned: str = ""
    """What you learned or would do differently."""
    attempts: list[Annotated[int, Field(ge=1)]] = []
    """Ids of past attempts (`interviewcoach history`) where you told this story, linked
    by hand; attempts where you picked it in practice are recorded in the history."""

    _unique = field_validator("themes", "attempts")(_no_repeats)

    def parts(self) -> list[tuple[str, str]]:
        """The STAR parts that are written, as (name, text)."""
        return [(name, getattr(self, name).strip()) for name in PARTS if getattr(self, name).strip()]

    def text(self) -> str:
        """The story as graded and shown: the free text, then each part written, as
        paragraphs. Lines wrapped by hand in the file are joined, so the story reflows
        on screen; a blank line still starts a paragraph. Evidence offsets point into
        this text."""
        paragraphs = [
            " ".join(paragraph.split())
            for text in (self.story, *(text for _, text in self.parts()))
            for paragraph in re.split(r"\n\s*\n", text)
            if paragraph.strip()
        ]
        return "\n\n".join(paragraphs)
