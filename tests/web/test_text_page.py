"""Reading a bank's source text (/study/<bank>/text): the passages marked and linked to their
facts, the learner's state of each, the links to it, and its refusals."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from quizapp import clock as app_clock
from quizapp.extensions import db
from quizapp.models import Card
from quizapp.services import catalog
from tests.web.conftest import elements

QUESTIONS = Path(__file__).parents[2] / "questions"
BANK = "peru-us-relations"
TEXT = f"/study/{BANK}/text"

SMALL = """bank: small
title: Small
source: small.md
{extra}facts:
  - id: one
    text: The first fact.
    year: 1901
    cite: "one two three"
  - id: two
    text: The second fact.
    cite: "two three four"
  - id: three
    text: The third fact.
    cite: "one   two"
  - id: plain
    text: A fact with no cite.
questions:
  - id: q
    type: choice
    prompt: Which?
    choices: ["A", "B"]
    answer: "A"
    facts: [one]
"""


@pytest.fixture
def texts(app, tmp_path):
    """A questions folder with the shipped bank and its text, and a small bank in Markdown."""
    folder = tmp_path / "questions"
    folder.mkdir()
    for name in (f"{BANK}.yaml", f"{BANK}.txt"):
        shutil.copy(QUESTIONS / name, folder / name)
    (folder / "small.yaml").write_text(SMALL.format(extra=""), encoding="utf-8")
    (folder / "small.md").write_text("# Title\n\none two\nthree four five\n\nSix.\n",
                                     encoding="utf-8")
    catalog.init_app(app, catalog.Catalog(folder))
    return folder


def cited_ids(html):
    return {tag["id"].removeprefix("fact-") for tag in elements(html)
            if tag.get("id", "").startswith("fact-")}


def test_every_cited_passage_is_marked_and_linked_to_its_fact(client, texts):
    response = client.get(TEXT)
    assert response.status_code == 200
    page = response.text
    with client.application.app_context():
        bank = catalog.current_catalog().get(BANK)
        facts = [f.id for f in bank.facts]
    assert cited_ids(page) == set(facts)  # every fact of the shipped bank cites a passage
    assert len(elements(page, "mark")) >= len(facts)
    for fact in facts:
        assert elements(page, "a", href=f"#about-{fact}"), fact
        assert elements(page, "a", href=f"/study/{BANK}#fact-{fact}"), fact
        assert elements(page, "li", id=f"about-{fact}"), fact
    assert elements(page, "a", href=f"/study/{BANK}/practice?fact=canal")
    assert '<mark id="fact-canal">The inauguration of the Panama Canal in 1914</mark>' in page
    assert "Sign in" in page and 'class="state' not in page  # a visitor sees no states


def test_paragraphs_are_kept(client, texts):
    page = client.get(TEXT).text
    article = page[page.index('<article class="source-text"'):page.index("</article>")]
    # 45 lines, blank lines between paragraphs (one holds only a no-break space): 20 paragraphs
    assert sum(line.startswith("<p>") for line in article.splitlines()) == 20


def test_overlapping_cites_each_start_and_end_once(client, texts):
    page = client.get("/study/small/text").text
    # "one two three", "two three four" and "one two": each cite opens and closes once; two
    # opening at one place, the second gets an anchor of its own before the mark
    note = '<a class="cite-ref" href="#about-{}"><span class="visually-hidden">note </span>{}</a>'
    assert ('<p><span class="cite-anchor" id="fact-one"></span><mark id="fact-three">one </mark>'
            '<mark id="fact-two">two</mark>' + note.format("three", 1) + '<mark> three</mark>'
            + note.format("one", 2) + "<mark> four</mark>" + note.format("two", 3)
            + " five</p>") in page
    assert page.count('href="#about-one"') == 1 and page.count('href="#about-two"') == 1
    assert elements(page, "a", href="#fact-one") and elements(page, "a", href="#fact-three")
    assert "<p># Title</p>" in page  # Markdown is shown as plain paragraphs
    assert not elements(page, "a", href="/study/small/practice?fact=two")  # no question on it


def test_a_signed_in_learner_sees_the_state_of_each_fact(app, client, auth, texts):
    learner = auth.create("ana")
    auth.login("ana")
    now = app_clock.now()
    with app.app_context():
        for fact, state, due in (("canal", "review", now + timedelta(days=3)),
                                 ("embassy", "relearning", now + timedelta(minutes=5))):
            db.session.add(Card(learner_id=learner, bank=BANK, fact_id=fact, fsrs={},
                                due=due, state=state))
        db.session.commit()
    page = client.get(TEXT).text

    def state(fact):
        note = page[page.index(f'id="about-{fact}"'):]
        note = note[:note.index("</li>")]
        return note.split('class="state ', 1)[1].split(">", 1)[1].split("<", 1)[0]

    assert (state("canal"), state("embassy"), state("trade-60")) == ("Known", "Shaky", "New")
    assert elements(page, "mark", id="fact-canal", **{"class": "known"})


def test_a_bank_without_a_text_is_a_clear_404(client, texts):
    (texts / "small.md").unlink()
    response = client.get("/study/small/text")
    assert response.status_code == 404
    assert "has no source text to read" in response.text
    assert elements(response.text, "a", href="/study/small")  # back to its timeline
    assert client.get("/study/nope/text").status_code == 404


def test_a_student_kept_from_the_bank_is_refused(app, client, auth, texts):
    (texts / "small.yaml").write_text(SMALL.format(extra="exam_only: true\n"), encoding="utf-8")
    with app.app_context():
        catalog.current_catalog().refresh(force=True)
    auth.create("ana")
    auth.login("ana")
    response = client.get("/study/small/text")
    assert response.status_code == 403
    assert "The first fact" not in response.text


def test_the_timeline_links_each_cited_fact_to_its_passage(client, texts):
    page = client.get(f"/study/{BANK}").text
    assert elements(page, "a", href=f"{TEXT}#fact-canal")
    small = client.get("/study/small").text
    assert elements(small, "a", href="/study/small/text#fact-one")
    assert not elements(small, "a", href="/study/small/text#fact-plain")  # no cite, no link


def test_the_practice_feedback_links_to_the_passage(client, auth, texts):
    auth.guest("Ann")
    started = client.post("/study/small/practice", data={"fact": "one"})
    item = started.location.split("?")[0]
    page = client.get(item).text
    field = elements(page, "input", type="radio")[0]
    done = client.post(item, data={field["name"]: field["value"]}, follow_redirects=True)
    assert "Read it in the text" in done.text
    assert elements(done.text, "a", href="/study/small/text#fact-one")
