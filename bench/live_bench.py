"""A live game of 10 questions with 200 phones, against gunicorn on this machine.

Not a test: run `.venv/bin/python bench/live_bench.py [players] [questions]`. It makes a fresh
SQLite database with the migrations, starts gunicorn as docs/operations.md says to for live games
(`-k gthread`, 2 workers, 256 threads each, QUIZAPP_LIVE_STREAMS=200), has a teacher open a game on
the shipped bank through the API, and 200 players join it; each keeps the game's event stream open
(Server-Sent Events, what a phone's page listens to). For each question the host says "next" and the
bench times how long each phone takes to get the question from that moment (p50, p99; target p99 <=
1 s); every phone then answers, and the bench checks that every answer was counted (the host's
"answered", and the rows at the end). It also reports the CPU seconds gunicorn's processes used,
and, as a baseline in the same run, the time of one plain request for the game's state.

The clients are asyncio connections in this one process (HTTP/1.0, so an event stream ends only when
the server closes it); they share the machine's 2 cores with the server.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from flask_migrate import upgrade

from quizapp import create_app
from quizapp.config import PROJECT_ROOT
from quizapp.extensions import db
from quizapp.models import Learner
from quizapp.services import accounts

PLAYERS, QUESTIONS, SECONDS = 200, 10, 60
WORKERS, THREADS, STREAMS = 2, 256, 200  # STREAMS: QUIZAPP_LIVE_STREAMS, per process
TARGET_P99 = 1.0  # seconds from the host's "next" to the last phone having the question
LISTENING = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")


def prepare(folder: Path) -> tuple[str, str]:
    """A migrated database with a teacher; the database URL and the teacher's API token."""
    url = f"sqlite:///{folder / 'live.sqlite'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": str(folder)})
    with app.app_context():
        upgrade()
        teacher = Learner(username="host", display_name="Host", role="teacher")
        db.session.add(teacher)
        db.session.commit()
        token = accounts.issue_token(teacher)
        db.engine.dispose()
    return url, token


def serve(url: str, folder: Path) -> tuple[subprocess.Popen, int]:
    """gunicorn as for live games; its process and port."""
    env = os.environ | {"QUIZAPP_DATABASE_URL": url, "QUIZAPP_SECRET_KEY": "bench" * 8,
                        "QUIZAPP_LIVE_STREAMS": str(STREAMS),
                        "PYTHONPATH": str(PROJECT_ROOT)}
    log = open(folder / "gunicorn.log", "w+")  # noqa: SIM115  (read while it runs)
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "-k", "gthread",
         "--workers", str(WORKERS), "--threads", str(THREADS), "--bind", "127.0.0.1:0",
         "--timeout", "120", "quizapp:create_app()"],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = LISTENING.search((folder / "gunicorn.log").read_text())
        if found and (folder / "gunicorn.log").read_text().count("Booting worker") >= WORKERS:
            time.sleep(1)
            return process, int(found.group(1))
        time.sleep(0.2)
    process.kill()
    raise SystemExit("gunicorn did not start: " + (folder / "gunicorn.log").read_text())


def cpu_seconds(pid: int) -> float:
    """User and system CPU of the gunicorn master and all its children, so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid] + [int(p) for p in
                    Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for p in pids:
        fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / ticks
    return total


async def call(port: int, method: str, path: str, token: str | None = None,
               body: object = None) -> tuple[int, dict]:
    """One HTTP/1.0 request: the status and the JSON answer."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    data = b"" if body is None else json.dumps(body).encode()
    head = [f"{method} {path} HTTP/1.0", "Host: 127.0.0.1", f"Content-Length: {len(data)}",
            "Content-Type: application/json"]
    if token:
        head.append(f"Authorization: Bearer {token}")
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + data)
    await writer.drain()
    raw = await reader.read()
    writer.close()
    header, _, content = raw.partition(b"\r\n\r\n")
    status = int(header.split(b" ", 2)[1])
    return status, json.loads(content or b"{}")


