"""The command palette's practice commands: every home-screen action, by name."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider


class PracticeCommands(Provider):
    def _commands(self):
        app = self.app
        from interviewcoach.tui.screens.home import HomeScreen

        on_home = isinstance(app.screen, HomeScreen)
        commands = [("Start practice", "Choose questions and start", app.start_practice),
                    ("Question bank", "Browse, search and write questions", app.open_bank)] if on_home else []
        if on_home and app.screen.data.weakest is not None:
            commands.append((f"Drill {app.screen.data.weakest_label}", "Practise your weakest cue", app.drill))
        if on_home and app.screen.data.draft_question is not None:
            commands.append(("Resume unfinished answer", "Finish the answer you left", app.resume_draft))
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
