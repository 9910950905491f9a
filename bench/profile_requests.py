"""CPU time per request, in-process: the quiz page and a submission beside the bare baseline's.

Not a test: `.venv/bin/python bench/profile_requests.py [-n 300] [--rounds 3] [--profile submit]`.
Builds Quipu on a temporary SQLite database (migrated as in production, CSRF on) with the real
questions/ bank, registers and signs in one learner through the pages, starts n 10-question
quizzes, then times n GETs of their pages and n submissions (each of a fresh attempt, every
question answered; the learner's review cards exist after the first, so these update them), and
n first submissions of n new guests (every card new, as in bench/load_school.py). Times are CPU
seconds (time.process_time), so other jobs on the machine matter less than to a wall clock. The
baseline app (bench/baseline_app.py: a page of the quiz page's size and a one-row insert) is
timed the same way, through Flask's test client too. Each figure is the best of --rounds.
--profile page|submit prints cProfile's top functions for that request instead.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

import baseline_app
from flask_migrate import upgrade
from school_client import CSRF, PASSWORD, QuizForm

from quizapp import create_app

REPO = Path(__file__).resolve().parent.parent
BANK, LENGTH = "peru-us-relations", 10


def quipu(tmp: Path):
    """The app on a migrated database, and a test client signed in (through the pages)."""
    app = create_app({"INSTANCE_PATH": str(tmp / "instance"), "SECRET_KEY": "profile",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'quipu.sqlite'}",
                      "QUESTIONS_DIR": str(REPO / "questions"),
                      # One learner starts every quiz measured, and every guest comes from one
                      # address: the limits (services/limits.py) are not what is timed here.
                      "OPEN_QUIZZES": 10**6, "STARTS_PER_MINUTE": 10**6,
                      "GUESTS_PER_HOUR": 10**6})
    with app.app_context():
        upgrade(directory=app.extensions["migrate"].directory)
    client = app.test_client()
    token = CSRF.search(client.get("/register").text)[1]
    form = {"username": "profiler", "password": PASSWORD, "confirm": PASSWORD, "csrf_token": token}
    assert client.post("/register", data=form).status_code == 303
    return client, token


def guest(app) -> tuple:
    """A new test client signed in as a new guest (no scrypt), and its CSRF token."""
    client = app.test_client()
    token = CSRF.search(client.get("/guest").text)[1]
    assert client.post("/guest", data={"display_name": "A student", "csrf_token": token}
                       ).status_code == 303
    return client, token


def first_submits(app, n: int) -> float:
    """CPU ms a submission of n new learners, each their first (every review card is new)."""
    students = [guest(app) for _ in range(n)]
    ids = [start(client, token, 1)[0] for client, token in students]
    calls = []
    for (client, token), a in zip(students, ids, strict=True):
        form = QuizForm(client.get(f"/attempts/{a}").text).answers | {"csrf_token": token}
        calls.append(expect(303, lambda c=client, a=a, f=form: c.post(f"/attempts/{a}", data=f)))
    return cpu_ms(calls)


def start(client, token: str, n: int) -> list[str]:
    """n new quizzes: their ids."""
    form = {"bank": BANK, "mode": "mixed", "length": LENGTH, "csrf_token": token}
    return [client.post("/", data=form).headers["Location"].rsplit("/", 1)[-1] for _ in range(n)]


def cpu_ms(requests) -> float:
    """CPU ms per request for a list of zero-argument calls, each asserting its status."""
    began = time.process_time()
    for request in requests:
        request()
    return (time.process_time() - began) * 1000 / len(requests)


def expect(status: int, send):
    """A call that sends one request and checks its status."""
    def call():
        response = send()
        assert response.status_code == status, (response.status_code, response.text[:300])
        return response
    return call


def quipu_round(client, token: str, n: int) -> dict[str, float]:
    """One round of page loads and submissions on n fresh attempts."""
    ids = start(client, token, n)
    pages = [expect(200, lambda a=a: client.get(f"/attempts/{a}")) for a in ids]
    took = {"quiz page": cpu_ms(pages)}
    forms = [QuizForm(client.get(f"/attempts/{a}").text).answers | {"csrf_token": token}
             for a in ids]
    submits = [expect(303, lambda a=a, f=f: client.post(f"/attempts/{a}", data=f))
               for a, f in zip(ids, forms, strict=True)]
    took["submit"] = cpu_ms(submits)
    took["first submit"] = first_submits(client.application, n)
    return took


def baseline_round(client, n: int) -> dict[str, float]:
    """One round of the bare page and the bare insert."""
    page = expect(200, lambda: client.get("/page"))
    insert = expect(200, lambda: client.post("/insert", data={"who": "student"}))
    return {"baseline page": cpu_ms([page] * n), "baseline insert": cpu_ms([insert] * n)}


def profile(client, token: str, n: int, what: str) -> None:
    """cProfile's top 30 functions (cumulative) over n requests of one kind."""
    ids = start(client, token, n)
    if what == "page":
        calls = [expect(200, lambda a=a: client.get(f"/attempts/{a}")) for a in ids]
    else:
        forms = [QuizForm(client.get(f"/attempts/{a}").text).answers | {"csrf_token": token}
                 for a in ids]
        calls = [expect(303, lambda a=a, f=f: client.post(f"/attempts/{a}", data=f))
                 for a, f in zip(ids, forms, strict=True)]
    profiler = cProfile.Profile()
    profiler.runcall(cpu_ms, calls)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main() -> None:
    """Time both apps and print ms/request, best of the rounds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=300, help="requests of each kind a round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", choices=("page", "submit"))
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="quipu-profile-"))
    client, token = quipu(tmp)
    if args.profile:
        return profile(client, token, args.n, args.profile)
    page_bytes = len(client.get(f"/attempts/{start(client, token, 1)[0]}").data)
    os.environ |= {"BASELINE_PAGE_BYTES": str(page_bytes),
                   "BASELINE_DATABASE": str(tmp / "baseline.sqlite")}
    bare = baseline_app.create_app().test_client()
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        for step, ms in (quipu_round(client, token, args.n) | baseline_round(bare, args.n)).items():
            best[step] = min(ms, best.get(step, ms))
    print(f"load average {os.getloadavg()}; n={args.n}, best of {args.rounds}; "
          f"quiz page {page_bytes} bytes; CPU ms per request:")
    for step, ms in best.items():
        print(f"  {step:<16}{ms:7.2f}")
    for step, base in (("quiz page", "baseline page"), ("submit", "baseline insert"),
                       ("first submit", "baseline insert")):
        print(f"  {step} / {base}: {best[base] / best[step]:.0%} of the baseline's rate")


if __name__ == "__main__":
    sys.exit(main())
