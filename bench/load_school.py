"""A school at 9:00, against gunicorn on this machine, beside a bare Flask app in the same run.

Not a test: `.venv/bin/python bench/load_school.py [--students 500] [--threads 32]`. Each of N
students registers through the register page (scrypt: timed, but reported apart), then all start
a 10-question quiz at the same instant (a barrier), load its page, and submit it with every
question answered (the form is filled in, client-side, in a step of its own before the
submissions start). Every step is a phase that starts on a barrier, so its rate is its own. The
bare app (bench/baseline_app.py) serves a page of the quiz page's size and a one-row insert from
the same gunicorn configuration (2 sync workers), the same client and the same concurrency.
Each student sends the baseline's page and insert --repeat times (3), so that its phases, about
three times faster than Quipu's, run long enough to time. The floor app (bench/floor_app.py: the
least a signed-in page and submission can do with Flask-Login, Flask-WTF's CSRF check and
Flask-SQLAlchemy) runs the same way, --repeat times a student, for its ratios to the bare app:
what the stack costs before any of Quipu's own work; its "raw page" is that page again without
Flask-Login and Flask-SQLAlchemy. Reported: requests/s, p50/p99 latency,
errors, the ratio to the baseline, lost attempts (submissions answered 303 but not stored); then,
where wrk is installed (Debian's package), both pages again from wrk, whose client costs far less
of the shared CPU than Python's.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from pathlib import Path

import baseline_app
import floor_app
from school_client import Browser, Sample, Student, baseline_insert, baseline_page

REPO = Path(__file__).resolve().parent.parent
LISTENING = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")
QUIPU_STEPS = ("register", "start", "quiz page", "fill in", "submit")
BASELINE_STEPS = ("baseline page", "baseline insert")
FLOOR_STEPS = ("floor sign-in", "floor page", "raw page", "floor submit")
TARGETS = {"quiz page": ("baseline page", 0.60), "submit": ("baseline insert", 0.50)}
FLOOR_OF = {"floor page": "baseline page", "raw page": "baseline page",
            "floor submit": "baseline insert"}


@contextmanager
def gunicorn(app: str, env: dict, log: Path, workers: int = 2):
    """gunicorn with `workers` sync workers on a free port; the port, once both answer."""
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", "127.0.0.1:0", app]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=REPO, env=os.environ | env, stdout=out,
                                   stderr=out)
    try:
        deadline = time.monotonic() + 60
        while not (found := LISTENING.search(log.read_text())) or \
                log.read_text().count("Booting worker") < workers:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"gunicorn did not start:\n{log.read_text()}")
            time.sleep(0.05)
        time.sleep(0.5)  # a worker that fails in create_app says so just after booting
        if "Exception in worker process" in log.read_text() or process.poll() is not None:
            raise SystemExit(f"{app}: a worker failed to start:\n{log.read_text()[-3000:]}")
        yield int(found[1])
    finally:
        process.terminate()
        process.wait(timeout=20)


def client(port: int, names: list[str], steps: tuple, threads: int, bank: str, repeat: int,
           barrier, results) -> None:
    """One client process: its students through each step, every step started on the barrier."""
    students = [Student("127.0.0.1", port, name) for name in names]
    browser = Browser("127.0.0.1", port)
    actions = {  # each gives a list of samples; the baseline repeats, to run long enough to time
        "register": lambda s: [s.register()], "start": lambda s: [s.start(bank)],
        "quiz page": lambda s: [s.load()], "fill in": lambda s: s.fill_in(),
        "submit": lambda s: [s.submit()],
        "baseline page": lambda s: [baseline_page(browser) for _ in range(repeat)],
        "baseline insert": lambda s: [baseline_insert(browser) for _ in range(repeat)],
        "floor sign-in": lambda s: s.floor_sign_in(),
        "floor page": lambda s: [s.floor_page() for _ in range(repeat)],
        "raw page": lambda s: [s.raw_page() for _ in range(repeat)],
        "floor submit": lambda s: [s.floor_submit() for _ in range(repeat)],
    }
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for step in steps:
            barrier.wait()
            began = time.monotonic()
            samples = [sample for some in pool.map(actions[step], students) for sample in some]
            results.put((step, began, time.monotonic(), samples))


def run(port: int, students: int, steps: tuple, args) -> dict[str, tuple[float, list[Sample]]]:
    """Every step for every student, across the client processes: {step: (wall s, samples)}."""
    names = [f"{args.prefix}{i:04}" for i in range(students)]
    barrier, results = mp.Barrier(args.processes), mp.Queue()
    workers = [mp.Process(target=client, args=(port, names[i::args.processes], steps,
                                               args.threads, args.bank, args.repeat, barrier,
                                               results))
               for i in range(args.processes)]
    for worker in workers:
        worker.start()
    got = [results.get() for _ in range(args.processes * len(steps))]
    for worker in workers:
        worker.join()
    phases = {}
    for step in steps:
        mine = [g for g in got if g[0] == step]
        wall = max(g[2] for g in mine) - min(g[1] for g in mine)
        phases[step] = (wall, [s for g in mine for s in g[3]])
    return phases


def line(step: str, wall: float, samples: list[Sample], base: float | None) -> str:
    """One row of the report."""
    times = sorted(s.seconds * 1000 for s in samples)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    rate = len(samples) / wall
    ratio = f"{rate / base:6.0%}" if base else "      "
    errors = sum(not s.ok for s in samples)
    return (f"{step:<16}{len(samples):>6}{errors:>7}{rate:>9.0f}{statistics.median(times):>9.1f}"
            f"{p99:>9.1f}  {ratio}")


def lost_attempts(database: Path, prefix: str, submitted: int) -> tuple[int, int]:
    """(submissions answered 303, attempts stored with a score) for the run's students."""
    with closing(sqlite3.connect(database)) as conn:
        stored = conn.execute(
            "SELECT count(*) FROM attempt JOIN learner ON learner.id = attempt.learner_id "
            "WHERE learner.username LIKE ? AND attempt.score IS NOT NULL", (prefix + "%",)
        ).fetchone()[0]
    return submitted, stored


