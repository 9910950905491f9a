"""A bank's source text: `source:` and `cite:` in YAML, cites found (spans, lines) or reported at
the line of the cite, a source that is not there, and the text cut into passages."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from quizapp.bank.loader import load_file, load_folder
from quizapp.bank.model import Span
from quizapp.bank.source import WHITESPACE, find_cite, paragraphs, source_name_problem

TEXT = "The quick\n  brown fox\n\njumps over the “lazy” dog.\n\n\nThe end.\n"
BANK = """bank: t
title: T
source: {source}
facts:
  - id: fox
    text: A fox is quick.
    cite: "quick brown   fox"
  - id: dog
    text: A dog is lazy.
    cite: "the “lazy” dog"
  - id: plain
    text: No cite here.
"""


def write(folder: Path, bank: str = BANK, source: str = "t.txt", text: str | None = TEXT,
          name: str = "t.yaml") -> Path:
    (folder / name).write_text(bank.format(source=source), encoding="utf-8")
    if text is not None:
        (folder / source).write_text(text, encoding="utf-8")
    return folder / name


def test_cites_are_found_with_their_span_and_line(tmp_path):
    read = load_file(write(tmp_path))
    assert read.ok and not read.notes
    bank = read.bank
    assert bank is not None and bank.source is not None
    assert bank.source.name == "t.txt" and bank.source.text == TEXT
    fox, dog, plain = bank.facts
    assert fox.cite == Span(TEXT.index("quick"), TEXT.index("fox") + 3, 1)
    assert TEXT[fox.cite.start:fox.cite.end] == "quick\n  brown fox"
    assert dog.cite is not None and TEXT[dog.cite.start:dog.cite.end] == "the “lazy” dog"
    assert dog.cite.line == 4
    assert (fox.quote_line, dog.quote_line) == (7, 10)
    assert plain.cite is None and plain.quote is None


def test_a_cite_not_in_the_text_is_a_problem_at_its_line(tmp_path):
    bank = BANK.replace('"the “lazy” dog"', '"the lazy cat"')
    read = load_file(write(tmp_path, bank))
    assert read.bank is None
    (problem,) = read.problems
    assert problem.line == 10
    assert str(problem).startswith(f"{tmp_path / 't.yaml'}:10: fact 'dog': cite not found in "
                                   "t.txt")


def test_a_near_miss_names_the_passage(tmp_path):
    bank = BANK.replace('"the “lazy” dog"', '"The \\"lazy\\" dog"')
    (problem,) = load_file(write(tmp_path, bank)).problems
    assert "the text has “the “lazy” dog”, which differs in capitals or quote marks" in str(
        problem)


def test_a_source_not_there_loads_the_bank_without_one_and_says_so(tmp_path):
    read = load_file(write(tmp_path, text=None))
    assert read.ok and read.bank is not None and read.bank.source is None
    assert [n.line for n in read.notes] == [3, 7, 10]
    assert "source t.txt: there is no such file beside it" in read.notes[0].message
    assert read.notes[1].message == "fact 'fox': cite not checked: no source"
    assert all(f.cite is None for f in read.bank.facts)
    assert list(map(str, load_folder(tmp_path).notes)) == list(map(str, read.notes))


def test_a_cite_without_a_source_is_a_problem(tmp_path):
    bank = BANK.replace("source: {source}\n", "")
    read = load_file(write(tmp_path, bank))
    assert read.bank is None
    assert [p.line for p in read.problems] == [6, 9]
    assert "the bank names none" in read.problems[0].message


def test_a_source_that_is_not_text_is_a_problem(tmp_path):
    path = write(tmp_path)
    (tmp_path / "t.txt").write_bytes(b"caf\xe9 quick brown fox")
    (problem,) = load_file(path).problems
    assert problem.line == 3 and "not UTF-8 text" in problem.message


def test_source_names(tmp_path):
    assert source_name_problem("text.txt") is None
    assert source_name_problem("Notes.MD") is None
    for bad in ("../text.txt", "sub/text.txt", ".hidden.txt", "text.pdf", "x.aiken.txt"):
        assert source_name_problem(bad), bad
    (problem,) = load_file(write(tmp_path, source="../t.txt", text=None)).problems
    assert problem.line == 3 and "without folders" in problem.message


def test_find_cite_collapses_whitespace_only():
    assert find_cite("a  b\nc", "a b c") == Span(0, 6, 1)
    assert find_cite("a b c", "  b   c ") == Span(2, 5, 1)
    assert find_cite("a b c", "B") is None
    assert find_cite("a b c", "   ") is None


def test_paragraphs_cut_at_blank_lines_and_at_cites(tmp_path):
    bank = load_file(write(tmp_path)).bank
    assert bank is not None and bank.source is not None
    cites = [(f.id, f.cite) for f in bank.facts if f.cite is not None]
    first, second, third = paragraphs(TEXT, cites)
    assert [p.text for p in first] == ["The ", "quick brown fox"]
    assert first[1].facts == ("fox",) and first[1].starts == ("fox",) and first[1].ends == ("fox",)
    assert [p.text for p in second] == ["jumps over ", "the “lazy” dog", "."]
    assert [p.text for p in third] == ["The end."] and third[0].facts == ()


def test_overlapping_cites_start_and_end_once_each():
    text = "one two three four"
    cites = [("a", find_cite(text, "one two three")), ("b", find_cite(text, "two three four"))]
    (pieces,) = paragraphs(text, [(f, s) for f, s in cites if s is not None])
    assert [(p.text, p.facts, p.starts, p.ends) for p in pieces] == [
        ("one ", ("a",), ("a",), ()),
        ("two three", ("a", "b"), ("b",), ("a",)),
        (" four", ("b",), (), ("b",)),
    ]


words = st.text(alphabet="ab \n\u00a0", min_size=0, max_size=40)


@given(words, st.lists(st.tuples(st.integers(0, 40), st.integers(1, 6)), max_size=4))
def test_passages_keep_the_text_and_each_cite_once(text, picks):
    cites = []
    for n, (at, length) in enumerate(picks):
        quote = text[at: at + length]
        span = find_cite(text, quote)
        if quote.strip():
            assert span is not None
            assert WHITESPACE.sub(" ", text[span.start:span.end]) == WHITESPACE.sub(
                " ", quote).strip()
            cites.append((f"f{n}", span))
    cut = paragraphs(text, cites)
    joined = " ".join("".join(p.text for p in para) for para in cut)
    assert joined.split() == text.split()
    for fid, _ in cites:
        assert sum(fid in p.starts for para in cut for p in para) == 1
        assert sum(fid in p.ends for para in cut for p in para) == 1
