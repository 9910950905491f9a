"""A teacher's 1 MB file of 15,000 facts: loaded, and its generated questions bounded.

Memory, not time, is checked here (tracemalloc counts the same bytes on every run); the time is
measured in docs/performance.md ("A big bank").
"""

from __future__ import annotations

import random
import tracemalloc

from quizapp.bank.generate import MAX_GENERATED, generate_questions
from quizapp.bank.loader import load_file


def big_file(path, facts=15_000):
    rng = random.Random(1)
    lines = ["bank: big", "title: A big bank", "facts:"]
    for i in range(facts):
        lines += [f"  - id: f{i}", f"    year: {1900 + rng.randrange(100)}",
                  f"    text: Fact number {i} happens."]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_1_mb_bank_loads_and_generates_a_bounded_pool_within_50_mb(tmp_path):
    path = big_file(tmp_path / "big.yaml")
    assert 900_000 < path.stat().st_size <= 1024 * 1024  # the upload limit
    tracemalloc.start()
    try:
        read = load_file(path)
        made = generate_questions(read.bank)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read.bank is not None and len(read.bank.facts) == 15_000
    assert 0 < len(made) <= MAX_GENERATED
    assert kept < 50 * 2**20 and peak < 80 * 2**20, (kept, peak)
