"""Question files -> Banks: every problem is a BankError naming `file:line`.

A bad file never takes the good ones down: loading a folder gives the good banks and, beside them,
every problem of every bad file.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .aiken import parse_aiken
from .gift import parse_gift
from .model import Bank, BankError, LoadResult, ParseResult
from .moodle_xml import parse_moodle_xml
from .yaml_bank import parse_yaml_bank

# A parser takes (text, path) and gives the bank or None, its problems, and the questions it
# skipped (an importer skips types Quipu has not: reported, but not problems).
Parser = Callable[[str, str], ParseResult]

QUESTION_FILE_PATTERNS = ("*.yaml", "*.yml", "*.gift", "*.aiken.txt", "*.xml")
# One parser per file suffix (see Parser above).
PARSERS: dict[str, Parser] = {
    ".yaml": parse_yaml_bank,
    ".yml": parse_yaml_bank,
    ".gift": parse_gift,
    ".aiken.txt": parse_aiken,
    ".xml": parse_moodle_xml,
}


def known_suffixes() -> list[str]:
    """The file suffixes a parser is known for, sorted, e.g. ['.aiken.txt', '.gift', ...]."""
    return sorted(PARSERS)


def known_suffix(name: str) -> str:
    """The longest known suffix a file name ends in, whatever its case (so `.aiken.txt` beats
    `.txt`), as PARSERS spells it; '' when it ends in none."""
    lowered = name.lower()
    return max((s for s in PARSERS if lowered.endswith(s)), key=len, default="")


def parser_for(path: str) -> Parser | None:
    """The parser for a file name, by its longest known suffix."""
    suffix = known_suffix(path)
    return PARSERS[suffix] if suffix else None


def _unread(name: str, message: str, line: int = 1) -> ParseResult:
    """A file that was not parsed: no bank, and why."""
    return ParseResult(None, (BankError(name, line, message),))


def load_file(path: str | os.PathLike[str]) -> ParseResult:
    """The bank in one file (or None), every problem found in it, and the questions skipped."""
    name = os.fspath(path)
    parse = parser_for(name)
    if parse is None:
        known = ", ".join(known_suffixes())
        return _unread(name, f"not a question file: the names end in {known}")
    try:
        data = Path(name).read_bytes()
    except OSError as error:
        return _unread(name, f"the file cannot be read: {error.strerror}")
    try:
        # utf-8-sig: editors on Windows often start a UTF-8 file with a byte order mark.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        return _unread(name, f"the file is not UTF-8 text (byte 0x{byte:02X} on this line); "
                       "save it again with the UTF-8 encoding", line)
    return parse(text, name)


def question_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The question files under a folder, at any depth, sorted; hidden ones are left out."""
    # Editors keep lock and backup files (.#bank.yaml) hidden: they are not banks.
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", os.fspath(folder))
    found = {
        path
        for pattern in QUESTION_FILE_PATTERNS
        for path in root.rglob(pattern)
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(root).parts)
    }
    return sorted(found)


def load_folder(folder: str | os.PathLike[str]) -> LoadResult:
    """The banks of every question file under a folder, and every problem found."""
    return load_files(question_files(folder))


def load_paths(paths: Iterable[str | os.PathLike[str]]) -> LoadResult:
    """Load a mix of files and folders; a path that does not exist raises FileNotFoundError."""
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files.extend(question_files(path))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(errno.ENOENT, "no such file or folder", os.fspath(given))
    # A file named twice (itself and in its folder) is loaded once, where it is first named.
    seen: set[str] = set()
    unique = []
    for file in files:
        real = os.path.realpath(file)
        if real not in seen:
            seen.add(real)
            unique.append(file)
    return load_files(unique)


def load_files(files: Iterable[str | os.PathLike[str]]) -> LoadResult:
    """Load files in order; a bank id already loaded is a problem of the later file."""
    banks: list[Bank] = []
    problems: list[BankError] = []
    skipped: list[BankError] = []
    first_path: dict[str, str] = {}
    for file in files:
        read = load_file(file)
        problems.extend(read.problems)
        skipped.extend(read.skipped)
        bank = read.bank
        if bank is None:
            continue
        if bank.id in first_path:
            problems.append(BankError(bank.path, bank.line, f"bank id '{bank.id}' is already "
                                      f"used by {first_path[bank.id]}; bank ids must be unique"))
            continue
        first_path[bank.id] = bank.path
        banks.append(bank)
    return LoadResult(banks=tuple(banks), problems=tuple(problems), skipped=tuple(skipped))
