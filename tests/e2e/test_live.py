"""A live game in Chromium: a host on the projector's page and three phones play a game of three
questions, one phone by keyboard only; the host moves it on with Space and the right arrow. The
phones follow by the game's events (static/live.js under Quipu's CSP), and every page of the game
is audited with axe at 375 and 1280 px, light and dark."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from quizapp.extensions import db
from quizapp.models import LiveGame
from quizapp.quiz.snapshot import Snapshot
from quizapp.services import accounts
from tests.e2e.audit import WIDTHS, check_dark, check_page
from tests.e2e.steps import PASSWORD, order_by_keys, sign_in

pytestmark = pytest.mark.e2e
SHOTS = "/tmp/live-shots"  # looked at by hand; not committed


@pytest.fixture(scope="module")
def host_name(live_app):
    with live_app.app_context():
        accounts.register("ms.mamani", PASSWORD, role="teacher")  # a name no other module takes
    return "ms.mamani"


def now_asked(live_app, pin) -> Snapshot:
    with live_app.app_context():
        game = db.session.query(LiveGame).filter_by(pin=pin).one()
        return Snapshot.from_json(game.questions[game.question_index]["snapshot"])


def audited(page: Page, name: str) -> None:
    """axe at both widths, light and dark, then back to the page's own width."""
    size = page.viewport_size
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 720 if width > 400 else 812})
        page.emulate_media(color_scheme="light")
        check_page(page, name, width)
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png")
        page.emulate_media(color_scheme="dark")
        page.wait_for_timeout(300)  # buttons ease their colours in 0.12 s: axe reads them after
        check_dark(page, name)
        page.screenshot(path=f"{SHOTS}/{name}-{width}-dark.png")
    page.emulate_media(color_scheme="light")
    page.set_viewport_size(size)


def by_keyboard(page: Page, texts: list[str], send: bool) -> None:
    """Tab to each option reading one of `texts` and press it (Enter on a button, Space on a
    checkbox), then, if `send`, Tab on to "Send my answer" and press Enter: no mouse."""
    wanted = set(texts) | ({"Send my answer"} if send else set())
    done: set[str] = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        label = page.evaluate("() => { const e = document.activeElement;"
                              " return (e.labels && e.labels[0] ? e.labels[0] : e)"
                              ".textContent.trim(); }")
        if label in wanted - done:
            done.add(label)
            checkbox = page.evaluate("() => document.activeElement.type === 'checkbox'")
            page.keyboard.press("Space" if checkbox else "Enter")
            if done == wanted or not checkbox:
                return
    pytest.fail(f"Not every one of {sorted(wanted)} was reached with Tab")


def answer(page: Page, snap: Snapshot, right: bool, keyboard: bool = False) -> None:
    """Answer the question on the phone: right (every right option) or wrong (one other)."""
    text = {o.id: o.text for o in snap.options}
    chosen = ([text[k] for k in snap.key] if right
              else [next(t for i, t in text.items() if i not in snap.key)])
    if keyboard:
        by_keyboard(page, chosen, send=snap.type != "choice")
    elif snap.type == "choice":
        page.get_by_role("button", name=chosen[0], exact=True).click()
    else:
        for option in chosen:
            page.get_by_label(option, exact=True).check()
        page.get_by_role("button", name="Send my answer").click()


def test_a_host_and_three_phones_play_three_questions(new_context, live_app, host_name):
    blocked = []
    host = new_context(width=1280, height=720, bypass_csp=True).new_page()
    sign_in(host, host_name)
    host.goto("/teacher/")
    host.get_by_role("link", name=re.compile("^Play live")).first.click()
    expect(host.get_by_role("heading", level=1)).to_have_text("Play live")
    audited(host, "live-new")
    host.get_by_label("Choice questions only").check()
    host.get_by_label("Questions", exact=True).fill("3")
    host.get_by_role("button", name="Open the lobby").click()
    pin = host.locator(".live-pin").inner_text()
    assert re.fullmatch(r"[1-9]\d{5}", pin)

    phones = []
    for n, name in enumerate(["Ana", "Bruno", "Killa"]):
        context = new_context(width=375, height=812, bypass_csp=(n == 0))
        phone = context.new_page()
        phone.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))
        phone.goto("/live")
        if n == 0:
            audited(phone, "live-join")
        phone.get_by_label("Game PIN").fill(pin)
        phone.get_by_label("Nickname").fill(name)
        phone.get_by_role("button", name="Join the game").click()
        expect(phone.get_by_role("heading", level=1)).to_have_text("You are in!")
        phones.append(phone)
    expect(host.locator("[data-players-list] li")).to_have_count(3)  # by its events
    audited(host, "live-lobby")
    audited(phones[0], "live-phone-lobby")

    host.locator("body").click()  # the projector's page has the focus, not a field
    for number in range(1, 4):
        host.keyboard.press(" " if number == 1 else "ArrowRight")
        for phone in phones:  # the phones follow by themselves
            expect(phone.locator(".live-number")).to_have_text(f"Question {number} of 3")
        expect(host.locator(".live-prompt")).to_be_visible()
        snap = now_asked(live_app, pin)
        right = {o.id: o.text for o in snap.options}[snap.key[0]]
        if number == 1:
            audited(host, "live-host-question")
            audited(phones[0], "live-phone-question")
        answer(phones[0], snap, right=True)
        expect(phones[0].locator(".live-received")).to_contain_text("Answer received")
        expect(host.locator("[data-answered]")).to_have_text("1")
        answer(phones[1], snap, right=False)
        answer(phones[2], snap, right=True, keyboard=True)
        for phone, verdict in zip(phones, ["Right!", "Not this time", "Right!"], strict=True):
            expect(phone.locator(".live-verdict")).to_contain_text(verdict)
        expect(host.locator(".live-bars li")).to_have_count(len(snap.options))
        expect(host.locator(".live-bars li.right", has_text=right)).to_have_count(1)
        if number == 1:
            audited(host, "live-host-reveal")
            audited(phones[0], "live-phone-reveal")
        host.keyboard.press("ArrowRight")
        expect(host.get_by_role("heading", level=1)).to_have_text("Leaderboard")
        expect(phones[1].get_by_role("heading", level=1)).to_have_text("Leaderboard")
        if number == 1:
            audited(host, "live-host-leaderboard")
            audited(phones[0], "live-phone-leaderboard")

    host.keyboard.press("ArrowRight")
    expect(host.get_by_role("heading", level=1)).to_have_text("Podium")
    podium = host.locator(".live-podium li")
    expect(podium).to_have_count(3)
    expect(podium.nth(2)).to_contain_text("Bruno")
    expect(phones[1].get_by_role("heading", level=1)).to_have_text("Final results")
    expect(phones[1].locator(".live-verdict")).to_contain_text("number 3")
    audited(host, "live-podium")
    audited(phones[0], "live-phone-final")
    with host.expect_download() as download:
        host.get_by_role("link", name="Download the results (CSV)").click()
    lines = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "rank,nickname,signed_in,score,q1,q2,q3" and len(lines) == 4
    phones[1].reload()  # a reload gets back in, where the game is
    expect(phones[1].get_by_role("heading", level=1)).to_have_text("Final results")
    assert not blocked


