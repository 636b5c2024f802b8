"""Coverage: a matrix of the themes interviewers ask (rows, most asked first) by your
stories (columns), each cell the story's verdict; themes with no story or only a weak
one stand out, and so do stories told so often they would repeat across a loop.

The story columns are headed by number, named in the legend below, and as wide as the
longest verdict: whatever the terminal's width, a column reads the same, and the theme
stays in view (a fixed column) when the matrix scrolls sideways."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Static

from interviewcoach.stories.bank import StoryBank
from interviewcoach.stories.coverage import Coverage, ThemeRow
from interviewcoach.stories.grade import VERDICT_WIDTH
from interviewcoach.tui.screens.stories import StoryBankScreen, verdict_text

THEME_COLUMN = 20
"""The widest the theme column is drawn; narrower when every theme's name is shorter."""
LEGEND_TITLE = 30
"""Characters of a story's title the legend shows."""
KEY = "✗ no story  ! only stories below solid  Asked: how many questions ask it"


def clip(text: str, width: int) -> str:
    """`text` cut to `width` characters, mid-word if need be, with … when cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def pack(entries: list[str], width: int, gap: str = "  ") -> str:
    """`entries` joined by `gap` into lines of at most `width` characters, each entry
    whole on one line (one longer than `width` on a line of its own)."""
    lines: list[str] = []
    for entry in entries:
        if lines and len(lines[-1]) + len(gap) + len(entry) <= width:
            lines[-1] += gap + entry
        else:
            lines.append(entry)
    return "\n".join(lines)


class CoverageScreen(StoryBankScreen):
    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to your stories", id="back"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="coverage"):
            yield Static("Coverage: the themes interviewers ask × your stories", classes="section-title")
            yield Static("Reading your stories…", id="coverage-summary", markup=False)
            yield Static(id="coverage-overused", markup=False)
            yield DataTable(
                id="coverage-table", cursor_type="row", zebra_stripes=True, show_cursor=False, fixed_columns=3
            )
            with VerticalScroll(id="coverage-legend-box", can_focus=False):
                yield Static(id="coverage-legend", classes="muted", markup=False)
            yield Static(KEY, id="coverage-key", classes="muted", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#coverage-overused", Static).display = False
        self.query_one(DataTable).focus()
        self.reload()

    def show_bank(self, bank: StoryBank) -> None:
        coverage = bank.coverage()
        self.query_one("#coverage-summary", Static).update(self.summary(coverage))
        overused = self.query_one("#coverage-overused", Static)
        overused.update(
            "\n".join(
                f"⟳ '{o.title}' told in {o.picks} of your last {o.of} story answers: it would repeat across a loop."
                for o in coverage.overused
            )
        )
        overused.display = bool(coverage.overused)
        table = self.query_one("#coverage-table", DataTable)
        table.clear(columns=True)
        theme_width = min(THEME_COLUMN, max((len(row.theme.label) for row in coverage.rows), default=5))
        table.add_column("", width=1, key="mark")
        table.add_column("Theme", width=max(theme_width, len("Theme")), key="theme")
        table.add_column("Asked", width=5, key="asked")
        for number, saved in enumerate(coverage.stories, start=1):
            table.add_column(str(number), width=VERDICT_WIDTH, key=saved.id)
        variables = self.variables()
        for row in coverage.rows:
            cells: list[str | Text] = [*self.theme_cells(row, theme_width), str(len(row.theme.questions))]
            for saved in coverage.stories:
                cell = row.cell(saved.id)
                cells.append(verdict_text(cell.verdict, None, variables) if cell else Text("·", style="dim"))
            table.add_row(*cells, key=row.theme.tag)
        self.show_legend(coverage)

    def show_legend(self, coverage: Coverage) -> None:
        """Each story's number and title, packed into lines as wide as the screen and
        broken between stories, never between a number and its title."""
        entries = [f"{n} {clip(saved.story.title, LEGEND_TITLE)}" for n, saved in enumerate(coverage.stories, start=1)]
        self.query_one("#coverage-legend", Static).update(
            pack(entries, self.size.width - 2) if entries else "No stories yet: a on your stories writes one."
        )

    def on_resize(self) -> None:
        if self.bank is not None:
            self.show_legend(self.bank.coverage())

    def summary(self, coverage: Coverage) -> Text:
        colour = self.variables()
        text = Text()
        uncovered, weak = coverage.uncovered, coverage.weak
        if uncovered:
            text.append(
                f"✗ {len(uncovered)} of {len(coverage.rows)} themes have no story",
                style=f"bold {colour.get('error', 'red')}",
            )
        else:
            text.append("Every theme has a story", style=f"bold {colour.get('success', 'green')}")
        if weak:
            text.append(f" · ! {len(weak)} with only a weak story", style=f"bold {colour.get('warning', 'yellow')}")
        if coverage.unasked:
            text.append(f" · yours, asked by no question: {', '.join(coverage.unasked)}", style="dim")
        return text

    def theme_cells(self, row: ThemeRow, width: int = THEME_COLUMN) -> tuple[Text, Text]:
        """The theme's mark (✗ no story, ! only weak ones) and its name, in the mark's colour."""
        variables = self.variables()
        label = clip(row.theme.label, width)
        if row.status == "none":
            style = f"bold {variables.get('error', 'red')}"
            return Text("✗", style=style), Text(label, style=style)
        if row.status == "weak":
            style = f"bold {variables.get('warning', 'yellow')}"
            return Text("!", style=style), Text(label, style=style)
        return Text(""), Text(label)
