"""`interviewcoach config`: show the settings and where they live, or change one."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from interviewcoach import locations
from interviewcoach.commands.options import SubParsers

if TYPE_CHECKING:
    from interviewcoach.settings import Settings


def register(commands: SubParsers) -> None:
    parser = commands.add_parser(
        "config",
        help="show or change your settings",
        description="Show your settings and where they are kept, or change one.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of TOML")
    actions = parser.add_subparsers(dest="config_command", metavar="ACTION")
    change = actions.add_parser(
        "set",
        help="change one setting",
        description="Change one setting, e.g. `interviewcoach config set probes 3` or "
        "`interviewcoach config set last_practice.level senior-pm`.",
    )
    change.add_argument("key", help="the setting's name, dotted for nested ones")
    change.add_argument("value", help="its new value")
    parser.set_defaults(run=config)


def config(args: argparse.Namespace) -> int:
    import json

    if args.config_command == "set":
        from interviewcoach.settings import load_settings

        return _set(load_settings(), args.key, args.value)
    # Shown from the validated settings as data: unchanged, they come from the cache.
    from interviewcoach.settings_snapshot import settings_snapshot

    snapshot = settings_snapshot()
    path = locations.settings_path()
    if args.json:
        print(
            json.dumps(
                {
                    "settings_file": str(path),
                    "data_dir": str(locations.data_dir()),
                    "user_banks_dir": str(locations.user_banks_dir()),
                    "settings": snapshot["values"],
                },
                indent=2,
            )
        )
        return 0
    state = "" if path.exists() else "  (not created yet: these are the defaults)"
    print(f"Settings file: {path}{state}")
    print(f"Data folder:   {locations.data_dir()}")
    print(f"Your banks:    {locations.user_banks_dir()}")
    print()
    print(render_settings(snapshot["values"], snapshot["descriptions"]))
    print("\nChange one with: interviewcoach config set KEY VALUE")
    return 0


def _set(settings: Settings, key: str, value: str) -> int:
    import json

    from interviewcoach.settings import save_settings, setting_keys, with_value

    try:
        updated = with_value(settings, key, value)
    except KeyError:
        print(
            f"interviewcoach config: unknown setting '{key}'; settings are: {', '.join(setting_keys())}",
            file=sys.stderr,
        )
        return 2
    except ValueError as error:
        print(f"interviewcoach config: bad value for '{key}': {error}", file=sys.stderr)
        return 2
    path = save_settings(updated)
    shown = updated.model_dump(mode="json")
    for part in key.split("."):
        shown = shown[part]
    print(f"{key} = {json.dumps(shown)}  (saved to {path})")
    return 0


def render_settings(values: dict[str, Any], descriptions: dict[str, str]) -> str:
    """The settings (as JSON data) as TOML with each key's description, for reading."""
    import json

    lines = []
    for name, value in values.items():
        if not isinstance(value, dict):
            lines.append(f"{name} = {json.dumps(value)}  # {descriptions.get(name, '')}")
    for name, table in values.items():
        if isinstance(table, dict):
            lines.append(f"\n[{name}]")
            for inner, value in table.items():
                lines.append(f"{inner} = {json.dumps(value)}  # {descriptions.get(f'{name}.{inner}', '')}")
    return "\n".join(lines)
