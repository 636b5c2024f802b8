"""The garbage collector while someone types notes in the cockpit."""

from __future__ import annotations

import gc

FULL_COLLECTIONS_EVERY = 1_000_000
"""The collector's third threshold while a mock runs: in effect, no full collection
starts by itself; `quiet_collector` runs one at each pause (a new question, a round)."""


def quiet_collector() -> None:
    """Keep the garbage collector's full scans out of typing. Everything loaded so far
    (banks, rubrics, Textual's own tables) lives as long as the app, so it is frozen out
    of the scans; full collections then run here, between questions, instead of in the
    middle of a keystroke, where they paused the notes box for 50-180 ms on a busy
    machine (benchmarks/bench_peer_typing.py). The young generations are still
    collected as usual."""
    gc.collect()
    gc.freeze()
    first, second, _ = gc.get_threshold()
    gc.set_threshold(first, second, FULL_COLLECTIONS_EVERY)


DEFAULT_FULL_COLLECTIONS = gc.get_threshold()[2]


def normal_collector() -> None:
    """Full collections start by themselves again (the cockpit is gone)."""
    first, second, _ = gc.get_threshold()
    gc.set_threshold(first, second, DEFAULT_FULL_COLLECTIONS)