def warm_up(port: int, bank: str) -> Student:
    """Load the banks in both workers; a student with an open 10-question quiz."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda _: Browser("127.0.0.1", port).send("GET", "/"), range(16)))
    student = Student("127.0.0.1", port, "warm-up")
    assert student.register().ok and student.start(bank).ok and student.load().ok, "warm-up"
    return student


def wrk(url: str, cookies: dict[str, str] | None = None) -> str:
    """wrk's requests/s and latency for one page (a C client: it takes little of the CPU)."""
    header = ["-H", "Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items())] if cookies \
        else []
    out = subprocess.run(["wrk", "-t2", "-c32", "-d5s", "--latency", *header, url],
                         capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    p50 = re.search(r"50%\s+(\S+)", out)[1]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return f"{rate:8.0f} req/s, p50 {p50}, non-2xx {non2xx[1] if non2xx else 0}"


def wrk_pages(port: int, bport: int, student: Student) -> None:
    """The same two pages again, from wrk, if it is installed."""
    if not shutil.which("wrk"):
        print("\n(wrk is not installed: no cross-check of the page rates)")
        return
    base = wrk(f"http://127.0.0.1:{bport}/page")
    quiz = wrk(f"http://127.0.0.1:{port}/attempts/{student.attempt}", student.browser.cookies)
    print(f"\nwrk -t2 -c32 -d5s, one page over and over:\n  baseline page {base}\n"
          f"  quiz page     {quiz}")


def report(quipu: dict, baseline: dict, floor: dict, lost: tuple[int, int], page_bytes: dict
           ) -> None:
    """The table, the targets, and what was lost."""
    print(f"\n{'step':<16}{'reqs':>6}{'errors':>7}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}  ratio")
    for step, (wall, samples) in baseline.items():
        print(line(step, wall, samples, None))
    rates = {step: len(s) / wall for step, (wall, s) in baseline.items()}
    for step, base in FLOOR_OF.items():
        print(line(step, *floor[step], rates[base]))
    for step, (wall, samples) in quipu.items():
        if not samples:  # the clients' own step (filling in forms): nothing sent
            continue
        base = TARGETS.get(step, ("baseline insert" if step == "start" else "", 0))[0]
        print(line(step, wall, samples, rates.get(base)))
    print(f"\npages: quiz {page_bytes['quiz']} bytes, baseline {page_bytes['baseline']} bytes")
    for step, (base, target) in TARGETS.items():
        ratio = len(quipu[step][1]) / quipu[step][0] / rates[base]
        verdict = "met" if ratio >= target else "MISSED"
        print(f"target {step} >= {target:.0%} of {base}: {ratio:.0%} ({verdict})")
    errors = sum(not s.ok for _, samples in quipu.values() for s in samples)
    print(f"errors: {errors}; submissions confirmed (303): {lost[0]}, stored with a score: "
          f"{lost[1]}, lost: {lost[0] - lost[1]}")


def main() -> None:
    """Run the baseline, then the school, and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=500)
    parser.add_argument("--threads", type=int, default=32, help="per client process")
    parser.add_argument("--processes", type=int, default=2, help="client processes")
    parser.add_argument("--bank", default="peru-us-relations")
    parser.add_argument("--prefix", default="student")
    parser.add_argument("--repeat", type=int, default=3, help="requests per student, baseline")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers, every app")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="quipu-school-"))
    database = tmp / "quipu.sqlite"
    env = {"QUIZAPP_INSTANCE_PATH": str(tmp / "instance"), "QUIZAPP_SECRET_KEY": "bench",
           "QUIZAPP_DATABASE_URL": f"sqlite:///{database}"}
    subprocess.run([sys.executable, "-m", "flask", "--app", "quizapp", "db", "upgrade"],
                   cwd=REPO, env=os.environ | env, check=True, capture_output=True)
    print(f"load average before: {os.getloadavg()}; {args.students} students, "
          f"{args.processes} x {args.threads} client threads, {args.workers} gunicorn workers, "
          f"{os.cpu_count()} cores")
    with gunicorn("quizapp:create_app()", env, tmp / "quipu.log", args.workers) as port:
        warm = warm_up(port, args.bank)
        sizes = {"quiz": len(warm.page.encode())}
        base_env = {"BASELINE_PAGE_BYTES": str(sizes["quiz"]),
                    "BASELINE_DATABASE": str(tmp / "baseline.sqlite")}
        baseline_app.prepare(base_env["BASELINE_DATABASE"])
        with gunicorn("bench.baseline_app:create_app()", base_env, tmp / "base.log",
                      args.workers) as bport:
            sizes["baseline"] = len(Browser("127.0.0.1", bport).send("GET", "/page")[2].encode())
            baseline = run(bport, args.students, BASELINE_STEPS, args)
            floor_env = base_env | {"BASELINE_DATABASE": str(tmp / "floor.sqlite")}
            baseline_app.prepare(floor_env["BASELINE_DATABASE"], floor_app.TABLES)
            with gunicorn("bench.floor_app:create_app()", floor_env, tmp / "floor.log",
                          args.workers) as fport:
                floor = run(fport, args.students, FLOOR_STEPS, args)
            quipu = run(port, args.students, QUIPU_STEPS, args)
            submitted = sum(s.ok for s in quipu["submit"][1])
            report(quipu, baseline, floor, lost_attempts(database, args.prefix, submitted), sizes)
            wrk_pages(port, bport, warm)
    print(f"load average after: {os.getloadavg()}; files in {tmp}")


if __name__ == "__main__":
    main()
