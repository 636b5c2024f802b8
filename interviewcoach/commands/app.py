"""`interviewcoach` with no command: load everything, then start the TUI."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace, start: str = "home") -> int:
    from interviewcoach.banks import load_library
    from interviewcoach.settings_snapshot import settings_snapshot

    # Load and check the data before Textual takes the screen, so problems are printed
    # plainly in the terminal rather than lost when the app exits. Unchanged, both come
    # from the content cache, and their models are built after the first paint.
    settings = settings_snapshot()["values"]
    library = load_library(args.bank_dirs)
    from interviewcoach.tui.app import make_app

    make_app(settings, library, bank_dirs=tuple(args.bank_dirs), start=start).run()
    return 0
