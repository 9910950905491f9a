"""Pictures and sounds a Moodle question shows: embedded pictures kept (PNG, JPEG, GIF, WebP),
everything else named in a note."""

from __future__ import annotations

import base64
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank.export import to_gift, to_moodle_xml
from quizapp.bank.gift import parse_gift
from quizapp.bank.loader import load_file
from quizapp.bank.media import MAX_IMAGE, media_type, missing_media, read_image
from quizapp.bank.model import Image
from quizapp.bank.moodle_xml import parse_moodle_xml
from quizapp.bank.said import Said

PICTURES = Path(__file__).parent.parent / "data" / "import" / "moodle" / "pictures.xml"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def test_an_embedded_png_is_kept_with_its_alt_text_and_digest():
    result = load_file(PICTURES)
    talara = result.bank.questions_by_id["talara-airport"]
    [image] = talara.images
    assert (image.name, image.media_type, image.alt) == (
        "talara map.png", "image/png", "A blue band on the coast of northern Peru")
    assert len(image.digest) == 64 and image.data.startswith(b"\x89PNG")
    assert talara.prompt.startswith("The blue band marks where")


def test_an_svg_and_a_sound_are_left_out_and_named_in_notes():
    result = load_file(PICTURES)
    assert result.bank.questions_by_id["drawn-treaty"].images == ()
    assert [(w.line, w.message) for w in result.notes] == [
        (38, "question 'drawn-treaty' shows a picture (treaty.svg: not a PNG, JPEG, GIF or WebP "
             "picture) that Quipu does not have: learners may not be able to answer it"),
        (55, "question 'recorded-report' shows a sound (speech.mp3) that Quipu does not have: "
             "learners may not be able to answer it")]
    assert result.skipped == () and result.problems == ()


def test_only_the_four_kinds_of_picture_are_known_by_their_bytes():
    assert media_type(PNG) == "image/png"
    assert media_type(b"\xff\xd8\xff\xe0rest") == "image/jpeg"
    assert media_type(b"GIF89a...") == "image/gif"
    assert media_type(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    for other in (b"<svg onload=alert(1)>", b"<html><script>", b"%PDF-1.4", b"", b"\x89PN"):
        assert media_type(other) is None


def test_a_picture_too_large_or_not_base64_is_not_kept():
    big = base64.b64encode(PNG + b"\x00" * MAX_IMAGE).decode()
    assert read_image("big.png", big) == f"larger than {MAX_IMAGE // 1024} KB"
    assert read_image("x.png", "not base64!") == "its base64 cannot be read"
    assert isinstance(read_image("ok.png", base64.b64encode(PNG).decode()), Image)


def test_a_png_named_svg_is_served_as_the_png_it_is_and_an_svg_named_png_is_refused():
    kept = read_image("x.svg", base64.b64encode(PNG).decode())
    assert isinstance(kept, Image) and kept.media_type == "image/png"
    assert read_image("x.png", base64.b64encode(b"<svg/>").decode()) == (
        "not a PNG, JPEG, GIF or WebP picture")


def test_what_a_text_points_at_is_named():
    assert missing_media('<img src="@@PLUGINFILE@@/a%20b.png">', "<video src='v.mp4'></video>",
                         '<a href="@@PLUGINFILE@@/notes.pdf">notes</a>') == (
        "a picture (a b.png)", "a video (v.mp4)", "an attached file (notes.pdf)")
    assert missing_media("plain text, <b>bold</b>") == ()


def test_a_picture_named_in_the_text_but_not_embedded_is_warned_of():
    text = ('<quiz><question type="truefalse"><name><text>q</text></name><questiontext><text>'
            '&lt;img src="@@PLUGINFILE@@/gone.png"&gt; True?</text></questiontext>'
            '<answer fraction="100"><text>true</text></answer>'
            '<answer fraction="0"><text>false</text></answer></question></quiz>')
    [warning] = parse_moodle_xml(text, "q.xml").notes
    assert "question 'q' shows a picture (gone.png) that Quipu does not have" in warning.message


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=64), st.text(max_size=20))
def test_any_bytes_give_a_picture_of_a_known_kind_or_a_reason(data, alt):
    read = read_image("f", base64.b64encode(data).decode(), alt)
    assert (isinstance(read, Image) and read.media_type in (
        "image/png", "image/jpeg", "image/gif", "image/webp")) or isinstance(read, Said)


def test_a_kept_picture_survives_moodle_xml_and_gift_says_it_cannot_hold_it():
    bank = load_file(PICTURES).bank
    back = parse_moodle_xml(to_moodle_xml(bank), "pictures.xml")
    before = bank.questions_by_id["talara-airport"]
    after = back.bank.questions_by_id["talara-airport"]
    assert after.images == before.images and after.prompt == before.prompt
    assert back.notes == ()  # what was not kept is not written either
    assert ("// It shows 1 picture(s), which GIFT cannot hold: export as Moodle XML to keep "
            "them.") in to_gift(bank)


def test_a_gift_question_names_the_picture_moodle_wrote_with_escapes():
    text = ('::Map::[html]<p>Where is the band?</p><p><img src\\="@@PLUGINFILE@@/band.png" '
            'alt\\="Map"></p>{=Talara ~Lima}\n')
    [warning] = parse_gift(text, "q.gift").notes
    assert warning.message.startswith("question 'map' shows a picture (band.png) that Quipu")
