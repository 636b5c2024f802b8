"""Stories on disk: one TOML file per story in the data folder's `stories/`, its name the
story's id. One file each so that a hand edit gone wrong breaks one story, not all of
them, and each save rewrites one small file atomically. A deleted story is moved to
`stories/deleted/`, never removed."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from interviewcoach import locations
from interviewcoach.files import write_atomically
from interviewcoach.problems import Problem, display_path, read_toml, validation_problems
from interviewcoach.stories.model import Story

HEADER = (
    "# A story for behavioural rounds, written by interviewcoach's story bank.\n"
    "# You may edit it by hand; `interviewcoach validate` checks it. Fields: title, where,\n"
    "# when, themes (the tags behavioural questions use), story (free text) and/or the\n"
    "# parts situation, task, action, result, learned; attempts (history ids, optional).\n"
    "# Saving from the app rewrites this file: comments you add are not kept.\n\n"
)
DELETED = "deleted"
"""The sub-folder deleted stories are moved to."""
_DELETED_STAMP = re.compile(r"-\d{8}T\d{6}$")
"""The time `delete_story` adds to a deleted story's file name."""


class StoryChangedOnDisk(Exception):
    """The story's file changed (or went) since it was read: saving would overwrite
    someone's hand edit, so it is refused unless asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} changed on disk since it was read")
        self.path = path


def content_stamp(text: str) -> str:
    """What a file held when it was read, to tell later whether it changed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_stamp(path: Path) -> str | None:
    """The stamp of the file as it is now; None when it is gone or unreadable."""
    try:
        return content_stamp(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


@dataclass(frozen=True)
class SavedStory:
    id: str
    """The file's name without `.toml`: what attempts record."""
    path: Path
    story: Story
    stamp: str | None = None
    """The file's content stamp when it was read (`content_stamp`): saving over it checks
    that nobody edited the file meanwhile."""


@dataclass
class Shelf:
    """Every story that loaded, and what is wrong with those that did not."""

    stories: list[SavedStory] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, story_id: str) -> SavedStory | None:
        return next((saved for saved in self.stories if saved.id == story_id), None)


def read_story_file(path: Path) -> tuple[SavedStory | None, list[Problem]]:
    """One story file, or the problems that stop it loading (as `path:line: what`)."""
    from pydantic import ValidationError

    from interviewcoach.tomlsource import SourceMap

    read = read_toml(path)
    if isinstance(read, Problem):
        return None, [read]
    text, data = read
    try:
        story = Story.model_validate(data)
    except ValidationError as error:
        return None, [
            _plain_theme_problem(problem, item)
            for problem, item in zip(
                validation_problems(display_path(path), error, Story, SourceMap(text), data),
                error.errors(include_url=False),
                strict=True,
            )
        ]
    return SavedStory(path.stem, path, story, content_stamp(text)), []


def _plain_theme_problem(problem: Problem, item: Mapping[str, Any]) -> Problem:
    """A theme not written as one, said as the form says it (pydantic's message names a
    regular expression), with the form it would take."""
    from interviewcoach.stories.themes import theme_problem

    loc = tuple(item["loc"])
    if len(loc) == 2 and loc[0] == "themes" and item["type"] == "string_pattern_mismatch":
        message = theme_problem(str(item.get("input", ""))).replace("themes:", f"themes[{loc[1]}]:", 1)
        return Problem(problem.path, problem.line, f"{message}, got {item.get('input')!r}")
    return problem


def read_stories(folder: Path | None = None) -> Shelf:
    """Every story in `folder` (the data folder's stories/ by default); a broken file is
    reported and the others still load."""
    folder = folder or locations.stories_dir()
    shelf = Shelf()
    if not folder.is_dir():
        return shelf
    for path in sorted(folder.glob("*.toml")):
        saved, problems = read_story_file(path)
        shelf.problems.extend(problems)
        if saved is not None:
            shelf.stories.append(saved)
    shelf.stories.sort(key=lambda saved: (saved.story.title.casefold(), saved.id))
    return shelf


def taken_ids(folder: Path, used: Iterable[str] = ()) -> set[str]:
    """Every id a new story must not take: the stories in `folder`, the deleted ones in
    its `deleted/` (their attempts still name them), and `used`, the ids the history's
    attempts record. An id is never reused, so a new story never inherits an old one's
    history."""
    taken = {path.stem for path in folder.glob("*.toml")}
    taken |= {_DELETED_STAMP.sub("", path.stem) for path in (folder / DELETED).glob("*.toml")}
    return taken | set(used)


def story_id_for(title: str, taken: set[str]) -> str:
    """A file name from a title: lowercase words joined by dashes, unique among `taken`
    (see `taken_ids`)."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    base = "-".join(re.findall(r"[a-z0-9]+", plain.lower()))[:48].strip("-") or "story"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def story_toml(story: Story) -> str:
    import tomli_w

    # Fields left empty are not written: a file holds what its writer wrote, easier to
    # edit by hand. The title is always written (it has no default).
    data = story.model_dump(mode="json", exclude_defaults=True)
    return HEADER + tomli_w.dumps(data, multiline_strings=True)


def save_story(
    story: Story,
    story_id: str | None = None,
    folder: Path | None = None,
    *,
    expected: str | None = None,
    used: Iterable[str] = (),
) -> str:
    """Write `story` over the story `story_id`, or as a new file named from its title
    (never an id in use or used before: `taken_ids`, with `used` the history's);
    atomically, readable by the user alone. Returns the story's id.

    `expected` is the stamp of the file as it was read (`SavedStory.stamp`): when the
    file no longer holds that, StoryChangedOnDisk is raised and nothing is written."""
    folder = folder or locations.stories_dir()
    locations.ensure_private_dir(folder)
    if story_id is None:
        story_id = story_id_for(story.title, taken_ids(folder, used))
    path = folder / f"{story_id}.toml"
    if expected is not None and file_stamp(path) != expected:
        raise StoryChangedOnDisk(path)
    write_atomically(path, story_toml(story))
    return story_id


def delete_story(story_id: str, folder: Path | None = None, now: datetime | None = None) -> Path:
    """Move a story's file to `stories/deleted/` (kept, with the time in its name).
    Returns where it went."""
    folder = folder or locations.stories_dir()
    source = folder / f"{story_id}.toml"
    target_dir = locations.ensure_private_dir(folder / DELETED)
    stamp = (now or datetime.now()).strftime("%Y%m%dT%H%M%S")
    target = target_dir / f"{story_id}-{stamp}.toml"
    source.replace(target)
    return target
