"""The teacher's pages in Spanish: axe-clean and no wider than the window at a phone's and a
desktop's width, light and dark (the Spanish words are longer than the English)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.audit import WIDTHS, check_dark, check_page
from tests.e2e.conftest import saved_state
from tests.e2e.steps import sign_in
from tests.e2e.test_teacher import PAGES, school, teacher  # noqa: F401  (fixtures)

SPANISH_PAGES = [n for n, who in PAGES.items() if who == "teacher" and n != "upload-problems"]
SHOTS = os.environ.get("QUIPU_SHOTS")  # a folder: also save each page's picture there, to look at


@pytest.fixture(scope="module")
def spanish(browser, base_url, school, teacher, tmp_path_factory):  # noqa: F811
    """The teacher's state with the Spanish cookie (no choice in her account: English elsewhere),
    and the pages' addresses (the upload page plain: its problems need the English label)."""
    def sign_in_in_spanish(page):
        sign_in(page, teacher)
        page.context.add_cookies([{"name": "language", "value": "es", "url": base_url}])

    state = saved_state(browser, base_url, tmp_path_factory.mktemp("es") / "teacher-es.json",
                        sign_in_in_spanish)
    urls = {**school[1], "upload": "/teacher/upload", "draft": "/teacher/draft",
            "new-bank": "/teacher/banks/new"}
    return state, urls


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", [*SPANISH_PAGES, "upload", "draft", "new-bank"])
def test_every_teacher_page_in_spanish_passes_axe_and_fits(look, spanish, name, width):
    state, urls = spanish
    page = look(urls[name], width, state=state)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    check_page(page, f"{name} (es)", width)
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("name", [*SPANISH_PAGES, "upload", "draft", "new-bank"])
def test_every_teacher_page_in_spanish_keeps_its_contrast_in_dark_mode(look, spanish, name):
    state, urls = spanish
    page = look(urls[name], 1280, "dark", state)
    check_dark(page, f"{name} (es)")
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}-dark-1280.png"), full_page=True)
