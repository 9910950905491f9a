"""The timeline of a bank's facts, what the home page says is due, and review quizzes from it."""

from dataclasses import replace

from quizapp.bank.model import Fact, LoadResult, Person
from quizapp.services import catalog
from quizapp.web.forms import answer_field
from tests.sample_bank import FACTS, SAMPLE_BANK
from tests.web.conftest import elements

WAR = Fact(id="war", text="A war is fought.", year=1941, until=1945)
RUMOUR = Fact(id="rumour", text="A rumour spreads.")
STUDY_BANK = replace(
    SAMPLE_BANK, facts=(RUMOUR, *FACTS, WAR),
    people=(*SAMPLE_BANK.people, Person(id="b", name="Leader B", year=1939, until=1945)),
)


def use_study_bank(app, tmp_path):
    result = LoadResult(banks=(STUDY_BANK,))
    catalog.init_app(app, catalog.Catalog(
        tmp_path, load=lambda folder: result, questions=lambda bank: bank.questions))


def fact_ids(html):
    return [li["id"].removeprefix("fact-") for li in elements(html, "li")
            if li.get("id", "").startswith("fact-")]


def knowledge(html, fact_id):
    """The knowledge word shown on a fact's entry."""
    entry = html[html.index(f'id="fact-{fact_id}"'):]
    entry = entry[:entry.index("</li>")]
    return entry.split('class="knowledge ', 1)[1].split(">", 1)[1].split("<", 1)[0]


def wrong_form(quiz, attempt_id):
    """Every choice question answered wrong, every other left blank (and submitted so)."""
    return {answer_field(item_id): next(o.id for o in snap.options
                                        if o.id not in list(snap.key))
            for item_id, snap in quiz.served(attempt_id) if snap.type == "choice"} | {
        "confirm": "1"}


def test_the_timeline_puts_dated_facts_in_order_and_undated_ones_apart(app, client, tmp_path):
    use_study_bank(app, tmp_path)
    page = client.get("/study/sample").text
    assert fact_ids(page) == ["canal", "trade", "embassy", "war", "treaty", "rumour"]
    also = page[page.index("Also in the text"):]
    assert 'id="fact-rumour"' in also and 'id="fact-war"' not in also


def test_a_period_is_shown_as_a_span_of_years(app, client, tmp_path):
    use_study_bank(app, tmp_path)
    page = client.get("/study/sample").text
    assert elements(page, "li", id="fact-war", **{"class": "fact period"})
    assert "1941–1945" in page
    [extent] = elements(page, "svg", role="img", **{"class": "extent"})
    assert extent["aria-label"].startswith("1941 to 1945")


def test_each_fact_shows_who_led_then(app, client, tmp_path):
    use_study_bank(app, tmp_path)
    page = client.get("/study/sample").text
    embassy = page[page.index('id="fact-embassy"'):page.index('id="fact-war"')]
    war = page[page.index('id="fact-war"'):page.index('id="fact-treaty"')]
    assert "Leader A (President of Peru)" in embassy and "Leader B" in war


def test_a_visitor_reads_the_timeline_without_states(client):
    page = client.get("/study/sample").text
    assert 'class="knowledge' not in page
    assert "Sign in" in page


def test_an_unknown_bank_has_no_timeline(client):
    assert client.get("/study/nope").status_code == 404


def test_every_fact_links_to_a_practice_run_on_it(client, signed_in):
    page = client.get("/study/sample").text
    for fact in FACTS:
        assert elements(page, "a", href=f"/study/sample/practice?fact={fact.id}")


def answer_right_after_a_minute(client, quiz, clock):
    attempt_id = quiz.start("choice")
    clock.advance(minutes=1)  # slow enough to be Good, not Easy
    client.post(f"/attempts/{attempt_id}", data=quiz.right_form(attempt_id))


def test_a_fact_goes_from_never_seen_to_shaky_to_known_as_the_learner_answers(
    client, signed_in, quiz, clock
):
    assert knowledge(client.get("/study/sample").text, "embassy") == "Never seen"
    answer_right_after_a_minute(client, quiz, clock)
    assert knowledge(client.get("/study/sample").text, "embassy") == "Shaky"  # still learning
    clock.advance(minutes=10)
    answer_right_after_a_minute(client, quiz, clock)  # the second Good graduates it
    assert knowledge(client.get("/study/sample").text, "embassy") == "Known"


def test_the_home_page_says_how_many_facts_are_due_and_offers_their_review(
    client, signed_in, quiz, clock
):
    assert "0 facts due for review" in client.get("/").text
    attempt_id = quiz.start("choice")
    client.post(f"/attempts/{attempt_id}", data=wrong_form(quiz, attempt_id))
    clock.advance(minutes=5)
    page = client.get("/").text
    assert "4 facts due for review" in page
    assert elements(page, "form", action="/study/sample/review", method="post")
    assert "Review what's due (4)" in page


def test_reviewing_what_is_due_starts_a_quiz_on_the_due_facts(client, signed_in, quiz, clock):
    attempt_id = quiz.start("choice")
    client.post(f"/attempts/{attempt_id}", data=wrong_form(quiz, attempt_id))
    clock.advance(minutes=5)
    response = client.post("/study/sample/review")
    assert response.status_code == 303
    review_id = response.location.rsplit("/", 1)[1]
    tested = {f.id for _, snap in quiz.served(review_id) for f in snap.facts}
    assert tested == {"canal", "trade", "treaty", "embassy"}


def test_reviewing_with_nothing_due_says_so_with_422(client, signed_in):
    response = client.post("/study/sample/review")
    assert response.status_code == 422
    assert "due for review" in response.text


def test_the_quiz_review_links_each_fact_to_its_place_on_the_timeline(client, signed_in, quiz):
    attempt_id = quiz.start("choice")
    client.post(f"/attempts/{attempt_id}", data={"confirm": "1"})
    page = client.get(f"/attempts/{attempt_id}").text
    assert elements(page, "a", href="/study/sample#fact-embassy")


def test_study_pages_have_one_heading_and_no_inline_code(client, signed_in):
    for url in ("/study/sample", "/study/sample/practice", "/progress"):
        page = client.get(url).text
        assert page.count("<h1") == 1, url
        assert "<script" not in page and "style=" not in page and "<style" not in page, url
