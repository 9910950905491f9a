"""Composing a YAML text into nodes, and saying where and why a text is not YAML."""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, Node

from .said import Said, _m, joined
from .yaml_nodes import Reader, kind

# libyaml composes several times faster than the pure-Python parser; both give the same nodes.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

INDENT_PROBLEMS = (
    "mapping values are not allowed",
    "did not find expected",
    "expected <block end>",
)
START = _m("a question file starts with 'bank:' and 'title:'")


def compose(text: str, r: Reader) -> MappingNode | None:
    """The top mapping of a YAML text, or None with the reason reported."""
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as error:
        line, message = _marked(error, text)
        r.report(line, "", message)
        return None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        code = f"{error.character:04X}"
        r.report(line, "", _m("the file contains a character YAML does not allow (U+%(code)s: "
                              "%(reason)s); delete it", code=code, reason=error.reason))
        return None
    except UnicodeEncodeError as error:
        # Only a str built in Python (never one decoded from a file) can hold a lone surrogate.
        line = text.count("\n", 0, error.start) + 1
        r.report(line, "", _m("the text holds a character that is not valid Unicode; delete it"))
        return None
    except RecursionError:
        # The pure-Python parser recurses once per level of nesting; libyaml caps the depth itself.
        r.report(1, "", _m("the file is nested too deeply to be read"))
        return None
    return _top(root, r)


def _top(root: Node | None, r: Reader) -> MappingNode | None:
    if root is None:
        r.report(1, "", _m("the file is empty; %(start)s", start=START))
        return None
    if not isinstance(root, MappingNode):
        r.report(root, "", _m("the top of the file must be a mapping, not %(kind)s; %(start)s",
                              kind=kind(root), start=START))
        return None
    return root


def _marked(error: yaml.MarkedYAMLError, text: str) -> tuple[int, Said]:
    """The line and sentence for a YAML syntax error (the parser's own words, in English, are
    values of it)."""
    mark, problem = error.problem_mark, error.problem or ""
    context, context_mark = error.context or "", error.context_mark
    line = mark.line + 1 if mark is not None else 1
    if "quoted scalar" in context and context_mark is not None:
        return context_mark.line + 1, _m("a quote opened on this line is never closed")
    if "another document" in problem:
        return line, _m("a second YAML document starts here ('---'); one file holds one bank")
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return line, _m("a tab is used here; YAML indents with spaces only")
    parts: list[Said | str] = [_m("this is not valid YAML: %(problem)s", problem=problem)]
    if context and context_mark is not None and context_mark.line + 1 != line:
        parts.append(_m(" (%(context)s on line %(line)d)", context=context,
                        line=context_mark.line + 1))
    if any(p in problem for p in INDENT_PROBLEMS):
        parts.append(_m("; check the indentation of this line and the lines above it"))
    return line, joined(parts, "")
