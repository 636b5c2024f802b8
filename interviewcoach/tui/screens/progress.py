"""Progress: score over time and the weakest cues' hit rates over time (Textual's own
Sparkline: no plotting dependency, and a chart one row high leaves room for everything
else at 80x24), practice days as a calendar strip with the streak, averages by category
and level, the three weakest cues each with a one-key drill, and readiness per category
at the target level (`w` shows the rule and the answers behind it)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Sparkline, Static

from interviewcoach.banks import Library
from interviewcoach.enums import Category, Level
from interviewcoach.readiness import RECENT, RULE, Readiness, readiness, rubric_for_category
from interviewcoach.scheduler import questions_for_drill
from interviewcoach.store import HistoryStore
from interviewcoach.store.history import CueRate
from interviewcoach.store.review import (
    DayScore,
    GroupAverage,
    averages,
    cue_rate_by_day,
    personal_bests,
    recent_in_category,
    scores_by_day,
)
from interviewcoach.tui.base import CoachScreen

STRIP_WEEKS = 8
"""The calendar strip's length."""
SIGNAL_MARK = {"ready": "●", "getting there": "◐", "not yet": "○"}


@dataclass(frozen=True)
class WeakCue:
    rate: CueRate
    label: str
    by_day: list[float]
    drill: int
    """How many questions weigh this cue most at the target level."""


@dataclass
class ProgressData:
    """Everything the progress screen shows, read from the history at once."""

    today: date
    level: Level
    days: list[DayScore] = field(default_factory=list)
    weakest: list[WeakCue] = field(default_factory=list)
    categories: list[GroupAverage] = field(default_factory=list)
    levels: list[GroupAverage] = field(default_factory=list)
    readiness: list[Readiness] = field(default_factory=list)
    bests: dict[str, int] = field(default_factory=dict)

    @property
    def practice_days(self) -> set[date]:
        return {d.day for d in self.days}

    def streak(self) -> int:
        """Practice days in a row up to today (or up to yesterday, when today is still free)."""
        days = self.practice_days
        day = self.today if self.today in days else self.today - timedelta(days=1)
        count = 0
        while day in days:
            count += 1
            day -= timedelta(days=1)
        return count

    def longest_streak(self) -> int:
        best = run = 0
        previous: date | None = None
        for day in sorted(self.practice_days):
            run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
            best = max(best, run)
            previous = day
        return best


def load_progress(store: HistoryStore, library: Library, level: Level, today: date) -> ProgressData:
    data = ProgressData(today, level)
    data.days = scores_by_day(store)
    for rate in store.stats().weakest:
        rubric = library.rubrics.get(rate.rubric_id)
        cue = rubric.cue(rate.cue_id) if rubric else None
        by_day = [r for _, r in cue_rate_by_day(store, rate.rubric_id, rate.cue_id)]
        drill = len(questions_for_drill(library, rate.rubric_id, rate.cue_id, level))
        data.weakest.append(WeakCue(rate, cue.label if cue else rate.cue_id, by_day, drill))
    data.categories, data.levels = averages(store)
    for category in Category:
        recent = recent_in_category(store, str(category), str(level), RECENT)
        # The rubric the latest answer was graded with; the category's usual one otherwise.
        rubric = (library.rubrics.get(recent[0].rubric_id) if recent else None) or rubric_for_category(
            library, str(category)
        )
        data.readiness.append(readiness(str(category), level, rubric, recent))
    data.bests = personal_bests(store)
    return data


def calendar_strip(data: ProgressData) -> str:
    """The last STRIP_WEEKS weeks, oldest first: █ a practice day, · a day without."""
    days = data.practice_days
    start = data.today - timedelta(days=STRIP_WEEKS * 7 - 1)
    return "".join("█" if start + timedelta(days=n) in days else "·" for n in range(STRIP_WEEKS * 7))


def group_line(groups: list[GroupAverage], label) -> str:
    return "   ".join(f"{label(g.name)} {g.average:.0f} ({g.attempts})" for g in groups) or "none yet"


def category_label(name: str) -> str:
    try:
        return Category(name).label
    except ValueError:
        return name


def level_label(name: str) -> str:
    try:
        return Level(name).label
    except ValueError:
        return name


