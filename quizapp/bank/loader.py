"""Question files -> Banks: every problem is a BankError naming `file:line`.

A bad file never takes the good ones down: loading a folder gives the good banks and, beside them,
every problem of every bad file.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from .aiken import parse_aiken
from .gift import parse_gift
from .model import Bank, BankError, LoadResult, ParseResult, Source
from .moodle_xml import parse_moodle_xml
from .said import Said, _m, _mn
from .source import MAX_SOURCE, with_source, without_source
from .translation import Translation, check_translation, translation_files, translation_name
from .yaml_bank import parse_yaml_bank
from .yaml_translation import parse_translation

# A parser takes (text, path) and gives the bank or None, its problems, and the questions it
# skipped (an importer skips types Quipu has not and broken questions: reported, not problems).
Parser = Callable[[str, str], ParseResult]

MAX_PROBLEMS = 100  # listed for one file: a file of 140,000 broken questions made a 16 MB page
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


def _unread(name: str, message: Said, line: int = 1) -> ParseResult:
    """A file that was not parsed: no bank, and why."""
    return ParseResult(None, (BankError(name, line, message),))


def load_file(path: str | os.PathLike[str]) -> ParseResult:
    """The bank in one file (or None), every problem found in it, and the questions skipped;
    with the translations beside it (`<stem>.<lang>.yaml`) checked and put in."""
    name = os.fspath(path)
    parse = parser_for(name)
    if parse is None:
        known = ", ".join(known_suffixes())
        return _unread(name, _m("not a question file: the names end in %(known)s",
                                known=known))
    text = _read_text(name)
    if isinstance(text, ParseResult):
        return text
    return _at_most(_read_translations(_read_source(parse(text, name))), MAX_PROBLEMS)


def _read_text(name: str) -> str | ParseResult:
    """A file's text, or a ParseResult with why it cannot be read."""
    try:
        data = Path(name).read_bytes()
    except OSError as error:
        return _unread(name, _m("the file cannot be read: %(why)s", why=error.strerror))
    try:
        # utf-8-sig: editors on Windows often start a UTF-8 file with a byte order mark.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = f"{data[error.start]:02X}"
        return _unread(name, _m("the file is not UTF-8 text (byte 0x%(byte)s on this line); save "
                                "it again with the UTF-8 encoding", byte=byte), line)


def _read_translations(read: ParseResult) -> ParseResult:
    """The bank with its translations read, checked and kept (what fits): their problems are the
    file's, and what they leave untranslated is listed in the notes."""
    bank = read.bank
    if bank is None or not bank.path:
        return read
    problems: list[BankError] = []
    notes: list[BankError] = []
    kept: list[Translation] = []
    for path, lang in translation_files(bank.path):
        text = _read_text(str(path))
        if isinstance(text, ParseResult):
            problems.extend(text.problems)
            continue
        translation, found = parse_translation(text, str(path), lang)
        problems.extend(found)
        if translation is not None:
            checked = check_translation(bank, translation)
            problems.extend(checked.problems)
            notes.extend(checked.untranslated)
            kept.append(checked.translation)
    if not kept and not problems:
        return read
    return replace(read, bank=replace(bank, translations=tuple(kept)),
                   problems=(*read.problems, *problems), notes=(*read.notes, *notes))


def _read_source(read: ParseResult) -> ParseResult:
    """The bank with the source it names read from beside its file, and its cites found; a source
    not there leaves the bank without one, with notes that say so."""
    bank = read.bank
    if bank is None or bank.source_name is None:
        return read
    path = Path(bank.path).parent / bank.source_name
    try:
        data = path.read_bytes()[: MAX_SOURCE + 1]
    except FileNotFoundError:
        return replace(read, notes=tuple(without_source(
            bank, _m("there is no such file beside it"))))
    except OSError as error:
        return replace(read, notes=tuple(without_source(
            bank, _m("it cannot be read (%(why)s)", why=error.strerror))))
    problem: Said | None = None
    if len(data) > MAX_SOURCE:
        problem = _m("source %(name)s is larger than %(size)d KB; a source text is smaller",
                     name=bank.source_name, size=MAX_SOURCE // 1024)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problem = problem or _m("source %(name)s is not UTF-8 text (line %(line)d of it); save "
                                "it again with the UTF-8 encoding", name=bank.source_name,
                                line=line)
    if problem is not None:
        return ParseResult(None, (BankError(bank.path, bank.source_line, problem),))
    found, problems = with_source(bank, Source(bank.source_name, text))
    if problems:
        return ParseResult(None, tuple(problems))
    return replace(read, bank=found)


