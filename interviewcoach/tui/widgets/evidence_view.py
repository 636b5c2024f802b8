"""A final grade beside its answer: the cue list, and the answer with each cue's evidence
in the cue's colour (the selected cue's words stand out). The feedback screen and the
history's attempt detail and comparison all show an answer this way."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import OptionList, Static

from interviewcoach.final_grade import FinalGrade
from interviewcoach.tui.widgets.cue_panel import CueList

PALETTE = ("primary", "secondary", "accent", "warning", "success", "error")
"""Theme colours given to the cues in turn, so any Textual theme works."""


class EvidenceView(Horizontal):
    """The cues of `final` and `answer` highlighted by them. The answer must be the text
    the grade's evidence points into (the answer as graded)."""

    def __init__(self, final: FinalGrade, answer: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.final = final
        self.answer = answer

    def compose(self) -> ComposeResult:
        cues = CueList(id="cues")
        cues.show(self.final)
        yield cues
        yield Static(self.highlighted(None), id="answer-view")

    def colours(self) -> dict[str, str]:
        variables = self.app.theme_variables
        return {cue.id: variables.get(PALETTE[i % len(PALETTE)], "yellow") for i, cue in enumerate(self.final.cues)}

    def highlighted(self, selected: str | None) -> Text:
        """The answer with each cue's evidence in the cue's colour; the selected cue's words
        stand out in reverse."""
        text = Text(self.answer)
        colours = self.colours()
        for cue in self.final.cues:
            for evidence in cue.evidence:
                style = f"bold {colours[cue.id]}"
                if cue.id == selected:
                    style += " reverse"
                text.stylize(style, evidence.start, evidence.end)
        return text

    @on(OptionList.OptionHighlighted, "#cues")
    def cue_selected(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.query_one("#answer-view", Static).update(self.highlighted(event.option.id))


def coaching_text(final: FinalGrade) -> str:
    """What to work on: why this isn't read as an answer first (another question's, too
    short), then each missed cue's tip, each cue shown only when asked, the other notes."""
    lead = final.result.lead_notes
    lines = [f"• {note}" for note in lead]
    for cue in final.cues:
        if cue.id in final.recovered:
            lines.append(f"↺ {cue.label}: you showed it only when asked; say it unprompted next time.")
        elif not final.is_hit(cue.id) and cue.tip:
            lines.append(f"✗ {cue.label}: {' '.join(cue.tip.split())}")
    lines.extend(f"• {note}" for note in final.result.notes if note not in lead)
    return "What to work on:\n" + "\n".join(lines) if lines else "Every cue was there. Well done."
