"""What one password check costs: argon2id at OWASP's minimum against werkzeug's scrypt.

Not a test: run `.venv/bin/python bench/passwords.py`. A sign-in checks one hash, so this is the
CPU (and memory) each sign-in spends before anything else; at the 9:00 bell a whole school signs
in at once. It times `verify` of a right password, one at a time, for each method, and prints the
median and p90 in milliseconds with the memory each check takes (docs/performance.md).
"""

from __future__ import annotations

import statistics
import time

from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.passwords import OWASP, _hasher

PASSWORD = "correct horse battery"
RUNS = 30


def timed(check) -> list[float]:
    """Milliseconds of each of RUNS checks, after one to warm up."""
    check()
    found = []
    for _ in range(RUNS):
        start = time.perf_counter()
        assert check()
        found.append(1000 * (time.perf_counter() - start))
    return found


def main() -> None:
    argon2 = _hasher(**OWASP)
    argon2_hash = argon2.hash(PASSWORD)
    scrypt_hash = generate_password_hash(PASSWORD)  # werkzeug's default: scrypt, n=2**15, r=8
    pbkdf2_hash = generate_password_hash(PASSWORD, method="pbkdf2")  # werkzeug's pbkdf2 default
    methods = [
        (f"argon2id m={OWASP['memory_cost']} KiB t={OWASP['time_cost']} "
         f"p={OWASP['parallelism']}", lambda: argon2.verify(argon2_hash, PASSWORD), "19 MiB"),
        ("scrypt (werkzeug default) " + scrypt_hash.split("$")[0],
         lambda: check_password_hash(scrypt_hash, PASSWORD), "32 MiB"),
        ("pbkdf2 (werkzeug) " + pbkdf2_hash.split("$")[0],
         lambda: check_password_hash(pbkdf2_hash, PASSWORD), "~0"),
    ]
    print(f"{'method':<48} {'median':>8} {'p90':>8}  memory")
    for name, check, memory in methods:
        ms = sorted(timed(check))
        print(f"{name:<48} {statistics.median(ms):>6.1f}ms {ms[int(0.9 * len(ms))]:>6.1f}ms  "
              f"{memory}")


if __name__ == "__main__":
    main()
