"""Grading in a separate process, for live scoring while someone types.

A grade of long text runs for a tenth of a second or more; in a worker thread it still
shares the interpreter lock and the garbage collector with the UI, and the collector's
pauses while a grade's many short-lived objects exist were what made keystrokes wait
(bench_peer_typing.py: worst key-to-echo over 250 ms). In a process of its own the grade
costs the UI only the pickling of its text and result. Knows nothing of the TUI."""

from __future__ import annotations

import sys
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from threading import Lock
from typing import TYPE_CHECKING

from interviewcoach.session import real_grader

if TYPE_CHECKING:
    from interviewcoach.grading.result import GradeResult
    from interviewcoach.models import Level, Question, Rubric


class ProcessGrader:
    """The real grader, called in one long-lived child process (started on first use).
    Has the Grader signature; call it from a worker thread: it waits for the result."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn, not fork: the parent runs threads (Textual, its workers).
                # Start the child (and multiprocessing's resource tracker) now, with the
                # real standard streams: Textual captures sys.stderr with an object that
                # has no file descriptor to hand on.
                saved = sys.stdout, sys.stderr
                sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
                try:
                    pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"))
                    pool.submit(int).result()
                finally:
                    sys.stdout, sys.stderr = saved
                self._pool = pool
            return self._pool

    def __call__(
        self,
        text: str,
        rubric: Rubric,
        question: Question | None = None,
        level: Level | None = None,
        *,
        follow_up: bool = False,
        notes: bool = False,
    ) -> GradeResult:
        future: Future[GradeResult] = self._executor().submit(
            real_grader, text, rubric, question, level, follow_up=follow_up, notes=notes
        )
        return future.result()

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
