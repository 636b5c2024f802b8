"""The user's settings as validated JSON data, read from the content cache while
settings.toml is unchanged: what `config` prints and the home screen's first paint
needs, without importing pydantic. The Settings model is built when first used."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeGuard

from interviewcoach import content_cache, locations

SETTINGS_CACHE = "settings"


def settings_snapshot(path: Path | None = None) -> dict[str, Any]:
    """`{"values": settings as JSON, "descriptions": {dotted key: description}}`.
    Raises ProblemsFound, as load_settings does, when the file has problems."""
    path = path or locations.settings_path()
    key = content_cache.make_key([path])
    value = content_cache.read_entry(SETTINGS_CACHE, key)
    if _is_snapshot(value):
        return value
    from interviewcoach.settings import load_settings, setting_descriptions

    value = {"values": load_settings(path).model_dump(mode="json"), "descriptions": setting_descriptions()}
    content_cache.write_entry(SETTINGS_CACHE, key, value)
    return value


def _is_snapshot(value: Any) -> TypeGuard[dict[str, Any]]:
    return (
        isinstance(value, dict)
        and isinstance(value.get("values"), dict)
        and isinstance(value["values"].get("last_practice"), dict)
        and isinstance(value.get("descriptions"), dict)
    )
