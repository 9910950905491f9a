"""Reading a teacher's text file: .txt, .md and .html up to 1 MB, or a message saying why not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank.text_input import MAX_TEXT, NotText, html_to_text, read_text


def test_plain_text_in_utf8_with_or_without_a_byte_order_mark():
    assert read_text("Leguía governs.\r\nThe end.".encode(), "a.txt") == "Leguía governs.\nThe end."
    assert read_text("\ufeffLeguía".encode(), "a.TXT") == "Leguía"
    assert read_text("Leguía".encode("utf-16"), "a.md") == "Leguía"


def test_markdown_is_read_as_it_is():
    assert read_text(b"# Title\n\nIn 1914 the canal opens.", "notes.md") == (
        "# Title\n\nIn 1914 the canal opens.")


def test_html_is_read_as_text_paragraphs_kept_scripts_and_styles_left_out():
    html = (b"<!doctype html><html><head><title>T</title><style>p{color:red}</style></head>"
            b"<body><h1>Peru &amp; the U.S.</h1><p>In 1914 the <b>canal</b>\n opens.</p>"
            b"<script>alert('no')</script><p>Trade grows&nbsp;60%.<br>Then more.</p></body></html>")
    text = read_text(html, "page.html")
    assert text == "Peru & the U.S.\n\nIn 1914 the canal opens.\n\nTrade grows\xa060%.\nThen more.\n"
    assert "alert" not in text and "color" not in text and "<" not in text


def test_html_whose_head_is_never_closed_still_gives_its_body():
    assert html_to_text("<head><title>x</title><body><p>Text</p>") == "Text\n"


@pytest.mark.parametrize(("data", "name", "says"), [
    (b"text", "notes.docx", "not a text file Quipu reads; the names end in .txt, .md"),
    (b"%PDF-1.7 ...", "paper.txt", "this is a PDF, not a text; save it as plain text"),
    (b"PK\x03\x04....", "essay.txt", "a Word, OpenDocument or zip file"),
    (b"abc\x00def", "data.txt", "a binary file"),
    (b"line one\nCaf\xe9", "latin.txt", "not UTF-8 text (byte 0xE9 on line 2); save it again"),
    (b"  \n\t ", "empty.txt", "holds no text"),
    (b"<script>only()</script>", "page.html", "holds no text"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10", "odd.txt", "looks like a binary file"),
])
def test_what_is_not_a_text_is_refused_with_a_message_to_act_on(data, name, says):
    with pytest.raises(NotText, match=None) as refused:
        read_text(data, name)
    assert says in str(refused.value) and str(refused.value).startswith(name)
    assert isinstance(refused.value, ValueError)


def test_a_file_over_a_megabyte_is_refused():
    read_text(b"a" * MAX_TEXT, "big.txt")
    with pytest.raises(NotText, match="larger than 1024 KB"):
        read_text(b"a" * (MAX_TEXT + 1), "big.txt")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "replace")),
       st.sampled_from(["a.txt", "a.md", "a.html", "a.htm", "a.pdf", ""]))
def test_any_bytes_give_a_text_or_a_refusal(data, name):
    try:
        text = read_text(data, name)
    except NotText as refused:
        assert str(refused)
    else:
        assert isinstance(text, str) and text.strip() and "\r" not in text and "\x00" not in text
