"""A cache of validated content, so a start with unchanged files skips parsing and
validating them (and importing pydantic to do it).

An entry is JSON in the data folder's `cache/` folder, stored with the key it was built
for: the path, size, mtime, ctime and inode of every source file, the package's version,
the stat of the package's own modules (so an edited checkout never reads an entry built
by older code), the Python version and the installed pydantic. A reader rebuilds the
key from the files as they are now and uses the entry only when it matches exactly;
anything else — a missing, unreadable, corrupt or foreign entry — reads as no entry.

Only content that loaded without problems is stored, so a broken file is always read
(and reported with its file:line) at the next start. Writing is best effort: a
read-only data folder just means no cache.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from interviewcoach import __version__, locations

FORMAT = 1
"""Bumped when the layout of an entry changes."""

RACY_S = 2.0
"""An entry is not stored when a source file changed this recently: a second edit within
the file system's timestamp granularity could leave size and mtime as they were."""

_PACKAGE_DIR = Path(__file__).resolve().parent


def cache_path(name: str) -> Path:
    return locations.cache_dir() / f"{name}.json"


def file_stamp(path: Path) -> list[Any]:
    """What says a file is unchanged: its absolute path, size, mtime, ctime and inode
    (None when it does not exist)."""
    absolute = os.path.abspath(path)
    try:
        st = os.stat(absolute)
    except OSError:
        return [absolute, None]
    return [absolute, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


@cache
def code_stamp() -> list[Any]:
    """The version of everything that shapes validated content: the package (its version
    and the stat of its modules, so editing a model in a checkout invalidates entries),
    Python and pydantic. Computed once per process."""
    modules: list[list[Any]] = []
    for folder, dirs, names in os.walk(_PACKAGE_DIR):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        modules.extend(file_stamp(Path(folder, name)) for name in sorted(names) if name.endswith(".py"))
    return [__version__, list(sys.version_info[:3]), _pydantic_stamp(), modules]


def _pydantic_stamp() -> list[Any]:
    from importlib.util import find_spec

    # Found without importing it: the point of the cache is not to.
    spec = find_spec("pydantic")
    origin = spec.origin if spec else None
    return file_stamp(Path(origin).parent / "version.py") if origin else []


def make_key(sources: Iterable[Path], extra: Any = None) -> dict[str, Any]:
    return {"code": code_stamp(), "sources": [file_stamp(p) for p in sources], "extra": extra}


def read_entry(name: str, key: dict[str, Any]) -> Any | None:
    """The value stored under `name` for exactly `key`, or None."""
    try:
        with open(cache_path(name), encoding="utf-8") as handle:
            entry = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != key:
        return None
    return entry.get("value")


def write_entry(name: str, key: dict[str, Any], value: Any) -> bool:
    """Store `value` for `key`, atomically; False (and nothing written) when a source is
    too fresh to trust its mtime or the folder cannot be written."""
    now_ns = time.time_ns()
    for stamp in key["sources"]:
        if stamp[1] is not None and now_ns - max(stamp[2], stamp[3]) < RACY_S * 1e9:
            return False
    from interviewcoach.files import write_atomically

    path = cache_path(name)
    try:
        locations.ensure_private_dir(path.parent)
        write_atomically(path, json.dumps({"format": FORMAT, "key": key, "value": value}, ensure_ascii=False))
    except OSError:
        return False
    return True


def drop_entry(name: str) -> None:
    with contextlib.suppress(OSError):
        cache_path(name).unlink()