def _at_most(read: ParseResult, most: int) -> ParseResult:
    """The file's first `most` problems, and a last one saying how many more there are."""
    if len(read.problems) <= most:
        return read
    more = len(read.problems) - most
    last = BankError(read.problems[0].path, read.problems[most].line,
                     _mn("and %(num)d more problem in this file (only the first %(most)d are "
                         "listed): fix these and check it again", "and %(num)d more problems in "
                         "this file (only the first %(most)d are listed): fix these and check it "
                         "again", more, most=most))
    return replace(read, problems=(*read.problems[:most], last))


def _passed_over(root: Path, path: Path) -> Said | None:
    """Why a name the folder's patterns match is not a question file to read, or None."""
    if any(part.startswith(".") for part in path.relative_to(root).parts):
        # Editors keep lock and backup files (.#bank.yaml, often a link to nothing) hidden.
        return _m("a hidden file (an editor's lock or backup, say): not read")
    if path.is_symlink() and not path.exists():
        return _m("a link to a file that is not there: not read")
    if path.is_dir():
        return _m("a folder with a question file's name: not read")
    if not os.access(path, os.R_OK):
        return _m("the file cannot be read (its permissions): not read")
    return None


def scan_folder(folder: str | os.PathLike[str]) -> tuple[list[Path], list[BankError]]:
    """The question files under a folder, at any depth, sorted; and the names passed over
    (hidden files, broken links, unreadable files), each with why. The one scan of a folder."""
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", os.fspath(folder))
    files: set[Path] = set()
    passed: list[BankError] = []
    for pattern in QUESTION_FILE_PATTERNS:
        for path in root.rglob(pattern):
            why = _passed_over(root, path)
            if why is None:
                files.add(path)
            elif not any(p.path == str(path) for p in passed):
                passed.append(BankError(str(path), 0, why))
    return sorted(files), sorted(passed, key=lambda p: p.path)


def source_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The files under a folder that may be banks' source texts (*.txt, *.md; hidden ones left
    out), sorted: a change to one reloads the banks."""
    root = Path(folder)
    found = {p for pattern in ("*.txt", "*.md") for p in root.rglob(pattern)
             if _passed_over(root, p) is None}
    return sorted(found)


def question_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The question files under a folder (scan_folder's files)."""
    return scan_folder(folder)[0]


def load_folder(folder: str | os.PathLike[str]) -> LoadResult:
    """The banks of every question file under a folder, every problem, and what was passed over."""
    files, passed = scan_folder(folder)
    return replace(load_files(files), passed_over=tuple(passed))


def load_paths(paths: Iterable[str | os.PathLike[str]]) -> LoadResult:
    """Load a mix of files and folders; a path that does not exist raises FileNotFoundError."""
    files: list[Path] = []
    passed: list[BankError] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found, over = scan_folder(path)
            files.extend(found)
            passed.extend(over)
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
    return replace(load_files(unique), passed_over=tuple(passed))


def load_files(files: Iterable[str | os.PathLike[str]]) -> LoadResult:
    """Load files in order; a bank id already loaded is a problem of the later file.

    A translation is loaded with its bank, never as a bank: named without its bank, its bank is
    loaded in its place (to check it against).
    """
    banks: list[Bank] = []
    problems: list[BankError] = []
    skipped: list[BankError] = []
    notes: list[BankError] = []
    first_path: dict[str, str] = {}
    given = [Path(f) for f in files]
    reals = {os.path.realpath(f) for f in given}
    for file in _banks_of(given, reals):
        read = load_file(file)
        problems.extend(read.problems)
        skipped.extend(read.skipped)
        notes.extend(read.notes)
        bank = read.bank
        if bank is None:
            continue
        if bank.id in first_path:
            problems.append(BankError(bank.path, bank.line, _m(
                "bank id '%(id)s' is already used by %(path)s; bank ids must be unique",
                id=bank.id, path=first_path[bank.id])))
            continue
        first_path[bank.id] = bank.path
        banks.append(bank)
    return LoadResult(banks=tuple(banks), problems=tuple(problems), skipped=tuple(skipped),
                      notes=tuple(notes))


def _banks_of(files: list[Path], reals: set[str]) -> list[Path]:
    """The files to load as banks: translations left out, or their banks in their place."""
    wanted: list[Path] = []
    for file in files:
        named = translation_name(file)
        if named is None:
            wanted.append(file)
        elif os.path.realpath(named[0]) not in reals:
            reals.add(os.path.realpath(named[0]))
            wanted.append(named[0])
    return wanted
