"""YAML with line numbers, checked against a JSON Schema.

In: YAML text (a config file or an article's frontmatter) and a schema.
Out: plain Python data plus :class:`Problem` records that point at the line of the
offending key or value, so "unknown key 'titel'" names the line the curator typed.

Hostile YAML is refused before it is built, each with ``path:line: reason``:

* aliases (``*name``, also in ``<<: *name`` merges): no file of this project needs
  them, and they are how a few hundred bytes expand into gigabytes ("billion
  laughs") or a structure that contains itself;
* nesting deeper than :data:`MAX_DEPTH`: libyaml's scanner slows down
  quadratically with flow depth and its composer recurses on the C stack (100,000
  levels of ``[`` crash the interpreter);
* a list or mapping used as a mapping key;
* an integer longer than Python converts (4,300 digits, CVE-2020-10735).

Error messages quote at most :data:`MAX_QUOTE` characters of the input.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .errors import BuildError, Problem, problem

JsonPath = tuple[str | int, ...]


MAX_DEPTH = 64  # levels of lists/mappings; config and frontmatter use four at most
MAX_QUOTE = 80  # characters of input quoted in a message

# libyaml's parser and composer when PyYAML was built with it: reading frontmatter
# is otherwise the slowest part of reading a thousand articles. bench/yaml_loader.py
# measured 1,000 frontmatters in 0.26 s with it (checks included) against 3.1 s with
# the pure-Python SafeLoader (best of 5, shared 2-core machine); the line numbers
# are the same (tests/test_hostile_input.py compares them).
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlRefused(Exception):
    """The YAML is well-formed but refused (see the module docstring)."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line, self.reason = line, reason


class _StringDatesLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that leaves timestamps as strings: dates are parsed by us, with
    the offset required, instead of YAML 1.1 silently dropping or adding one."""


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_int(loader: yaml.constructor.SafeConstructor, node: yaml.ScalarNode) -> int:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
    except ValueError:  # Python's int() refuses more than 4,300 digits
        raise yaml.constructor.ConstructorError(
            None, None, f"a number of {len(node.value)} digits is too long", node.start_mark) from None


_StringDatesLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)

_OPENERS = frozenset("[{")
_CLOSERS = frozenset("]}")


def _flow_depth_check(text: str) -> None:
    """Refuse flow nesting (``[[[…`` / ``{{{…``) deeper than MAX_DEPTH before libyaml
    sees it. Brackets inside quoted scalars and comments are skipped; a bracket
    counts only where YAML can open a collection (line start, after ``[``, ``{``,
    ``,``, ``: ``, ``- ``, ``? ``), so ``title: a[b`` is text, as YAML reads it."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return  # cannot nest deeper than it has brackets
    depth = 0
    line = 1
    quote = ""
    prev = "\n"  # the last significant character seen
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
        if quote:
            if quote == '"' and ch == "\\":
                i += 2
                continue
            if ch == quote:
                if quote == "'" and i + 1 < n and text[i + 1] == "'":
                    i += 2
                    continue
                quote = ""
                prev = "x"
        elif ch == "#" and (prev in " \t\n" or i == 0):
            while i < n and text[i] != "\n":
                i += 1
            continue
        elif ch in "\"'" and prev in "\n[{,: -?":
            quote = ch
        elif ch in _OPENERS and prev in "\n[{,: -?":
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlRefused(line, f"nesting deeper than {MAX_DEPTH} levels")
            prev = ch
        elif ch in _CLOSERS and depth:
            depth -= 1
            prev = ch
        elif ch not in " \t" or prev in ",:-?":
            prev = ch if ch in " \t\n,:-?[{" else "x"
        i += 1


def _event_checks(text: str) -> None:
    """Walk the event stream once (libyaml, no tree built): refuse aliases, deep
    nesting and collections used as keys, each at its line."""
    loader = _BaseLoader(text)
    try:
        # Per open collection: is it a mapping, and is its next node a key?
        stack: list[list[bool]] = []
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1
            is_key = bool(stack) and stack[-1][0] and stack[-1][1]
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                continue
            if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                continue
            if stack and stack[-1][0]:
                stack[-1][1] = not stack[-1][1]
            if isinstance(event, yaml.AliasEvent):
                raise YamlRefused(line, f"YAML aliases (*{_quote(event.anchor or '')}) are not allowed: write the value out")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if is_key:
                    raise YamlRefused(line, "a mapping key must be plain text, not a list or mapping")
                stack.append([isinstance(event, yaml.MappingStartEvent), True])
                if len(stack) > MAX_DEPTH:
                    raise YamlRefused(line, f"nesting deeper than {MAX_DEPTH} levels")
    finally:
        loader.dispose()


def _quote(value: str) -> str:
    return value if len(value) <= MAX_QUOTE else value[: MAX_QUOTE - 1] + "…"


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
        _flow_depth_check(text)
        _event_checks(text)
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
    except YamlRefused as exc:
        raise BuildError([problem(file, exc.line + first_line - 1, exc.reason)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        reason = f"invalid YAML: {_quote(str(exc.problem or exc.context))}"
        raise BuildError([problem(file, line, reason)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a control byte
        line = text[: exc.position].count("\n") + first_line
        raise BuildError([problem(file, line, f"invalid YAML: character U+{_codepoint(exc.character):04X} is not allowed here")]) from None
    except yaml.YAMLError as exc:
        raise BuildError([problem(file, first_line, f"invalid YAML: {_quote(str(exc))}")]) from None


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
                found.append(problem(file, doc.line_of(path + (extra,), key=True), f"unknown {what} '{_quote(str(extra))}'{inside}{hint}"))
            continue
        if error.validator == "required":
            found.append(problem(file, doc.line_of(path), f"missing {what}: {error.message.split(' is a required')[0]}"))
            continue
        label = f"'{_quote(where)}'" if where else "document"
        # jsonschema's own message quotes the whole offending value: keep it short.
        message = error.schema.get("errorMessage") or _quote(error.message)
        found.append(problem(file, doc.line_of(path), f"{label}: {message}"))
    return found


def _codepoint(character: int | str) -> int:
    return ord(character) if isinstance(character, str) else character  # libyaml gives an int, PyYAML a str
