"""The shipped bank's timeline says what the text says: no counted years, vague dates in words,
and only leaders whose term covers a fact (issue 14, "The timeline, as the text says it")."""

import re

from quizapp.bank.loader import load_file
from quizapp.bank.model import LoadResult
from quizapp.services import catalog
from tests.bank.test_shipped_bank import BANK_FILE
from tests.web.conftest import elements


def shipped_timeline(app, client, tmp_path):
    result = LoadResult(banks=(load_file(BANK_FILE).bank,))
    catalog.init_app(app, catalog.Catalog(
        tmp_path, load=lambda folder: result, questions=lambda bank: bank.questions))
    return client.get("/study/peru-us-relations").text


def entry(page, fact_id):
    start = page.index(f'id="fact-{fact_id}"')
    return page[start:page.index("</li>", start)]


def test_no_period_is_counted_in_years(app, client, tmp_path):
    page = shipped_timeline(app, client, tmp_path)
    assert not re.search(r"\d+ years\)", page)
    assert "eleven years" in entry(page, "leguia-term")  # the text's own count, in its words


def test_a_vague_date_is_shown_in_the_texts_words_never_as_years_or_a_length(app, client, tmp_path):
    page = shipped_timeline(app, client, tmp_path)
    for fact_id, words, hidden in (
        ("peace-stability", "the first two decades of the 20th century", ("1901", "1920")),
        ("revgov-neutrality", "1968 to the mid-1970s", ("1976", "1975")),
        ("revgov-pluralism", "1968 to the mid-1970s", ("1976",)),
    ):
        shown = entry(page, fact_id)
        assert words in shown
        assert not elements(shown, "svg"), f"{fact_id} drawn as a length"
        assert not any(year in shown for year in hidden), fact_id
    assert ("in the order they happened, from the first two decades of the 20th century to 2002."
            in page)
    # An exact period is still drawn to scale.
    [bar] = elements(entry(page, "leguia-term"), "svg")
    assert bar["aria-label"].startswith("1919 to 1930")


def test_leading_then_names_the_facts_leader_or_one_in_office_all_through(app, client, tmp_path):
    page = shipped_timeline(app, client, tmp_path)
    assert "Leading then" not in entry(page, "peace-stability")  # Leguía only from 1919
    assert "Leading then: Augusto B. Leguía" in entry(page, "embassy")  # its own leader
    assert "Leading then: Alberto Fujimori" in entry(page, "counternarcotics-agreement")
    for fact_id in ("canal", "trade-60", "talara-airport", "revgov-neutrality", "atpdea"):
        assert "Leading then" not in entry(page, fact_id), fact_id
