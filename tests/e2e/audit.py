"""How a page looks: axe-core's audit, the fit to the window, and the screenshots in the README.

axe-core comes from the npm registry (tests/e2e/package.json, installed by `make test`) and is
injected into each page by the test: the app itself serves no script it did not write.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page

from quizapp.config import PROJECT_ROOT
from tests.e2e.png import store

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"
HEIGHTS = {375: 812, 1280: 800}  # an everyday phone, a laptop; projectors are laptops enlarged
WIDTHS = sorted(HEIGHTS)
SERIOUS = ("serious", "critical")
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Dates change every run: the screenshots show this one, so the committed files stay the same.
SAMPLE_TIME = "2 Mar 2026, 10:15 UTC"


def audit(page: Page, rules: list[str] | None = None) -> list[dict]:
    """axe-core's violations on the page as it stands (after quiz.js has enhanced it).

    All of axe's rules unless `rules` names some.
    """
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test` (it runs npm ci --prefix tests/e2e).",
                    pytrace=False)
    # A button's colour eases over 0.12 s: axe must read the colours at rest, not mid-change.
    page.add_style_tag(content=STILL)
    page.add_script_tag(path=AXE)
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    return page.evaluate("options => axe.run(document, options)", options)["violations"]


def described(violations: list[dict]) -> str:
    """Each violation's id, impact, help and the elements it names, for a failure message."""
    return json.dumps([
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "targets": [node["target"] for node in v["nodes"]]}
        for v in violations
    ], indent=2)


def check_page(page: Page, name: str, width: int) -> None:
    """No serious or critical axe violation, and nothing wider than the window."""
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    violations = audit(page)
    print(f"{name} at {width}px: {described(violations)}")  # shown when the test fails
    serious = [v for v in violations if v["impact"] in SERIOUS]
    assert not serious, f"{name} at {width}px:\n{described(serious)}"
    assert overflow <= 0, f"{name} is {overflow}px wider than a {width}px window: {widest(page)}"


WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
  .map(e => (e.parentElement ? e.parentElement.tagName.toLowerCase() + '.' + (e.parentElement.className || '') + ' > ' : '') + e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
        ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
        + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
  .slice(0, 8)"""


def widest(page: Page) -> list[str]:
    """The innermost elements that reach past the window's right edge, to name in a failure."""
    return page.evaluate(WIDEST)


def check_dark(page: Page, name: str) -> None:
    """No contrast violation in dark mode (which changes colours, nothing else)."""
    violations = audit(page, rules=COLOUR_RULES)
    assert not violations, f"{name}, dark:\n{described(violations)}"


def save_screenshot(page: Page, name: str, width: int, sample: str = SAMPLE_TIME) -> None:
    """What the window shows, with the sample date in place of each moment's (a <time datetime>).

    A timeline's years are <time> elements too, without the attribute: they are left as they are.
    """
    page.evaluate(
        "t => document.querySelectorAll('time[datetime]').forEach(e => { e.textContent = t; })",
        sample,
    )
    keep_screenshot(page, name, width)


def keep_screenshot(page: Page, name: str, width: int, **options) -> None:
    """The window (or what `options` ask for) saved as docs/screenshots/<name>-<width>.png, unless
    the stored one looks the same (tests/e2e/png.py): running the tests twice changes no file."""
    store(screenshot_path(name, width), page.screenshot(animations="disabled", **options))


def screenshot_path(name: str, width: int) -> Path:
    """Where the README finds a page's screenshot at a width: docs/screenshots/<name>-<width>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}-{width}.png"
