"""The home screen. For now it says what content is loaded; practice hangs here next."""

from __future__ import annotations

from collections import Counter

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from interviewcoach.banks import Library
from interviewcoach.settings import Settings


class HomeScreen(Screen[None]):
    def __init__(self, settings: Settings, library: Library) -> None:
        super().__init__()
        self.settings = settings
        self.library = library

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home-card"):
            greeting = f"Welcome back, {self.settings.name}." if self.settings.name else "Welcome."
            yield Static(f"interviewcoach — {greeting}", id="home-title")
            yield Static(
                "Your practice partner for product-manager interviews: product design, "
                "behavioural, strategy, metrics and leadership questions, graded against "
                "what interviewers listen for."
            )
            yield Static(self._counts(), id="home-counts")
            yield Static(
                "Practice sessions open here in the next release. Until then, "
                "`interviewcoach questions` lists what you can practise.",
                classes="muted",
            )
        yield Footer()

    def _counts(self) -> str:
        by_category = Counter(str(q.category) for q in self.library.questions.values())
        lines = [
            f"{len(self.library.questions)} questions and {len(self.library.rubrics)} rubrics loaded:"
        ]
        lines += [f"  • {count} {category}" for category, count in sorted(by_category.items())]
        return "\n".join(lines)
