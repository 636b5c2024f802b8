import stat
import tomllib

import pytest

from interviewcoach import locations
from interviewcoach.models import Level
from interviewcoach.problems import ProblemsFound
from interviewcoach.settings import Settings, load_settings, save_settings, setting_keys, with_value


def test_defaults_when_no_file_and_nothing_is_created():
    settings = load_settings()
    assert settings == Settings()
    assert settings.probes == 2 and settings.timer is True
    assert not locations.settings_path().exists()


def test_save_and_load_round_trip_with_private_permissions():
    settings = with_value(Settings(), "last_practice.level", "director")
    settings = with_value(settings, "name", "Ada")
    path = save_settings(settings)
    assert load_settings() == settings
    assert load_settings().last_practice.level is Level.DIRECTOR
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert tomllib.loads(path.read_text())["last_practice"]["level"] == "director"
    # No temporary files are left beside it.
    assert [p.name for p in path.parent.iterdir()] == ["settings.toml"]


def write_settings(text: str):
    path = locations.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_bad_value_names_file_line_and_key():
    path = write_settings('name = "Ada"\n\n[last_practice]\nlevel = "intern"\n')
    with pytest.raises(ProblemsFound) as caught:
        load_settings()
    (problem,) = caught.value.problems
    assert problem.line == 4
    assert str(problem).startswith(f"{path}:4: last_practice.level: Input should be 'apm'")
    assert "got 'intern'" in str(problem)


def test_unknown_key_and_syntax_error_are_clear():
    path = write_settings("probs = 3\n")
    with pytest.raises(ProblemsFound) as caught:
        load_settings()
    assert "unknown field 'probs' (did you mean 'probes'?)" in str(caught.value)
    path.write_text("probes = \n")
    with pytest.raises(ProblemsFound) as caught:
        load_settings()
    assert f"{path}:1: TOML syntax error" in str(caught.value)


@pytest.mark.parametrize(
    "key, raw, expected",
    [("probes", "4", 4), ("timer", "off", False), ("timer", "true", True), ("name", " Ada ", "Ada")],
)
def test_with_value_parses_typed_text(key, raw, expected):
    assert getattr(with_value(Settings(), key, raw), key) == expected


def test_with_value_rejects_unknown_keys_and_bad_values():
    with pytest.raises(KeyError):
        with_value(Settings(), "volume", "11")
    with pytest.raises(ValueError, match="less than or equal to 5"):
        with_value(Settings(), "probes", "9")
    with pytest.raises(ValueError):
        with_value(Settings(), "last_practice.mode", "exam")


def test_setting_keys_cover_nested_ones():
    keys = setting_keys()
    assert {"name", "timer", "probes", "theme", "last_practice.level", "last_practice.mode"} <= set(keys)
    assert "last_practice" not in keys
