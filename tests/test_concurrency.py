"""A class at once, against a real server: gunicorn with 2 workers on one database.

Each test sends real HTTP from many threads, then reads the database itself to check what was
stored; the `server` fixture (tests/gunicorn_server.py) runs each module on SQLite and, when
QUIZAPP_TEST_POSTGRES_URL is set, on PostgreSQL.
"""

import re
import statistics
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
import requests

from tests.gunicorn_server import CLASS_SIZE, Server
from tests.web.api_helpers import PASSWORD

pytestmark = pytest.mark.concurrency

TIMEOUT = 10.0  # seconds for any one request, or for the threads to line up
PG_FAIL_GRADING = (
    "CREATE FUNCTION fail_grading() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'injected failure'; END $$",
    "CREATE TRIGGER fail_grading BEFORE UPDATE OF points ON attempt_item FOR EACH ROW "
    "WHEN (NEW.attempt_id = '{id}') EXECUTE FUNCTION fail_grading()",
)
SQLITE_FAIL_GRADING = (
    "CREATE TRIGGER fail_grading BEFORE UPDATE OF points ON attempt_item "
    "WHEN NEW.attempt_id = '{id}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
)


@contextmanager
def grading_fails(server: Server, attempt_id: str) -> Iterator[None]:
    """Writing the points of this attempt's items fails inside the database, until the end."""
    assert re.fullmatch(r"[\w-]+", attempt_id)  # safe to write into the trigger
    for sql in SQLITE_FAIL_GRADING if server.sqlite else PG_FAIL_GRADING:
        server.rows(sql.replace("{id}", attempt_id))
    try:
        yield
    finally:
        server.rows("DROP TRIGGER fail_grading" + ("" if server.sqlite else " ON attempt_item"))
        if not server.sqlite:
            server.rows("DROP FUNCTION fail_grading()")


def any_answers(attempt: dict) -> dict:
    """A well-formed answer to every item: the first option, or every option as shown."""
    answers = {}
    for item in attempt["items"]:
        ids = [o["id"] for o in item["options"]]
        answers[item["id"]] = {"choice": ids[0], "multiple": ids[:1]}.get(item["type"], ids)
    return answers


def all_at_once(task, args: list) -> list:
    """Run task(arg) for every arg in its own thread, released together by a barrier."""
    barrier = threading.Barrier(len(args), timeout=TIMEOUT)

    def lined_up(arg):
        barrier.wait()
        return task(arg)

    with ThreadPoolExecutor(max_workers=len(args)) as pool:
        return list(pool.map(lined_up, args))


def test_a_class_of_fifty_starts_and_submits_at_once_without_an_error(server):
    class_ = server.learners[:CLASS_SIZE]

    def take_quiz(token: str) -> tuple:
        with requests.Session() as http:
            http.headers["Authorization"] = f"Bearer {token}"
            began = time.perf_counter()
            started = http.post(f"{server.url}/api/v1/attempts", timeout=TIMEOUT,
                                json={"bank": "sample", "mode": "mixed"})
            attempt = started.json()
            submitted = http.post(f"{server.url}/api/v1/attempts/{attempt['id']}/answers",
                                  json={"answers": any_answers(attempt)}, timeout=TIMEOUT)
            return started.status_code, submitted.status_code, time.perf_counter() - began

    began = time.perf_counter()
    results = all_at_once(take_quiz, [token for _, token in class_])
    wall = time.perf_counter() - began
    assert {(started, submitted) for started, submitted, _ in results} == {(201, 200)}
    ids = ", ".join(str(learner_id) for learner_id, _ in class_)
    stored = server.rows(f"SELECT count(*), count(score), count(DISTINCT learner_id) "
                         f"FROM attempt WHERE learner_id IN ({ids})")
    assert stored == [(CLASS_SIZE, CLASS_SIZE, CLASS_SIZE)]
    times = sorted(t for *_, t in results)
    print(f"\n{CLASS_SIZE} learners, start + submit each: {wall:.2f} s in all; per learner "
          f"median {statistics.median(times) * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms")


def test_the_same_submission_sent_eight_times_at_once_is_graded_once(server):
    with requests.Session() as http:
        signed_in = http.post(f"{server.url}/api/v1/tokens", timeout=TIMEOUT,
                              json={"username": "solo", "password": PASSWORD})
        assert signed_in.status_code == 201
        http.headers["Authorization"] = f"Bearer {signed_in.json()['token']}"
        attempt = http.post(f"{server.url}/api/v1/attempts", timeout=TIMEOUT,
                            json={"bank": "sample", "mode": "mixed", "seed": 1}).json()
        headers = dict(http.headers)
    url = f"{server.url}/api/v1/attempts/{attempt['id']}/answers"
    body = {"answers": any_answers(attempt)}

    def send(_) -> requests.Response:
        return requests.post(url, json=body, headers=headers, timeout=TIMEOUT)

    responses = all_at_once(send, list(range(8)))
    assert sorted(r.status_code for r in responses) == [200] + [409] * 7
    graded = next(r.json() for r in responses if r.status_code == 200)
    assert all("already submitted" in r.json()["error"] for r in responses if r.status_code == 409)
    assert server.rows("SELECT score FROM attempt WHERE id = :id", id=attempt["id"]) == [
        (graded["score"],)]
    print(f"\n8 identical submissions at once: {sorted(r.status_code for r in responses)}")


def test_a_submission_that_fails_inside_its_transaction_stores_nothing(server):
    _, token = server.learners[CLASS_SIZE]
    headers = {"Authorization": f"Bearer {token}"}
    attempt = requests.post(f"{server.url}/api/v1/attempts", headers=headers, timeout=TIMEOUT,
                            json={"bank": "sample", "mode": "mixed"}).json()
    url = f"{server.url}/api/v1/attempts/{attempt['id']}/answers"
    with grading_fails(server, attempt["id"]):  # after the claim, when points are written
        failed = requests.post(url, json={"answers": any_answers(attempt)}, headers=headers,
                               timeout=TIMEOUT)
    assert failed.status_code == 500
    assert "nothing was saved" in failed.json()["error"]
    assert server.rows("SELECT submitted, score FROM attempt WHERE id = :id",
                       id=attempt["id"]) == [(None, None)]
    assert set(server.rows("SELECT answer, points FROM attempt_item WHERE attempt_id = :id",
                           id=attempt["id"])) == {(None, None)}
    retried = requests.post(url, json={"answers": any_answers(attempt)}, headers=headers,
                            timeout=TIMEOUT)
    assert retried.status_code == 200
    assert server.rows("SELECT score FROM attempt WHERE id = :id", id=attempt["id"]) == [
        (retried.json()["score"],)]


def test_forty_wrong_passwords_sent_at_once_check_at_most_five(server):
    """Each try is counted before its password is checked, under a lock every worker shares:
    5 are checked (401), the other 35 refused unchecked (429), with 2 workers."""

    def guess(i: int) -> int:
        return requests.post(f"{server.url}/api/v1/tokens", timeout=TIMEOUT,
                             json={"username": "pupil49", "password": f"guess {i}"}).status_code

    statuses = all_at_once(guess, list(range(40)))
    assert sorted(statuses) == [401] * 5 + [429] * 35
    assert server.rows("SELECT count(*) FROM sign_in_failure WHERE username = 'pupil49'") == [(5,)]
    print(f"\n40 wrong passwords at once: {statuses.count(401)} checked, "
          f"{statuses.count(429)} refused unchecked")
