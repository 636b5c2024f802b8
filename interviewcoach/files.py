"""Writing files the user cares about: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str, mode: int = 0o600) -> Path:
    """Write `text` to a temporary file beside `path`, flush it to disk, then rename it
    over `path`: a crash mid-write leaves the old file intact. Readable by the user alone
    unless `mode` says otherwise."""
    path = path.expanduser()
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path


class CannotWrite(Exception):
    """An output file the user named cannot be written; `reason` says why in their words."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path = path
        self.reason = reason


def write_output(path: Path, text: str, *, overwrite: bool = False) -> Path:
    """Write a file the user asked for by name (an export, a prep sheet) atomically;
    CannotWrite, never a traceback, when its folder is missing, it is a folder, it
    already exists (unless `overwrite`) or the write fails. The one guard every
    `--output` shares."""
    path = path.expanduser()
    if path.is_dir():
        raise CannotWrite(path, "it is a folder; name a file")
    if not path.parent.is_dir():
        raise CannotWrite(path, f"there is no folder {path.parent}")
    if path.exists() and not overwrite:
        raise CannotWrite(path, "it already exists")
    try:
        return write_atomically(path, text)
    except OSError as error:
        raise CannotWrite(path, error.strerror or str(error)) from error