class ProgressScreen(CoachScreen[None]):
    BINDINGS = [
        Binding("1", "drill(0)", "Drill 1", tooltip="Drill your weakest cue", id="drill-1"),
        Binding("2", "drill(1)", "Drill 2", tooltip="Drill your second-weakest cue", id="drill-2"),
        Binding("3", "drill(2)", "Drill 3", tooltip="Drill your third-weakest cue", id="drill-3"),
        Binding("w", "why", "Readiness rule", tooltip="The rule and the answers behind each signal", id="readiness"),
        Binding("h", "history", "History", tooltip="Every past attempt", id="history"),
        Binding("escape", "back", "Back", tooltip="Back", id="back"),
    ]

    def __init__(self, data: ProgressData) -> None:
        super().__init__()
        self.data = data

    def compose(self) -> ComposeResult:
        data = self.data
        with VerticalScroll(id="progress-view"):
            if not data.days:
                yield Static("No attempts yet: practise a question and your progress shows here.", classes="muted")
            else:
                first, last = data.days[0], data.days[-1]
                yield Static(
                    f"Score over time · {len(data.days)} practice days · "
                    f"first day {first.average:.0f}, latest {last.average:.0f}",
                    classes="section-title",
                )
                yield Sparkline([d.average for d in data.days], summary_function=statistics.fmean, id="score-chart")
                yield Static(f"{first.day:%d %b %Y} … {last.day:%d %b %Y}", classes="muted chart-axis")
                if data.weakest:
                    yield Static("Weakest cues: hit rate over time (press 1-3 to drill one)", classes="section-title")
                    for n, weak in enumerate(data.weakest, start=1):
                        with Horizontal(classes="cue-row"):
                            rate = weak.rate
                            yield Static(
                                f"{n} {weak.label}: {rate.hits}/{rate.attempts} ({rate.rate:.0%})",
                                classes="cue-label",
                                markup=False,
                            )
                            yield Sparkline(weak.by_day, summary_function=statistics.fmean, classes="cue-chart")
                yield Static(f"Practice days, the last {STRIP_WEEKS} weeks", classes="section-title")
                yield Static(
                    f"{calendar_strip(data)}  streak {data.streak()}, longest {data.longest_streak()}",
                    id="calendar",
                )
                yield Static(
                    f"By category: {group_line(data.categories, category_label)}\n"
                    f"By level: {group_line(data.levels, level_label)}",
                    id="averages",
                )
            yield Static(f"Readiness at {data.level.label} (w: the rule)", classes="section-title")
            with Vertical(id="readiness"):
                for signal in data.readiness:
                    yield Static(
                        f"{SIGNAL_MARK[signal.signal]} {category_label(signal.category)}: {signal.signal} · {signal.why}",
                        markup=False,
                    )
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "drill":
            index = int(str(parameters[0])) if parameters else 0
            return index < len(self.data.weakest) and self.data.weakest[index].drill > 0
        return True

    def action_drill(self, index: int) -> None:
        weak = self.data.weakest[index]
        self.coach_app.drill_cue(weak.rate.rubric_id, weak.rate.cue_id)

    def action_why(self) -> None:
        self.app.push_screen(ReadinessScreen(self.data))

    def action_history(self) -> None:
        self.coach_app.open_history()

    def action_back(self) -> None:
        self.coach_app.back()


class ReadinessScreen(ModalScreen[None]):
    """The readiness rule, and for each category the answers behind its signal, each
    with the personal best at its question."""

    DEFAULT_CSS = """
    ReadinessScreen {
        align: center middle;
    }
    ReadinessScreen > VerticalScroll {
        width: 100;
        max-width: 95%;
        height: 90%;
        padding: 0 2;
        border: thick $primary;
        background: $surface;
    }
    """
    BINDINGS = [Binding("escape,w", "close", "Close", id="readiness-close")]

    def __init__(self, data: ProgressData) -> None:
        super().__init__()
        self.data = data

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("How readiness is decided", classes="section-title")
            yield Static(RULE, markup=False)
            for signal in self.data.readiness:
                lines = [f"{category_label(signal.category)}: {signal.signal} ({signal.why})"]
                for shared in signal.required:
                    lines.append(f"  required cue {shared.label}: hit in {shared.hits} of {shared.of}")
                for attempt in signal.attempts:
                    best = self.data.bests.get(attempt.question_id or "", attempt.score)
                    lines.append(
                        f"  {attempt.created_at:%d %b} {attempt.score:3d} (best {best})  {attempt.question_text[:60]}"
                    )
                yield Static("\n".join(lines), classes="readiness-detail", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
