"""The design tokens at the top of static/quipu.css: every pair of colours used together keeps
WCAG AA contrast (4.5:1 for text, 3:1 for large text and the borders of controls), in the light
scheme and the dark one. The colours are read from the file, so a change to a token is checked."""

from __future__ import annotations

import re

import pytest

from quizapp.config import PROJECT_ROOT

CSS = (PROJECT_ROOT / "static" / "quipu.css").read_text(encoding="utf-8")
TEXT, LARGE = 4.5, 3.0
BACKGROUNDS = ("bg", "surface", "panel")
# (foreground, background, the least contrast): each text colour on every surface it is used on.
PAIRS = (
    [(fg, bg, TEXT) for fg in ("fg", "muted", "accent", "ok", "no", "partial") for bg in BACKGROUNDS]
    + [("fg", soft, TEXT) for soft in ("accent-soft", "ok-soft", "no-soft", "partial-soft")]
    + [("accent", "accent-soft", TEXT), ("ok", "ok-soft", TEXT), ("no", "no-soft", TEXT),
       ("partial", "partial-soft", TEXT), ("muted", "accent-soft", TEXT),
       ("accent-fg", "accent", TEXT), ("accent-fg", "accent-strong", TEXT)]
    + [(border, bg, LARGE) for border in ("line", "focus") for bg in BACKGROUNDS]
)
NAMED = ["bg", "fg", "muted", "line", "panel", "accent", "accent-fg", "ok", "no", "focus", "edge",
         "surface", "partial", "radius", "shadow"]
NAMED += [f"space-{n}" for n in range(1, 7)] + [f"step-{n}" for n in ("-1", "0", "1", "2", "3")]


def block(selector_start: str) -> str:
    """The text of the first `:root { ... }` after `selector_start` (the light one: the file's)."""
    start = CSS.index(selector_start)
    opening = CSS.index("{", CSS.index(":root", start))
    return CSS[opening + 1:CSS.index("}", opening)]


def tokens(text: str) -> dict[str, str]:
    """--name: value, for every custom property declared in a block."""
    return {m[1]: m[2].strip() for m in re.finditer(r"--([\w-]+)\s*:\s*([^;]+);", text)}


LIGHT = tokens(block(":root"))
DARK = {**LIGHT, **tokens(block("@media (prefers-color-scheme: dark)"))}


def luminance(hex_colour: str) -> float:
    """WCAG's relative luminance of #rrggbb."""
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", hex_colour), f"{hex_colour}: write colours as #rrggbb"
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_gives_wcag_figures():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_every_token_the_pages_rely_on_is_declared():
    assert not [name for name in NAMED if name not in LIGHT]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("fg", "bg", "least"), PAIRS, ids=[f"{f}-on-{b}" for f, b, _ in PAIRS])
def test_every_colour_pair_keeps_aa_contrast(scheme, fg, bg, least):
    colours = LIGHT if scheme == "light" else DARK
    ratio = contrast(colours[fg], colours[bg])
    assert ratio >= least, f"--{fg} on --{bg} ({scheme}): {ratio:.2f}:1, below {least}:1"


def test_the_dark_scheme_sets_every_colour_again():
    colours = {name for name, value in LIGHT.items() if value.startswith("#")}
    assert colours <= set(tokens(block("@media (prefers-color-scheme: dark)")))


def test_every_block_of_the_stylesheet_is_closed():
    """An unclosed block (an @media left open) silently scopes every rule after it: braces balance
    outside comments, and never go below zero."""
    depth = 0
    for n, line in enumerate(re.sub(r"/\*.*?\*/", "", CSS, flags=re.S).splitlines(), start=1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"quipu.css:{n}: a '}}' closes nothing"
    assert depth == 0, f"quipu.css: {depth} block(s) left open"
