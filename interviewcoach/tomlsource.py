"""Find the line where a key path was written in a TOML document, for error messages.

tomllib gives values but not positions, and pydantic reports errors by key path
(`("questions", 3, "levels", 1)`). This scanner reads the document once more and notes
the line of every table header, key and array element, so an error can say
`banks/mine.toml:42`. It only has to be right for documents tomllib already accepted.
"""

from __future__ import annotations

import re

Path_ = tuple[str | int, ...]

_KEY_PART = r"""(?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)"""
_KEY = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")
_KEY_PARTS = re.compile(_KEY_PART)


def _split_key(dotted: str) -> tuple[str, ...]:
    parts = []
    for part in _KEY_PARTS.findall(dotted):
        if part[0] in "\"'":
            part = part[1:-1]
        parts.append(part)
    return tuple(parts)


class _Container:
    """An array or inline table that is still open while scanning a value."""

    __slots__ = ("path", "index", "started")

    def __init__(self, path: Path_ | None) -> None:
        self.path = path  # None for inline tables and anything inside them
        self.index = 0
        self.started = False


class SourceMap:
    """Line numbers (1-based) of the key paths in one TOML document."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Path_, int] = {}
        self._array_counts: dict[Path_, int] = {}
        self._table: Path_ = ()
        self._open: list[_Container] = []
        self._string: str | None = None  # delimiter of an open multi-line string
        for lineno, line in enumerate(text.splitlines(), start=1):
            self._scan_line(lineno, line)

    def line_of(self, path: Path_) -> int | None:
        """The line of `path`, or of its nearest enclosing key when `path` itself is absent
        (a missing field is reported where its table starts)."""
        for end in range(len(path), 0, -1):
            line = self._lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None

    def _note(self, path: Path_, lineno: int) -> None:
        self._lines.setdefault(path, lineno)

    def _scan_line(self, lineno: int, line: str) -> None:
        if self._string or self._open:
            self._scan_value(lineno, line, 0)
            return
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            return
        if stripped.startswith("["):
            self._header(lineno, stripped)
            return
        key = _KEY.match(line)
        if key:
            path = self._table + _split_key(key.group(1))
            self._note(path, lineno)
            self._scan_value(lineno, line, key.end(), path)

    def _resolve(self, keys: tuple[str, ...]) -> Path_:
        # A header naming an array of tables refers to its latest element.
        path: Path_ = ()
        for key in keys:
            path += (key,)
            if path in self._array_counts:
                path += (self._array_counts[path],)
        return path

    def _header(self, lineno: int, stripped: str) -> None:
        if stripped.startswith("[["):
            keys = _split_key(stripped[2 : stripped.find("]]")])
            if not keys:
                return
            array = self._resolve(keys[:-1]) + (keys[-1],)
            index = self._array_counts.get(array, -1) + 1
            self._array_counts[array] = index
            self._note(array, lineno)
            self._table = array + (index,)
        else:
            keys = _split_key(stripped[1 : stripped.find("]")])
            self._table = self._resolve(keys)
        self._note(self._table, lineno)

    def _scan_value(self, lineno: int, line: str, pos: int, path: Path_ | None = None) -> None:
        i = pos
        while i < len(line):
            if self._string:
                end = line.find(self._string, i)
                if end < 0:
                    return
                i = end + 3
                self._string = None
                continue
            char = line[i]
            if char == "#":
                return
            if char in " \t":
                i += 1
                continue
            top = self._open[-1] if self._open else None
            element_path = path
            if top is not None:
                element_path = None if top.path is None else top.path + (top.index,)
                if char not in ",]}" and not top.started:
                    top.started = True
                    if element_path is not None:
                        self._note(element_path, lineno)
            if char in "\"'":
                if line.startswith(char * 3, i):
                    self._string = char * 3
                    i += 3
                    continue
                i = self._end_of_string(line, i, char)
            elif char == "[":
                self._open.append(_Container(element_path))
                i += 1
            elif char == "{":
                self._open.append(_Container(None))
                i += 1
            elif char in "]}":
                if self._open:
                    self._open.pop()
                i += 1
            elif char == ",":
                if top is not None:
                    top.index += 1
                    top.started = False
                i += 1
            else:
                i += 1

    @staticmethod
    def _end_of_string(line: str, start: int, quote: str) -> int:
        i = start + 1
        while i < len(line) and line[i] != quote:
            if quote == '"' and line[i] == "\\":
                i += 1
            i += 1
        return i + 1