def test_an_ordering_question_on_a_phone_takes_the_quiz_pages_controls(new_context, live_app,
                                                                        host_name):
    host = new_context(width=1280, height=720, bypass_csp=True).new_page()
    sign_in(host, host_name)
    host.goto("/teacher/live?bank=peru-us-relations")
    host.get_by_label("Ordering questions only").check()
    host.get_by_label("Questions", exact=True).fill("1")
    host.get_by_role("button", name="Open the lobby").click()
    pin = host.locator(".live-pin").inner_text()
    phone = new_context(width=375, height=812, bypass_csp=True).new_page()
    phone.goto(f"/live?pin={pin}")
    phone.get_by_label("Nickname").fill("Tupac")
    phone.get_by_role("button", name="Join the game").click()
    expect(host.locator("[data-players-list] li")).to_have_count(1)
    host.get_by_role("button", name="Start the game").click()
    expect(phone.locator(".order-item")).not_to_have_count(0)  # quiz.js made it a list
    audited(phone, "live-phone-ordering")
    snap = now_asked(live_app, pin)
    order_by_keys(phone, "q", list(snap.key))
    phone.get_by_role("button", name="Send my answer").click()
    expect(phone.locator(".live-verdict")).to_contain_text("Right!")  # the only player: revealed
    expect(phone.locator(".live-key li")).to_have_count(len(snap.key))


def test_a_class_s_game_in_spanish_from_its_class_page(new_context, live_app, host_name):
    """Play live from a class's page, in Spanish: the form for the class, a student of it joins,
    the lobby counts the class; each page audited, light and dark, at both widths."""
    from quizapp.models import ClassMember, Classroom, Learner

    es = {"Accept-Language": "es-PE"}
    with live_app.app_context():
        accounts.register("rosa.e2e", PASSWORD)
        teacher = db.session.query(Learner).filter_by(username=host_name).one()
        student = db.session.query(Learner).filter_by(username="rosa.e2e").one()
        room = Classroom(name="5.º B", code="LIVEE2", owner_id=teacher.id)
        db.session.add(room)
        db.session.flush()
        db.session.add(ClassMember(class_id=room.id, learner_id=student.id))
        db.session.commit()
        class_id = room.id
    host = new_context(width=1280, height=720, bypass_csp=True).new_page()
    sign_in(host, host_name)
    host.set_extra_http_headers(es)
    host.goto(f"/teacher/classes/{class_id}")
    audited(host, "class-with-play-live")
    host.get_by_role("link", name="Jugar en vivo").click()  # the class page is in Spanish too
    expect(host.get_by_role("heading", level=1)).to_have_text("Jugar en vivo")
    expect(host.locator("#live-class")).to_contain_text("5.º B")
    audited(host, "live-new-class-es")
    host.get_by_label("Preguntas", exact=True).fill("2")
    host.get_by_role("button", name="Abrir la sala de espera").click()
    pin = host.locator(".live-pin").inner_text()

    phone = new_context(width=375, height=812, bypass_csp=True).new_page()
    sign_in(phone, "rosa.e2e")
    phone.set_extra_http_headers(es)
    phone.goto(f"/live?pin={pin}")
    audited(phone, "live-join-es")
    phone.get_by_role("button", name="Entrar al juego").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("¡Ya estás dentro!")
    # by its events (live.js), no reload
    expect(host.locator("#class-joined")).to_have_text("Ya entraron 1 de 1 de 5.º B")
    audited(host, "live-lobby-class-es")
