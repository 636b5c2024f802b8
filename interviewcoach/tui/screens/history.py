"""Every past attempt in a table: sorted by any column, filtered by question text
(typos forgiven), category, level, mode, dates and a missed cue, loaded a page at a
time as the cursor nears the end, so 100,000 attempts open as fast as ten. Enter opens
an attempt; x exports the whole history or the filtered view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.validation import Function
from textual.widgets import DataTable, Footer, Input, Select, Static

from interviewcoach.enums import Category, Level, options
from interviewcoach.store.review import (
    HistoryFilter,
    HistoryRow,
    SortKey,
    count_attempts,
    missed_cue_ids,
    page_attempts,
)
from interviewcoach.tui.base import CoachScreen

PAGE = 60
"""Rows read at a time; the next page loads when the cursor is this close to the end."""
NEAR_END = 10
FILTER_DELAY_S = 0.3
"""Typing pauses this long before the table is filtered again."""

COLUMNS: list[tuple[str, SortKey | None]] = [
    ("When", "date"),
    ("Question", "question"),
    ("Score", "score"),
    ("Verdict", None),
    ("Cues", None),
    ("Category", "category"),
    ("Level", "level"),
    ("Mode", None),
]
"""Column titles, and the sort each header chooses (None: not sortable). What matters
most comes first: at 80 columns the rest is a scroll to the right."""
SORTS: list[SortKey] = ["date", "score", "question", "category", "level"]


def cues_text(row: HistoryRow, label: Callable[[str, str], str] = lambda rubric, cue: cue) -> str:
    """ "3/5 ✗ Metrics, Trade-offs": hits of all cues (↺ counted as hits), then the misses."""
    total = len(row.hits) + len(row.misses)
    text = f"{len(row.hits)}/{total}"
    if row.recovered:
        text += f" ↺{len(row.recovered)}"
    if row.misses:
        text += " ✗ " + ", ".join(label(row.rubric_id, cue) for cue in row.misses)
    return text


def parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


def is_day(text: str) -> bool:
    return not text.strip() or parse_day(text) is not None


class HistoryScreen(CoachScreen[None]):
    BINDINGS = [
        Binding("enter", "open", "Open", tooltip="Show this attempt in full", id="open-attempt", show=False),
        Binding("o", "sort", "Sort", tooltip="Sort by the next column (date, score, question…)", id="sort"),
        Binding("r", "reverse", "Reverse", tooltip="Reverse the order", id="reverse"),
        Binding("slash", "search", "Search", key_display="/", tooltip="Filter by question text", id="search"),
        Binding("c", "clear", "Clear filters", tooltip="Show every attempt again", id="clear-filters"),
        Binding("x", "export", "Export", tooltip="Write this view or the whole history to a file", id="export"),
        Binding("p", "progress", "Progress", tooltip="Charts, readiness and weakest cues", id="progress"),
        Binding("escape", "back", "Back", tooltip="Back", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.wanted = HistoryFilter()
        self.total = 0
        self.loaded: list[HistoryRow] = []
        self._filter_timer: Timer | None = None
        self.exported_to: str | None = None

    def compose(self) -> ComposeResult:
        none: list[str] = []
        missed = self.coach_app.read_history(missed_cue_ids, none, "read your history")
        with Horizontal(id="history-filters", classes="filters"):
            yield Input(placeholder="Search questions… (/)", id="history-text")
            yield Select(options(Category), prompt="Category", id="history-category")
            yield Select(options(Level), prompt="Level", id="history-level")
            yield Select([("Solo", "solo"), ("Peer", "peer")], prompt="Mode", id="history-mode")
        with Horizontal(id="history-filters-2", classes="filters"):
            # A date that can't be read is shown as invalid and filters nothing.
            for widget_id, placeholder in (("history-since", "From YYYY-MM-DD"), ("history-until", "To YYYY-MM-DD")):
                yield Input(
                    placeholder=placeholder, id=widget_id, validators=[Function(is_day, "a date like 2026-11-27")]
                )
            yield Select([(self.any_label(cue), cue) for cue in missed], prompt="Missed cue", id="history-missed")
        yield Static(id="history-status", classes="muted")
        table: DataTable[str] = DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # The other columns are narrow and fixed in size (67 cells with their padding); the
        # question and the cues share the rest, so at 120 columns every column shows.
        rest = self.app.size.width - 67
        widths = {"Cues": max(20, rest * 45 // 100)}
        widths["Question"] = max(26, rest - widths["Cues"])
        for title, sort in COLUMNS:
            table.add_column(title, key=sort or title.lower(), width=widths.get(title))
        self.reload()
        table.focus()
        # Scrolling with the mouse wheel loads more too, not only the cursor.
        self.watch(table, "scroll_y", self.scrolled, init=False)

    def cue_label(self, rubric_id: str, cue_id: str) -> str:
        """The cue's label in its rubric; its id when the rubric is no longer loaded."""
        rubric = self.coach_app.library.rubrics.get(rubric_id)
        cue = rubric.cue(cue_id) if rubric else None
        return cue.label if cue else cue_id

    def any_label(self, cue_id: str) -> str:
        """A label for a cue id that several rubrics may share (the missed-cue filter)."""
        labels = sorted({cue.label for r in self.coach_app.library.rubrics.values() if (cue := r.cue(cue_id))})
        return " / ".join(labels) if labels else cue_id

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Count what the filter shows and load its first page."""
        table = self.query_one(DataTable)
        table.clear()
        self.loaded = []
        self.total = self.coach_app.read_history(lambda s: count_attempts(s, self.wanted), 0, "read your history")
        self.load_more()
        self.update_status()

    def load_more(self) -> None:
        if len(self.loaded) >= self.total:
            return
        none: list[HistoryRow] = []
        rows = self.coach_app.read_history(
            lambda s: page_attempts(s, self.wanted, offset=len(self.loaded), limit=PAGE), none, "read your history"
        )
        if not rows:
            self.total = len(self.loaded)
            return
        table = self.query_one(DataTable)
        for row in rows:
            table.add_row(
                row.created_at.strftime("%d %b %Y"),
                row.question_text or f"({row.rubric_id} rubric)",
                str(row.score),
                row.verdict,
                cues_text(row, self.cue_label),
                row.category or "",
                row.level or "",
                row.mode,
                key=str(row.id),
            )
        self.loaded.extend(rows)

    def update_status(self) -> None:
        arrow = "↓" if self.wanted.descending else "↑"
        shown = f"{self.total:,} attempt{'s' if self.total != 1 else ''}"
        if not self.wanted.is_everything:
            shown += " match the filters"
        text = f"{shown} · sorted by {self.wanted.sort} {arrow}"
        if self.exported_to:
            text += f" · exported to {self.exported_to}"
        self.query_one("#history-status", Static).update(text)

    def scrolled(self, scroll_y: float) -> None:
        table = self.query_one(DataTable)
        if scroll_y >= table.max_scroll_y - NEAR_END:
            self.load_more()

    @on(DataTable.RowHighlighted, "#history-table")
    def near_the_end(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= len(self.loaded) - NEAR_END:
            self.load_more()

    # --- filters and sorting -----------------------------------------------------------------

    def read_filters(self) -> HistoryFilter:
        def selected(widget_id: str) -> str | None:
            value = self.query_one(f"#{widget_id}", Select).value
            return None if value is Select.NULL else str(value)

        mode = selected("history-mode")
        return HistoryFilter(
            text=self.query_one("#history-text", Input).value,
            category=selected("history-category"),
            level=selected("history-level"),
            mode="peer" if mode == "peer" else "solo" if mode == "solo" else None,
            since=parse_day(self.query_one("#history-since", Input).value),
            until=parse_day(self.query_one("#history-until", Input).value),
            missed_cue=selected("history-missed"),
            sort=self.wanted.sort,
            descending=self.wanted.descending,
        )

    def apply_filters(self) -> None:
        wanted = self.read_filters()
        if wanted != self.wanted:
            self.wanted = wanted
            self.reload()

    @on(Input.Changed)
    def typed(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(FILTER_DELAY_S, self.apply_filters)

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.apply_filters()
        self.query_one(DataTable).focus()

    @on(Select.Changed)
    def chosen(self) -> None:
        self.apply_filters()

    def sort_by(self, sort: SortKey, descending: bool) -> None:
        self.wanted = HistoryFilter(**{**self.wanted.__dict__, "sort": sort, "descending": descending})
        self.reload()

    @on(DataTable.HeaderSelected, "#history-table")
    def header_clicked(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        if key in SORTS:
            sort: SortKey = SORTS[SORTS.index(key)]
            self.sort_by(sort, not self.wanted.descending if sort == self.wanted.sort else True)

    def action_sort(self) -> None:
        self.sort_by(SORTS[(SORTS.index(self.wanted.sort) + 1) % len(SORTS)], self.wanted.descending)

    def action_reverse(self) -> None:
        self.sort_by(self.wanted.sort, not self.wanted.descending)

    def action_search(self) -> None:
        self.query_one("#history-text", Input).focus()

    def action_clear(self) -> None:
        for widget in self.query(Input):
            widget.value = ""
        for select in self.query(Select):
            select.clear()
        self.wanted = HistoryFilter(sort=self.wanted.sort, descending=self.wanted.descending)
        self.reload()

    # --- going elsewhere -------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        table = self.query_one(DataTable)
        if not self.loaded or table.cursor_row >= len(self.loaded):
            return None
        return self.loaded[table.cursor_row].id

    @on(DataTable.RowSelected, "#history-table")
    def row_chosen(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        attempt_id = self.selected_id()
        if attempt_id is not None:
            self.coach_app.open_attempt(attempt_id)

    def action_export(self) -> None:
        from interviewcoach.tui.screens.export import ExportChoice, ExportScreen

        def chosen(choice: ExportChoice | None) -> None:
            if choice is None:
                return
            from interviewcoach.tui.screens.export import write_export

            wanted = self.wanted if choice.view else HistoryFilter()
            path = self.coach_app.read_history(
                lambda store: write_export(store, wanted, choice.format, self.coach_app.now()), None, "export"
            )
            if path is not None:
                self.exported_to = str(path)
                self.update_status()
                self.notify(f"Exported to {path}", timeout=15)

        self.app.push_screen(ExportScreen(filtered=not self.wanted.is_everything), chosen)

    def action_progress(self) -> None:
        self.coach_app.open_progress()

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self.query_one(DataTable).focus()
            return
        self.coach_app.back()
