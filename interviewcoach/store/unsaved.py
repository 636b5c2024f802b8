"""Keeping attempts the history could not take: a file `interviewcoach import` reads."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

from interviewcoach.store.records import ExportFile


def keep_unsaved(export: ExportFile) -> str:
    """Write what could not be saved to a file the user can `interviewcoach import` later:
    the working directory first, then the temporary folder. Returns what to tell them."""
    payload = export.model_dump_json(indent=2)
    name = f"interviewcoach-unsaved-{datetime.now():%Y%m%dT%H%M%S}.json"
    for folder in (Path.cwd(), Path(tempfile.gettempdir())):
        target = folder / name
        try:
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                out.write(payload)
            return (
                f"Your graded answer is kept in {target}; bring it into your history later "
                f"with: interviewcoach import {target}"
            )
        except OSError:
            continue
    return "It could not be written to a file either; here it is, to copy somewhere safe:\n" + payload
