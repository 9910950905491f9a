"""Crash safety: gunicorn's workers killed with SIGKILL in the middle of a class submitting.

What a learner was told is saved (a 200) must be in the database with its score, the database must
stay sound, and the server must serve again once gunicorn has replaced the workers it lost.
"""

import os
import signal
import threading
import time

import pytest
import requests

from tests.gunicorn_server import Server
from tests.test_concurrency import TIMEOUT, any_answers

pytestmark = pytest.mark.concurrency

CLIENTS = 8
KILLS = 3  # rounds of killing every worker
KILL_EVERY = 1.5  # seconds between rounds: long enough for the new workers to boot and serve
RECOVERY = 15.0  # seconds the server has to answer again


def take_quizzes(server: Server, token: str, stop: threading.Event, confirmed: dict,
                 failures: list) -> None:
    """Start and submit quizzes until stopped; note each submission answered 200, and its score."""
    with requests.Session() as http:
        http.headers["Authorization"] = f"Bearer {token}"
        while not stop.is_set():
            try:
                started = http.post(f"{server.url}/api/v1/attempts", timeout=TIMEOUT,
                                    json={"bank": "sample", "mode": "mixed"})
                if started.status_code != 201:
                    failures.append(started.status_code)
                    continue
                attempt = started.json()
                done = http.post(f"{server.url}/api/v1/attempts/{attempt['id']}/answers",
                                 json={"answers": any_answers(attempt)}, timeout=TIMEOUT)
                if done.status_code == 200:
                    confirmed[attempt["id"]] = done.json()["score"]
                else:
                    failures.append(done.status_code)
            except requests.RequestException as e:  # the worker died under this request
                failures.append(type(e).__name__)


def kill_workers(server: Server) -> int:
    """SIGKILL every worker (never the master); how many there were."""
    workers = server.workers()
    for pid in workers:
        os.kill(pid, signal.SIGKILL)
    return len(workers)


def wait_until_answering(server: Server) -> None:
    deadline = time.monotonic() + RECOVERY
    while not server.answers():
        assert time.monotonic() < deadline, f"no answer {RECOVERY} s after the kills"
        time.sleep(0.1)


def test_workers_killed_under_load_lose_no_confirmed_submission_and_service_resumes(server):
    stop, confirmed, failures = threading.Event(), {}, []
    clients = [threading.Thread(target=take_quizzes, args=(server, token, stop, confirmed, failures))
               for _, token in server.learners[:CLIENTS]]
    for client in clients:
        client.start()
    killed = []
    try:
        for _ in range(KILLS):
            time.sleep(KILL_EVERY)
            killed.append(kill_workers(server))
        time.sleep(KILL_EVERY)
    finally:
        stop.set()
        for client in clients:
            client.join()
    wait_until_answering(server)

    assert killed == [2] * KILLS
    assert len(confirmed) >= 10, f"too few submissions got through: {failures[:10]}"
    ids = ", ".join(f"'{attempt_id}'" for attempt_id in confirmed)
    stored = dict(server.rows(f"SELECT id, score FROM attempt WHERE id IN ({ids})"))
    assert stored == confirmed  # every confirmed submission, with the score it was told
    assert server.rows(f"SELECT count(*) FROM attempt_item WHERE attempt_id IN ({ids}) "
                       f"AND points IS NULL") == [(0,)]
    if server.sqlite:
        assert server.rows("PRAGMA integrity_check") == [("ok",)]
    assert not [f for f in failures if isinstance(f, int)]  # only requests cut off by a kill
    _, token = server.learners[CLIENTS]
    headers = {"Authorization": f"Bearer {token}"}
    attempt = requests.post(f"{server.url}/api/v1/attempts", headers=headers, timeout=TIMEOUT,
                            json={"bank": "sample", "mode": "mixed"})
    assert attempt.status_code == 201
    done = requests.post(f"{server.url}/api/v1/attempts/{attempt.json()['id']}/answers",
                         json={"answers": any_answers(attempt.json())}, headers=headers,
                         timeout=TIMEOUT)
    assert done.status_code == 200
    print(f"\n{len(confirmed)} confirmed submissions, {len(failures)} requests cut off "
          f"({', '.join(sorted(set(failures)))}) while killing {killed} workers")
