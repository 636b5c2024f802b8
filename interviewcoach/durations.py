"""Durations as people read them, one formatter per form: "1:35" on a clock, "7 minutes"
in the interviewer's words, "6 min" in a table."""

from __future__ import annotations


def clock_text(seconds: float) -> str:
    """m:ss, rounded to the second; the sign is left to the caller ("over by 0:15")."""
    whole = round(abs(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def minutes_text(seconds: int) -> str:
    """In words, as the interviewer says it: "1 minute 30 seconds"."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} seconds"
    text = f"{minutes} minute{'s' if minutes != 1 else ''}"
    return text + (f" {rest} seconds" if rest else "")


def short_text(seconds: int) -> str:
    """Compact, for tables and previews: "6 min", "6m30s", "45s"."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest}s"
    return f"{minutes} min" if not rest else f"{minutes}m{rest:02d}s"
