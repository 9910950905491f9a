"""Quipu in Spanish in a real browser: the switch in the header, a quiz taken to its review, and
every student page (the quiz's, the study pages, the join pages) audited with axe in Spanish at
a phone's width and a desktop's, light and dark."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.audit import WIDTHS, check_dark, check_page, save_screenshot
from tests.e2e.conftest import BANK, saved_state
from tests.e2e.steps import expect_positions, order_by_keys, pick, register, served
from tests.e2e.test_pages import quizzes_of

pytestmark = pytest.mark.e2e


def test_a_visitor_switches_to_spanish_and_takes_a_quiz_to_its_review(page, live_app):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("button", name="Español").click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", name="Empieza un cuestionario")).to_be_visible()

    page.get_by_role("link", name="continuar como invitado").click()
    page.get_by_label("Tu nombre").fill("Rosa")
    page.get_by_role("button", name="Continuar como invitado").click()
    expect(page.get_by_text("Te damos la bienvenida, Rosa.")).to_be_visible()
    page.get_by_label("Mixto: preguntas de alternativas y de ordenar").check()
    page.get_by_role("button", name="Empezar el cuestionario").click()
    page.wait_for_url("**/attempts/*")
    items = served(live_app, page.url.rsplit("/", 1)[1])
    progress = page.locator("#progress")
    expect(progress).to_have_text(f"Respondidas 0 de {len(items)}")  # quiz.js, in Spanish
    expect(page.get_by_text("Pregunta 1", exact=True)).to_be_visible()
    for answered, (item_id, snap) in enumerate(items, start=1):
        if snap.type == "ordering":
            order_by_keys(page, item_id, list(snap.key))
            expect_positions(page, list(snap.key))
        else:
            pick(page, list(snap.key))
        expect(progress).to_have_text(f"Respondidas {answered} de {len(items)}")
    page.get_by_role("button", name="Enviar mis respuestas").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Tus resultados")
    n = len(items)
    expect(page.locator(".score")).to_have_text(re.compile(rf"100\s%:\s+{n} de {n} puntos"))
    expect(page.locator("article.review.result-right")).to_have_count(n)
    expect(page.locator(".counts")).to_contain_text(f"{n} correctas")
    page.get_by_role("link", name="Ver todos tus cuestionarios").click()
    expect(page.locator("table.history tbody tr")).to_contain_text("100 %")
    expect(page.locator("table.history tbody tr")).to_contain_text("mixto")

    page.get_by_role("button", name="English").click()  # and back
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your quizzes")


SIGNED_IN = {"quiz", "review", "history", "password", "progress", "classes"}
PAGES = ["home", "register", "login", "guest", "quiz", "review", "history", "password",
         "not-found", "timeline", "practice-start", "progress", "text", "join", "classes"]


@pytest.fixture(scope="module")
def lucia(browser, base_url, live_app, tmp_path_factory):
    """lucia, who chose Spanish (kept in her account), with a quiz submitted and one open; a
    visitor's state with the Spanish cookie for the pages before signing in."""
    def sign_up_in_spanish(page):
        register(page, "lucia")
        page.get_by_role("button", name="Español").click()
        expect(page.locator("html")).to_have_attribute("lang", "es")

    def visitor_in_spanish(page):
        page.goto("/")
        page.get_by_role("button", name="Español").click()
        expect(page.locator("html")).to_have_attribute("lang", "es")

    folder = tmp_path_factory.mktemp("lucia")
    signed_in = saved_state(browser, base_url, folder / "lucia.json", sign_up_in_spanish)
    visitor = saved_state(browser, base_url, folder / "visitor.json", visitor_in_spanish)
    done, still_open = quizzes_of(live_app, "lucia", lang="es")  # the Spanish bank
    urls = {
        "home": "/", "register": "/register", "login": "/login", "guest": "/guest",
        "quiz": f"/attempts/{still_open}", "review": f"/attempts/{done}", "history": "/history",
        "password": "/account/password", "not-found": "/no-such-page",
        "timeline": f"/study/{BANK}", "practice-start": f"/study/{BANK}/practice",
        "progress": "/progress", "text": f"/study/{BANK}/text", "join": "/join?code=",
        "classes": "/classes/",
    }
    return signed_in, visitor, urls


@pytest.fixture(scope="module")
def open_spanish(look, lucia):
    signed_in, visitor, urls = lucia

    def open_(name, width, scheme="light"):
        page = look(urls[name], width, scheme, signed_in if name in SIGNED_IN else visitor)
        expect(page.locator("html")).to_have_attribute("lang", "es")
        return page

    return open_


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_every_page_in_spanish_passes_axe_and_fits(open_spanish, name, width):
    page = open_spanish(name, width)
    check_page(page, f"{name} (es)", width)
    if name == "review":
        # the README's Spanish screenshot, its dates as Spanish writes them
        save_screenshot(page, "review-es", width, "2 de marzo de 2026, 10:15 UTC")


@pytest.mark.parametrize("name", PAGES)
def test_every_page_in_spanish_keeps_its_contrast_in_dark_mode(open_spanish, name):
    check_dark(open_spanish(name, 1280, scheme="dark"), f"{name} (es)")


def test_a_guest_s_header_in_spanish_is_one_row_on_a_desktop(new_context):
    page = new_context(1280, 800, extra_http_headers={"Accept-Language": "es"}).new_page()
    page.goto("/guest")
    page.get_by_label("Tu nombre").fill("Maximiliano")
    page.get_by_role("button", name="Continuar como invitado").click()
    nav = page.get_by_role("navigation", name="Principal")
    items = [nav.get_by_role("link", name="Inicio"), nav.get_by_role("link", name="Registrarse"),
             nav.get_by_role("button", name="English")]
    tops = {round(item.bounding_box()["y"]) for item in items}
    assert len(tops) == 1, "the menu is one row"
    assert page.locator("header.site").bounding_box()["height"] <= 80
