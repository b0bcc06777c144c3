"""YAML with line numbers, checked against a JSON Schema.

In: YAML text (a config file or an article's frontmatter) and a schema.
Out: plain Python data plus :class:`Problem` records that point at the line of the
offending key or value, so "unknown key 'titel'" names the line the curator typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .errors import BuildError, Problem, problem

JsonPath = tuple[str | int, ...]


# libyaml's parser when PyYAML was built with it: reading a thousand frontmatters
# is otherwise the slowest part of a build.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StringDatesLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that leaves timestamps as strings: dates are parsed by us, with
    the offset required, instead of YAML 1.1 silently dropping or adding one."""


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _index_lines(node: yaml.Node, path: JsonPath, lines: dict[JsonPath, int], key_lines: dict[JsonPath, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            key_lines[path + (key,)] = key_node.start_mark.line + 1
            _index_lines(value_node, path + (key,), lines, key_lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, path + (index,), lines, key_lines)


class LocatedYaml:
    """Parsed YAML data that can say on which line any part of it was written."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.offset = first_line - 1
        self._lines: dict[JsonPath, int] = {}
        self._key_lines: dict[JsonPath, int] = {}
        loader = _StringDatesLoader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _index_lines(node, (), self._lines, self._key_lines)
            self.data: Any = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()

    def line_of(self, path: JsonPath, *, key: bool = False) -> int:
        """Line of the value at ``path`` (or of its key), else of its nearest parent."""
        table = self._key_lines if key else self._lines
        while path:
            if path in table:
                return table[path] + self.offset
            if not key and path in self._key_lines:
                return self._key_lines[path] + self.offset
            path = path[:-1]
        return self._lines.get((), 1) + self.offset


def parse_yaml(text: str, file: Path | str, first_line: int = 1) -> LocatedYaml:
    """Parse YAML; a syntax error becomes a BuildError naming the line."""
    try:
        return LocatedYaml(text, first_line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        reason = f"invalid YAML: {exc.problem or exc.context}"
        raise BuildError([problem(file, line, reason)]) from None


def schema_problems(doc: LocatedYaml, schema: Mapping[str, Any], file: Path | str, what: str = "key") -> list[Problem]:
    """Every schema violation in ``doc`` as a located, human-readable Problem."""
    validator = jsonschema.Draft202012Validator(schema)
    found = []
    for error in validator.iter_errors(doc.data):
        path: JsonPath = tuple(error.absolute_path)
        where = ".".join(str(p) for p in path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = set(error.schema.get("properties", {}))
            for extra in sorted(set(error.instance) - allowed, key=str):
                hint = f" (known: {', '.join(sorted(allowed))})" if allowed else ""
                inside = f" in '{where}'" if where else ""
                found.append(problem(file, doc.line_of(path + (extra,), key=True), f"unknown {what} '{extra}'{inside}{hint}"))
            continue
        if error.validator == "required":
            found.append(problem(file, doc.line_of(path), f"missing {what}: {error.message.split(' is a required')[0]}"))
            continue
        label = f"'{where}'" if where else "document"
        message = error.schema.get("errorMessage") or error.message
        found.append(problem(file, doc.line_of(path), f"{label}: {message}"))
    return found
