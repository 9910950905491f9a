"""Accept-Language on the API: Spanish prompts where the bank has a translation, same quiz."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizapp.services import catalog
from tests.bank.test_shipped_translation import english_words
from tests.web.api_helpers import add_learner, bearer, right_answers, snapshots, submit

SHIPPED = Path(__file__).resolve().parents[2] / "questions"
BANK = "peru-us-relations"
SPANISH = {"Accept-Language": "es"}


@pytest.fixture
def ana(app, tmp_path):
    folder = tmp_path / "shipped"
    shutil.copytree(SHIPPED, folder)
    catalog.init_app(app, catalog.Catalog(folder))  # written and generated questions
    return bearer(add_learner(app, "ana"))


def start(client, headers, **body):
    return client.post("/api/v1/attempts", json={"bank": BANK, "mode": "mixed", "length": 20,
                                                 **body}, headers=headers)


def test_accept_language_es_gives_the_same_quiz_with_spanish_prompts(app, client, ana):
    english = start(client, ana, seed=7)
    spanish = start(client, {**ana, **SPANISH}, seed=7)
    assert (english.status_code, spanish.status_code) == (201, 201)
    assert spanish.headers["Content-Language"] == "es"
    en_items, es_items = english.json["items"], spanish.json["items"]
    assert [(i["type"], len(i["options"])) for i in en_items] == [
        (i["type"], len(i["options"])) for i in es_items]
    for item in es_items:
        texts = [item["prompt"], *(o["text"] for o in item["options"])]
        assert not any(english_words(t) for t in texts), item
    en_snaps = snapshots(app, english.json["id"])
    es_snaps = snapshots(app, spanish.json["id"])
    # One seed, one quiz: the same questions in the same order, the key in the same places.
    en_shown = [en_snaps[i["id"]] for i in en_items]
    es_shown = [es_snaps[i["id"]] for i in es_items]
    assert [s.question_id for s in en_shown] == [s.question_id for s in es_shown]
    for en_snap, es_snap in zip(en_shown, es_shown, strict=True):
        en_ids, es_ids = [o.id for o in en_snap.options], [o.id for o in es_snap.options]
        assert [en_ids.index(k) for k in en_snap.key] == [es_ids.index(k) for k in es_snap.key]
    assert any(s.generated for s in es_snaps.values())


def test_grading_is_the_same_in_spanish(app, client, ana):
    attempt = start(client, {**ana, **SPANISH}, seed=11).json
    graded = submit(client, ana, attempt["id"], right_answers(app, attempt["id"])).json
    assert graded["score"] == graded["max_score"] == 20
    # The review shows what the learner saw, whatever language it is asked in later.
    again = client.get(f"/api/v1/attempts/{attempt['id']}", headers=ana).json
    assert [i["prompt"] for i in again["items"]] == [i["prompt"] for i in attempt["items"]]
    assert not any(english_words(i["explanation"]) for i in again["items"])


@pytest.mark.parametrize("header, lang", [
    ("es", "es"), ("es-PE,es;q=0.9,en;q=0.8", "es"), ("en-US,en;q=0.9,es;q=0.5", "en"),
    ("fr, de;q=0.5", "en"), ("es;q=0.2, en;q=0.8", "en"), (None, "en"), ("*;q=0,,;", "en"),
])
def test_the_header_is_read_simply_first_of_es_and_en_by_q(client, ana, header, lang):
    headers = ana if header is None else {**ana, "Accept-Language": header}
    response = client.get(f"/api/v1/banks/{BANK}/timeline", headers=headers)
    assert response.status_code == 200
    assert response.json["lang"] == lang == response.headers["Content-Language"]


def test_the_timeline_in_spanish(client, ana):
    spanish = client.get(f"/api/v1/banks/{BANK}/timeline", headers={**ana, **SPANISH}).json
    english = client.get(f"/api/v1/banks/{BANK}/timeline", headers=ana).json
    assert spanish["title"] == "El Perú y Estados Unidos en el siglo XX"
    assert [e["fact"] for e in spanish["dated"]] == [e["fact"] for e in english["dated"]]
    assert [e["fact"] for e in spanish["undated"]] == [e["fact"] for e in english["undated"]]
    canal = next(e for e in spanish["dated"] if e["fact"] == "canal")
    assert canal["text"].startswith("Se inaugura el canal de Panamá")
    leguia = next(e for e in spanish["dated"] if e["fact"] == "leguia-term")
    assert leguia["when"] == "de 1919 a 1930" and leguia["leaders"] == ["Augusto B. Leguía"]
    assert {e["knowledge"] for e in spanish["dated"]} == {"never seen"}


def test_the_timeline_of_no_bank_or_without_a_token_is_refused_in_json(client, ana):
    response = client.get("/api/v1/banks/nothing/timeline", headers={**ana, **SPANISH})
    assert response.status_code == 404 and "nothing" in response.json["error"]
    assert client.get(f"/api/v1/banks/{BANK}/timeline").status_code == 401


def test_practice_and_missed_practice_take_a_language(app, client, ana):
    from sqlalchemy import select

    from quizapp.extensions import db
    from quizapp.models import Learner
    from quizapp.services.study import start_practice

    with app.test_request_context():
        learner = db.session.scalar(select(Learner).where(Learner.username == "ana"))
        spanish = start_practice(learner, BANK, "canal", lang="es")
        english = start_practice(learner, BANK, "canal")
        [es_item], [en_item] = spanish.items, english.items
        assert not english_words(es_item.snapshot.prompt)
        assert english_words(en_item.snapshot.prompt)
        assert "canal" in {f.id for f in es_item.snapshot.facts}
