"""The API's own refusals, the live game's included, in Spanish for `Accept-Language: es`."""

from __future__ import annotations

ES = {"Accept-Language": "es-PE,es;q=0.9"}


def test_an_unknown_address_is_refused_in_spanish(client):
    response = client.get("/api/v1/no-such-call", headers=ES)
    assert response.status_code == 404
    assert response.get_json()["error"].startswith("No hay nada en esta dirección")


def test_the_live_game_refuses_a_missing_or_bad_token_in_spanish(client):
    missing = client.get("/api/v1/live/123456", headers=ES)
    assert missing.status_code in (401, 404)
    assert "Envía" in missing.get_json()["error"] or "juego" in missing.get_json()["error"]
    english = client.get("/api/v1/live/123456")
    assert missing.get_json()["error"] != english.get_json()["error"]


def test_a_live_token_that_is_not_text_is_refused_in_spanish(client):
    response = client.get("/api/v1/live/123456", headers={**ES, "Authorization": "Bearer \ud800x"})
    assert response.status_code in (401, 404)
