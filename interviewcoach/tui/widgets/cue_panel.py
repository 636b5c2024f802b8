"""A checklist of rubric cues: hit, missed, or recovered under probing."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from interviewcoach.final_grade import FinalGrade


def cue_line(label: str, mark: str, strength: float | None = None) -> Text:
    line = Text(f"{mark} {label}")
    if mark == "↺":
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

    def show(self, final: FinalGrade, strengths: bool = False) -> None:
        self.clear_options()
        for cue in final.cues:
            line = cue_line(cue.label, final.mark(cue.id), cue.strength if strengths else None)
            self.add_option(Option(line, id=cue.id))
