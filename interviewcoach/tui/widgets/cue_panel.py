"""A checklist of rubric cues: hit, missed, or recovered under probing."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from interviewcoach.grading import GradeResult


MARKS = {"hit": "✓", "missed": "✗", "recovered": "↺"}


def cue_line(label: str, state: str, strength: float | None = None) -> Text:
    line = Text(f"{MARKS[state]} {label}")
    if state == "recovered":
        line.append("  (after a probe)", style="italic")
    if strength is not None:
        line.append(f"  {strength:.2f}", style="dim")
    return line


class CueList(OptionList):
    """The cues of a grade; selecting one highlights its evidence (the screen listens)."""

    DEFAULT_CSS = """
    CueList {
        height: auto;
        max-height: 10;
        border: round $primary 50%;
    }
    """

    def show(self, result: GradeResult, recovered: tuple[str, ...] = (), strengths: bool = False) -> None:
        self.clear_options()
        for cue in result.cues:
            state = "hit" if cue.hit else ("recovered" if cue.id in recovered else "missed")
            self.add_option(Option(cue_line(cue.label, state, cue.strength if strengths else None), id=cue.id))
