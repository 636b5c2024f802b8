"""What screens may ask of the app, typed: screens reach it through `CoachScreen.coach_app`
instead of untyped `self.app.*` calls, and never import the app module (or each other
in a circle)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from interviewcoach.banks import Library
    from interviewcoach.models import Question
    from interviewcoach.session import PracticeSession
    from interviewcoach.settings import Settings
    from interviewcoach.store import DraftRecord


class CoachApp(Protocol):
    """The app as its screens see it."""

    settings: Settings
    library: Library

    def go_home(self) -> None: ...
    def open_bank(self) -> None: ...
    def start_practice(self) -> None: ...
    def drill(self) -> None: ...
    def resume_draft(self) -> None: ...
    def practise_question(self, question: Question) -> None: ...
    def show_summary(self, session: PracticeSession) -> None: ...
    def save_draft(self, draft: DraftRecord | None) -> None: ...
    def own_question_ids(self) -> set[str]: ...
    def reload_library(self) -> bool: ...


ResultT = TypeVar("ResultT")


class CoachScreen(Screen[ResultT]):
    """A screen of interviewcoach's app."""

    @property
    def coach_app(self) -> CoachApp:
        return cast("CoachApp", self.app)
