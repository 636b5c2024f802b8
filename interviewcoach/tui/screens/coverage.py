"""Coverage: a matrix of the themes interviewers ask (rows, most asked first) by your
stories (columns), each cell the story's verdict; themes with no story or only a weak
one stand out, and so do stories told so often they would repeat across a loop."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Static

from interviewcoach.stories.bank import StoryBank
from interviewcoach.stories.coverage import Coverage, ThemeRow
from interviewcoach.tui.screens.stories import StoryBankScreen, verdict_text

COLUMN_RANGE = (11, 24)
"""Narrowest and widest a story's column is drawn (its number and title): the table
shares out the screen's width."""
THEME_COLUMN = 20


def clip(text: str, width: int) -> str:
    """`text` cut to `width` characters, mid-word if need be, with … when cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class CoverageScreen(StoryBankScreen):
    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to your stories", id="back"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="coverage"):
            yield Static("Coverage: the themes interviewers ask × your stories", classes="section-title")
            yield Static("Reading your stories…", id="coverage-summary", markup=False)
            yield Static(id="coverage-overused", markup=False)
            yield DataTable(id="coverage-table", cursor_type="row", zebra_stripes=True, show_cursor=False)
            yield Static(id="coverage-legend", classes="muted", markup=False)
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
        table.add_column("", width=1, key="mark")
        table.add_column("Theme", width=THEME_COLUMN, key="theme")
        table.add_column("Asked", width=5, key="asked")
        width = self.story_column_width(len(coverage.stories))
        for number, saved in enumerate(coverage.stories, start=1):
            table.add_column(clip(f"{number} {saved.story.title}", width), width=width, key=saved.id)
        variables = self.variables()
        for row in coverage.rows:
            cells: list[str | Text] = [*self.theme_cells(row), str(len(row.theme.questions))]
            for saved in coverage.stories:
                cell = row.cell(saved.id)
                cells.append(verdict_text(cell.verdict, None, variables) if cell else Text("·", style="dim"))
            table.add_row(*cells, key=row.theme.tag)
        legend = "  ".join(f"{n} {saved.story.title}" for n, saved in enumerate(coverage.stories, start=1))
        self.query_one("#coverage-legend", Static).update(
            (legend or "No stories yet: a on your stories writes one.")
            + "\n✗ no story  ! only stories below solid  Asked: how many questions ask it"
        )

    def story_column_width(self, stories: int) -> int:
        # Each column is followed by DataTable's padding of two cells.
        room = self.size.width - 2 - (1 + THEME_COLUMN + 5 + 3 * 2)
        narrowest, widest = COLUMN_RANGE
        return max(narrowest, min(widest, room // max(1, stories) - 2))

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

    def theme_cells(self, row: ThemeRow) -> tuple[Text, Text]:
        """The theme's mark (✗ no story, ! only weak ones) and its name, in the mark's colour."""
        variables = self.variables()
        label = clip(row.theme.label, THEME_COLUMN)
        if row.status == "none":
            style = f"bold {variables.get('error', 'red')}"
            return Text("✗", style=style), Text(label, style=style)
        if row.status == "weak":
            style = f"bold {variables.get('warning', 'yellow')}"
            return Text("!", style=style), Text(label, style=style)
        return Text(""), Text(label)
