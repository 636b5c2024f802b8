"""The command palette's commands: every home-screen action, and on every other screen
each action its footer offers (with the focused widget's, such as Send), by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from interviewcoach.tui.base import CoachApp


class PracticeCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        from interviewcoach.tui.screens.home import HomeScreen

        app = cast("CoachApp", self.app)
        screen = self.screen
        if not isinstance(screen, HomeScreen):
            return self._screen_actions()
        commands = [
            ("Start practice", "Choose questions and start", app.start_practice),
            ("Question bank", "Browse, search and write questions", app.open_bank),
            ("Mock interview", "Practise with a peer: one interviews, one answers, then swap", app.start_mock),
            ("Story bank", "Your stories for behavioural rounds: graded, mapped to themes", app.open_stories),
            ("Story coverage", "Which themes your stories answer, and which have none", app.open_coverage),
        ]
        if screen.data.mock_draft is not None:
            commands.append(("Continue the mock", "Back to the mock left unfinished", app.resume_mock))
        if screen.data.weakest is not None:
            commands.append((f"Drill {screen.data.weakest_label}", "Practise your weakest cue", app.drill))
        if screen.data.draft_question is not None:
            commands.append(("Resume unfinished answer", "Finish the answer you left", app.resume_draft))
        commands.append(("Practise what's due", "Questions due again, new ones and your weakest cue", app.practise_due))
        if screen.data.recent:
            commands.append(("Review history", "Every past attempt: filter, sort, open, export", app.open_history))
            commands.append(("Progress", "Charts, readiness, streak and weakest cues", app.open_progress))
        return commands

    def _screen_actions(self) -> list[tuple[str, str, Callable[[], None]]]:
        """The actions the screen offers now (what check_action allows), by their footer name."""
        commands = []
        seen = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not (binding.show and active.enabled and binding.description) or binding.description in seen:
                continue
            if active.node is self.app:
                continue  # the app's own (Quit, the palette) are listed by Textual already
            seen.add(binding.description)
            run = cast("Callable[[], None]", partial(self.app.run_action, binding.action, active.node))
            commands.append((binding.description, binding.tooltip or binding.description, run))
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
