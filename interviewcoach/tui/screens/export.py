"""Export from the app: pick a format (Markdown, CSV or JSON: the CLI's own formats) and
whether to write the filtered view or the whole history. The file goes to the data
folder's exports/ and the history screen shows its path."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, RadioButton, RadioSet, Static

from interviewcoach.store import HistoryStore
from interviewcoach.store.review import HistoryFilter, export_filtered

Format = Literal["md", "csv", "json"]
FORMATS: list[tuple[Format, str]] = [("md", "Markdown"), ("csv", "CSV"), ("json", "JSON (import reads it back)")]


@dataclass(frozen=True)
class ExportChoice:
    format: Format
    view: bool
    """Only the attempts the history's filters show."""


def exports_dir() -> Path:
    from interviewcoach import locations

    return locations.ensure_private_dir(locations.data_dir() / "exports")


def write_export(store: HistoryStore, wanted: HistoryFilter, format: Format, now: datetime) -> Path:
    """Write the attempts `wanted` shows in `format`, exactly as `interviewcoach export`
    would; returns the file's path."""
    from interviewcoach.export_formats import to_csv, to_markdown
    from interviewcoach.files import write_atomically

    data = export_filtered(store, wanted)
    text = {
        "json": lambda: data.model_dump_json(indent=2),
        "csv": lambda: to_csv(data),
        "md": lambda: to_markdown(data),
    }[format]()
    scope = "history" if wanted.is_everything else "history-filtered"
    return write_atomically(exports_dir() / f"interviewcoach-{scope}-{now:%Y%m%d-%H%M%S}.{format}", text)


class ExportScreen(ModalScreen[ExportChoice | None]):
    DEFAULT_CSS = """
    ExportScreen {
        align: center middle;
    }
    ExportScreen > Vertical {
        width: 60;
        max-width: 95%;
        height: auto;
        padding: 0 2;
        border: thick $primary;
        background: $surface;
    }
    ExportScreen RadioSet {
        width: 100%;
    }
    ExportScreen Horizontal {
        height: auto;
        align-horizontal: right;
    }
    ExportScreen Button {
        margin-left: 1;
    }
    """
    BINDINGS = [
        Binding("ctrl+s", "export", "Export", tooltip="Write the file", id="export-write"),
        Binding("escape", "cancel", "Cancel", tooltip="Export nothing", id="export-cancel"),
    ]

    def __init__(self, filtered: bool) -> None:
        super().__init__()
        self.filtered = filtered

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Export your history", classes="section-title")
            with RadioSet(id="export-format"):
                for n, (_, label) in enumerate(FORMATS):
                    yield RadioButton(label, value=n == 0)
            yield Checkbox("Only the filtered view", value=self.filtered, disabled=not self.filtered, id="export-view")
            with Horizontal():
                yield Button("Cancel (esc)", id="cancel")
                yield Button("Export (ctrl+s)", id="export", variant="primary")

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    def choice(self) -> ExportChoice:
        index = self.query_one(RadioSet).pressed_index
        return ExportChoice(FORMATS[max(index, 0)][0], self.query_one(Checkbox).value and self.filtered)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.choice() if event.button.id == "export" else None)

    def action_export(self) -> None:
        self.dismiss(self.choice())

    def action_cancel(self) -> None:
        self.dismiss(None)
