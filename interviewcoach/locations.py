"""Where interviewcoach finds its bundled content and keeps the user's data.

Functions, not constants: nothing here touches the disk or reads the environment at
import time, so tests can point INTERVIEWCOACH_HOME anywhere before calling them.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

HOME_ENV = "INTERVIEWCOACH_HOME"
_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The user's data folder: INTERVIEWCOACH_HOME if set, else the platform's user data dir."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("interviewcoach", appauthor=False)


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by the user alone; answers can be confidential."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    # A folder we can't chmod (e.g. on a FUSE mount) is still usable.
    with contextlib.suppress(OSError):
        path.chmod(0o700)
    return path


def settings_path() -> Path:
    return data_dir() / "settings.toml"


def history_path() -> Path:
    """The practice history: a SQLite database readable by the user alone."""
    return data_dir() / "history.db"


def cache_dir() -> Path:
    """Validated content kept for a faster start; safe to delete at any time."""
    return data_dir() / "cache"


def user_banks_dir() -> Path:
    """The user's own question banks and rubrics, loaded beside the bundled ones."""
    return data_dir() / "banks"


def stories_dir() -> Path:
    """The user's story bank: one TOML file per story."""
    return data_dir() / "stories"


def _bundled(name: str) -> Path:
    # An installed wheel carries the data inside the package; a source checkout (or an
    # editable install) keeps it at the top of the repository, where users read it.
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def bundled_banks_dir() -> Path:
    return _bundled("question_banks")


def bundled_rubrics_dir() -> Path:
    return _bundled("rubrics")
