"""The closed sets questions are sorted by (category, level, company stage) and their
names for people. Plain enums, no pydantic: the command line takes its choices from
here without paying for the models, and every screen takes its labels from here."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    PRODUCT_DESIGN = "product-design"
    BEHAVIOURAL = "behavioural"
    PRODUCT_STRATEGY = "product-strategy"
    METRICS = "metrics"
    LEADERSHIP = "leadership"

    @property
    def label(self) -> str:
        """ "Product design"."""
        return self.value.replace("-", " ").capitalize()


class Level(StrEnum):
    """PM levels, most junior first: the order is the career ladder."""

    APM = "apm"
    PM = "pm"
    SENIOR_PM = "senior-pm"
    PRINCIPAL_PM = "principal-pm"
    DIRECTOR = "director"
    VP = "vp"
    CPO = "cpo"

    @property
    def label(self) -> str:
        """ "Senior PM", "VP of Product"."""
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    Level.APM: "APM",
    Level.PM: "PM",
    Level.SENIOR_PM: "Senior PM",
    Level.PRINCIPAL_PM: "Principal PM",
    Level.DIRECTOR: "Director",
    Level.VP: "VP of Product",
    Level.CPO: "CPO",
}


class Stage(StrEnum):
    STARTUP = "startup"
    BIG_TECH = "big-tech"
    ANY = "any"

    @property
    def label(self) -> str:
        """ "Startup", "Big tech", "Any company"."""
        return "Any company" if self is Stage.ANY else self.value.replace("-", " ").capitalize()


def choices(enum: type[StrEnum]) -> list[str]:
    """The values of an enum, in order: for argparse's `choices`."""
    return [str(member) for member in enum]


def options(enum: type[Category] | type[Level] | type[Stage]) -> list[tuple[str, str]]:
    """(label, value) pairs in order: for a select box."""
    return [(member.label, str(member)) for member in enum]
