"""Simulated students for bench/load_school.py: each a tiny browser with its own cookies.

Plain http.client, one connection a request (gunicorn's sync workers close each one), so the
client spends as little of the shared CPU as it can.
"""

from __future__ import annotations

import http.client
import re
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
PASSWORD = "bench-password-1"


@dataclass
class Sample:
    """One timed request: which step, whether it answered as expected, how long it took."""

    step: str
    ok: bool
    seconds: float


@dataclass
class Browser:
    """A student's browser: cookies kept between requests."""

    host: str
    port: int
    cookies: dict[str, str] = field(default_factory=dict)

    def send(self, method: str, path: str, form: dict | None = None) -> tuple[int, dict, str]:
        """One request: (status, headers, body); keeps the cookies the answer sets."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode()
        finally:
            conn.close()
        for cookie in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, dict(response.getheaders()), text

    def timed(self, step: str, expect: int, method: str, path: str, form=None) -> tuple:
        """send(), timed: (Sample, headers, body); a failure to connect is a failed sample."""
        began = time.perf_counter()
        try:
            status, headers, text = self.send(method, path, form)
        except (OSError, http.client.HTTPException):
            return Sample(step, False, time.perf_counter() - began), {}, ""
        return Sample(step, status == expect, time.perf_counter() - began), headers, text


class QuizForm(HTMLParser):
    """A quiz page read into a filled-in form: the first option of each question, and orders."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.answers: dict[str, str] = {}
        self.positions: dict[str, int] = {}  # ordering item -> positions given so far
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        name = a.get("name") or ""
        if tag == "input" and a.get("type") in ("radio", "checkbox"):
            self.answers.setdefault(name, a.get("value") or "")
        elif tag == "select":
            item = name.rsplit(".", 1)[0]
            self.positions[item] = self.positions.get(item, 0) + 1
            self.answers[name] = str(self.positions[item])  # 1, 2, 3...: a whole order


class Student:
    """One student: register, start a quiz, load its page, submit it."""

    def __init__(self, host: str, port: int, name: str) -> None:
        self.browser, self.name = Browser(host, port), name
        self.token, self.attempt, self.page = "", "", ""
        self.form: dict[str, str] = {}

    def register(self) -> Sample:
        """Sign up through the register page (scrypt hashes the password: slow on purpose)."""
        _, _, page = self.browser.send("GET", "/register")
        self.token = CSRF.search(page)[1]
        form = {"username": self.name, "password": PASSWORD, "confirm": PASSWORD,
                "csrf_token": self.token}
        return self.browser.timed("register", 303, "POST", "/register", form)[0]

    def start(self, bank: str, length: int = 10) -> Sample:
        """Start a quiz from the home page's form."""
        form = {"bank": bank, "mode": "mixed", "length": length, "csrf_token": self.token}
        sample, headers, _ = self.browser.timed("start", 303, "POST", "/", form)
        self.attempt = headers.get("Location", "").rsplit("/", 1)[-1]
        return sample

    def load(self) -> Sample:
        """Load the quiz page."""
        sample, _, self.page = self.browser.timed("quiz page", 200, "GET",
                                                  f"/attempts/{self.attempt}")
        return sample

    def fill_in(self) -> list[Sample]:
        """Answer every question of the loaded page: the client's work, so no request, no sample.

        A step of its own: parsing the page in the submit step took the shared CPU from the
        server (about 1.4 ms a page) while the baseline's insert step parses nothing.
        """
        self.form = QuizForm(self.page).answers | {"csrf_token": self.token}
        return []

    def submit(self) -> Sample:
        """Submit the page with every question answered (filled in first, if not yet)."""
        form = self.form or QuizForm(self.page).answers | {"csrf_token": self.token}
        return self.browser.timed("submit", 303, "POST", f"/attempts/{self.attempt}", form)[0]


    def floor_sign_in(self) -> list[Sample]:
        """Sign in to the floor app (bench/floor_app.py): set-up, not timed."""
        status, _, _ = self.browser.send("POST", "/sign-in", {"name": self.name})
        assert status == 200, f"floor sign-in: {status}"
        return []

    def floor_page(self) -> Sample:
        """The floor app's quiz page; keeps its CSRF token."""
        sample, _, page = self.browser.timed("floor page", 200, "GET", "/quiz")
        if found := CSRF.search(page):
            self.token = found[1]
        return sample

    def raw_page(self) -> Sample:
        """The floor app's quiz page without Flask-Login and Flask-SQLAlchemy."""
        return self.browser.timed("raw page", 200, "GET", "/quiz/raw")[0]

    def floor_submit(self) -> Sample:
        """The floor app's submission: ten answers."""
        form = {f"a{i}": "o1" for i in range(10)} | {"csrf_token": self.token}
        return self.browser.timed("floor submit", 200, "POST", "/quiz", form)[0]


def baseline_page(browser: Browser) -> Sample:
    """The bare app's page."""
    return browser.timed("baseline page", 200, "GET", "/page")[0]


def baseline_insert(browser: Browser) -> Sample:
    """The bare app's one-row insert."""
    return browser.timed("baseline insert", 200, "POST", "/insert", {"who": "student"})[0]