class Phone:
    """One player: their token, their event stream, and when each question reached them."""

    def __init__(self, port: int, pin: str, token: str) -> None:
        self.port, self.pin, self.token = port, pin, token
        self.got: dict[int, float] = {}  # question number: when its event arrived
        self.questions: dict[int, dict] = {}
        self.arrived = asyncio.Event()

    async def listen(self) -> None:
        """Read the game's events until it finishes, reconnecting as EventSource does when the
        server ends a stream (a full process sends the state once: the phone polls)."""
        self.reconnects = -1
        while True:
            self.reconnects += 1
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
            writer.write(f"GET /api/v1/live/{self.pin}/events HTTP/1.0\r\nHost: x\r\n"
                         f"Authorization: Bearer {self.token}\r\n\r\n".encode())
            await writer.drain()
            retry = 1.0
            while line := await reader.readline():
                if line.startswith(b"retry: "):
                    retry = int(line[7:]) / 1000
                if not line.startswith(b"data: "):
                    continue
                state = json.loads(line[6:])
                question = state.get("question")
                if (state["phase"] == "question" and question
                        and question["number"] not in self.got):
                    self.got[question["number"]] = time.monotonic()
                    self.questions[question["number"]] = question
                    self.arrived.set()
                if state["phase"] == "finished":
                    writer.close()
                    return
            writer.close()
            await asyncio.sleep(retry)

    async def answer(self, number: int) -> int:
        question = self.questions[number]
        ids = [o["id"] for o in question["options"]]
        if question["type"] == "choice":
            answer: object = random.choice(ids)
        elif question["type"] == "multiple":
            answer = random.sample(ids, 2)
        else:
            answer = random.sample(ids, len(ids))
        status, _ = await call(self.port, "POST", f"/api/v1/live/{self.pin}/answers",
                               self.token, {"answer": answer})
        return status


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def play(port: int, host: str, players: int, questions: int) -> dict:
    status, game = await call(port, "POST", "/api/v1/live", host, {
        "bank": "peru-us-relations", "mode": "mixed", "length": questions,
        "seconds": SECONDS})
    assert status == 201, game
    pin = game["pin"]
    joined = await asyncio.gather(*[
        call(port, "POST", f"/api/v1/live/{pin}/players", None, {"nickname": f"Player {i}"})
        for i in range(players)])
    assert all(s == 201 for s, _ in joined), joined[:3]
    phones = [Phone(port, pin, body["player_token"]) for _, body in joined]
    streams = [asyncio.create_task(p.listen()) for p in phones]
    await asyncio.sleep(2)  # every stream open and waiting
    baseline = []
    for _ in range(20):
        began = time.monotonic()
        await call(port, "GET", f"/api/v1/live/{pin}", host)
        baseline.append(time.monotonic() - began)
    delays: dict[int, list[float]] = {}
    counted, refused = [], 0
    for number in range(1, questions + 1):
        for phone in phones:
            phone.arrived.clear()
        began = time.monotonic()
        status, _ = await call(port, "POST", f"/api/v1/live/{pin}/next", host)  # the question
        assert status == 200
        await asyncio.wait_for(asyncio.gather(*[
            _until(p, number) for p in phones]), timeout=30)
        delays[number] = [p.got[number] - began for p in phones]
        statuses = await asyncio.gather(*[p.answer(number) for p in phones])
        refused += sum(s != 200 for s in statuses)
        _, state = await call(port, "GET", f"/api/v1/live/{pin}", host)
        counted.append(state["answered"])
        await call(port, "POST", f"/api/v1/live/{pin}/next", host)  # revealed: the leaderboard
        if state["phase"] != "reveal":  # not everyone answered: reveal, then the leaderboard
            await call(port, "POST", f"/api/v1/live/{pin}/next", host)
    await call(port, "POST", f"/api/v1/live/{pin}/next", host)  # the podium
    await asyncio.wait_for(asyncio.gather(*streams), timeout=30)
    return {"delays": delays, "counted": counted, "refused": refused, "baseline": baseline,
            "pin": pin, "reconnects": sum(p.reconnects for p in phones)}


async def _until(phone: Phone, number: int) -> None:
    while number not in phone.got:
        await phone.arrived.wait()
        phone.arrived.clear()


def main() -> None:
    players = int(sys.argv[1]) if len(sys.argv) > 1 else PLAYERS
    questions = int(sys.argv[2]) if len(sys.argv) > 2 else QUESTIONS
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url, host = prepare(folder)
        process, port = serve(url, folder)
        try:
            cpu_before, wall_before = cpu_seconds(process.pid), time.monotonic()
            result = asyncio.run(play(port, host, players, questions))
            cpu = cpu_seconds(process.pid) - cpu_before
            wall = time.monotonic() - wall_before
        finally:
            process.terminate()
            process.wait(timeout=30)
        rows = sqlite3.connect(folder / "live.sqlite").execute(
            "SELECT count(*) FROM live_answer").fetchone()[0]
    every = [d for ds in result["delays"].values() for d in ds]
    worst = [max(ds) for ds in result["delays"].values()]
    print(f"{players} players, {questions} questions, gunicorn gthread {WORKERS}x{THREADS} "
          f"on {os.cpu_count()} cores")
    print(f"baseline, one GET of the game's state: p50 "
          f"{statistics.median(result['baseline']) * 1000:.1f} ms")
    print(f"next -> a phone has the question: p50 {statistics.median(every) * 1000:.0f} ms, "
          f"p99 {percentile(every, 0.99) * 1000:.0f} ms, worst {max(every) * 1000:.0f} ms; "
          f"every phone had it after {statistics.median(worst) * 1000:.0f} ms "
          f"(median of {questions}), at most {max(worst) * 1000:.0f} ms")
    print(f"streams reopened (sent once by a full process, or ended): {result['reconnects']}")
    print(f"answers: {sum(result['counted'])} counted by the host of "
          f"{players * questions} sent ({result['refused']} refused); {rows} rows stored")
    print(f"gunicorn CPU: {cpu:.1f} s over {wall:.1f} s of game ({cpu / wall * 100:.0f}% of one "
          "core)")
    ok = percentile(every, 0.99) <= TARGET_P99 and rows == players * questions
    print("target met" if ok else "TARGET MISSED")


if __name__ == "__main__":
    main()
