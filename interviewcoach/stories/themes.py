"""The themes interviewers ask stories about, read from the loaded banks.

The rule: a theme is a tag of a behavioural question (bundled or your own), except the
tags that say where a story happened or who else was in it rather than what it shows:
the company's kind and stage (startup, b2b, scale, international, early-career) and the
other party (engineering, design, manager, sales, support, board, executives). "Tell me
about a time you disagreed with an engineer" is tagged conflict and engineering: its
theme is conflict. Themes are ordered by how many questions ask them, most asked first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from interviewcoach.enums import Category

if TYPE_CHECKING:
    from interviewcoach.banks import Library
    from interviewcoach.models import Question

SETTING_TAGS = frozenset(
    {
        "startup",
        "b2b",
        "scale",
        "international",
        "early-career",
        "engineering",
        "design",
        "manager",
        "sales",
        "support",
        "board",
        "executives",
    }
)
"""Tags of behavioural questions that name the setting or the other party, not a theme."""


@dataclass(frozen=True)
class Theme:
    tag: str
    questions: tuple[str, ...]
    """The ids of the behavioural questions that ask it."""

    @property
    def label(self) -> str:
        return self.tag.replace("-", " ")


def is_behavioural(question: Question) -> bool:
    return question.category == Category.BEHAVIOURAL


def question_themes(question: Question) -> list[str]:
    """The themes a question asks: its tags, less those naming the setting."""
    return [tag for tag in question.tags if tag not in SETTING_TAGS] if is_behavioural(question) else []


def story_themes(library: Library) -> list[Theme]:
    """Every theme the behavioural questions in `library` ask, most asked first."""
    asked: dict[str, list[str]] = {}
    for question in library.questions.values():
        for tag in question_themes(question):
            asked.setdefault(tag, []).append(question.id)
    return [Theme(tag, tuple(ids)) for tag, ids in sorted(asked.items(), key=lambda item: (-len(item[1]), item[0]))]


THEME_RULE = "lowercase words with dashes, e.g. `failure`"
"""How a theme is written, in the words the form and the file checks both use."""


def theme_form(text: str) -> str:
    """`text` written as a theme: "Customer Feedback" -> "customer-feedback"."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def theme_problem(text: str) -> str:
    """What is wrong with a theme not written as one, and the form it would take."""
    fixed = theme_form(text)
    return f"themes: {THEME_RULE}" + (f" (did you mean `{fixed}`?)" if fixed and fixed != text else "")


def close_theme(theme: str, known: Sequence[str]) -> str | None:
    """The asked theme `theme` is likely a typo of, if any."""
    import difflib

    close = difflib.get_close_matches(theme, list(known), n=1)
    return close[0] if close else None


def unasked_themes(themes: Sequence[str], known: Sequence[str]) -> list[str]:
    """The themes of `themes` no question asks (`known`: those asked), each with the
    asked theme it is likely a typo of: "confict (did you mean conflict?)". Empty when
    nothing is known to ask (no behavioural questions loaded)."""
    if not known:
        return []
    notes = []
    for theme in themes:
        if theme not in known:
            close = close_theme(theme, known)
            notes.append(f"{theme} (did you mean {close}?)" if close else theme)
    return notes
