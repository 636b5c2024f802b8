"""The interviewer's live checklist: every cue of the rubric, whether it has been heard
(the grader's call on the notes, or the interviewer's), the words that triggered it, and
the interviewer's rating and comment. Keys act on the highlighted cue; the screen owns
the session and turns each key's message into a call on it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from interviewcoach.mock import MockQuestion

MAX_WORDS_SHOWN = 3
"""Triggering words shown per cue: enough to check the call, short enough to scan."""
EVIDENCE_WIDTH = 30
"""Characters of triggering words on a cue's second line: one line even at 80 columns."""


def checklist_line(current: MockQuestion, cue_id: str, label: str, focus: bool) -> Text:
    heard = current.call(cue_id)
    line = Text()
    line.append("✓ " if heard else "· ", style="bold green" if heard else "dim")
    line.append(label, style="bold" if heard else "")
    if focus:
        line.append(" ◆", style="bold magenta")
    if cue_id in current.calls:
        overridden = current.calls[cue_id] != current.grader_call(cue_id)
        line.append("  overridden" if overridden else "  confirmed", style="italic yellow" if overridden else "italic")
    if cue_id in current.ratings:
        line.append(f"  {current.ratings[cue_id]}/4", style="bold")
    if cue_id in current.comments:
        line.append("  ✎", style="bold")
    cue = current.result.cue(cue_id) if current.result else None
    # The words behind a cue the grader heard; a passing mention of one it did not hear
    # is no evidence and is not shown.
    if cue is not None and cue.hit and cue.evidence:
        words = list(dict.fromkeys(e.text for e in cue.evidence))
        shown = ", ".join(f'"{w}"' for w in words[:MAX_WORDS_SHOWN])
        more = f" +{len(words) - MAX_WORDS_SHOWN}" if len(words) > MAX_WORDS_SHOWN else ""
        text = shown + more
        if len(text) > EVIDENCE_WIDTH:
            text = text[: EVIDENCE_WIDTH - 1] + "…"
        line.append(f"\n    {text}", style="dim")
    return line


class CueChecklist(OptionList):
    DEFAULT_CSS = """
    CueChecklist {
        height: 1fr;
        border: round $primary 50%;
    }
    CueChecklist:focus {
        border: round $accent;
    }
    """
    BINDINGS = [
        Binding(
            "y", "call('confirm')", "Confirm", tooltip="Agree with the grader's call on this cue", id="cue-confirm"
        ),
        Binding("x", "call('override')", "Override", tooltip="Call this cue the other way", id="cue-override"),
        Binding("1", "rate(1)", "Rate 1-4", key_display="1-4", tooltip="Rate this cue 1 to 4", id="cue-rate-1"),
        Binding("2", "rate(2)", "Rate 2", show=False, id="cue-rate-2"),
        Binding("3", "rate(3)", "Rate 3", show=False, id="cue-rate-3"),
        Binding("4", "rate(4)", "Rate 4", show=False, id="cue-rate-4"),
        Binding("c", "call('comment')", "Comment", tooltip="A private comment on this cue", id="cue-comment"),
    ]

    @dataclass
    class CueActed(Message):
        """A key was pressed on a cue: confirm, override, rate (with `rating`) or comment."""

        checklist: CueChecklist
        cue_id: str
        action: str
        rating: int = 0

    def show(self, current: MockQuestion, focus: set[str]) -> None:
        highlighted = self.highlighted
        self.clear_options()
        for cue in current.rubric.cues:
            if current.question.focus_cues and cue.id not in current.question.focus_cues:
                continue
            self.add_option(Option(checklist_line(current, cue.id, cue.label, cue.id in focus), id=cue.id))
        if self.option_count:
            self.highlighted = min(highlighted or 0, self.option_count - 1)

    def _selected_id(self) -> str | None:
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def action_call(self, action: str) -> None:
        cue_id = self._selected_id()
        if cue_id:
            self.post_message(self.CueActed(self, cue_id, action))

    def action_rate(self, rating: int) -> None:
        cue_id = self._selected_id()
        if cue_id:
            self.post_message(self.CueActed(self, cue_id, "rate", rating))
