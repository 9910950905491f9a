"""Drafting a bank from a text, measured: the shipped text repeated to about 1 MB (the largest a
teacher may give), its sentences found as the drafter does (sure sentence ends cut first, pysbd on
the rest, in batches) against pysbd on every paragraph (the baseline, the same sentences), then
the whole draft and its YAML.

Run by hand: PYTHONPATH=. .venv/bin/python bench/draft_bench.py
"""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path

from quizapp.bank import draft_text
from quizapp.bank.draft import draft_bank

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3


def source() -> str:
    for path in (ROOT / "questions" / "peru-us-relations.txt",
                 ROOT.parent / "shared" / "source" / "peru-us-relations.txt"):
        if path.is_file():
            return path.read_text("utf-8")
    raise SystemExit("the shipped text is not there")


def baseline(text: str) -> list[str]:
    """pysbd on each paragraph, line breaks made spaces."""
    found = []
    for paragraph in re.split(r"\n[ \t\xa0]*\n", text):
        found += [draft_text.collapse(p) for p in draft_text._split(paragraph.replace("\n", " "))
                  if draft_text.collapse(p)]
    return found


def timed(what, *args) -> tuple[float, object]:
    times, result = [], None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = what(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    one = source()
    text = "\n\n".join([one] * (1024 * 1024 // len(one.encode())))
    print(f"{len(text.encode()) / 1024:.0f} KB, median of {RUNS} runs")
    base, expected = timed(baseline, text)
    ours, found = timed(draft_text.sentences, text)
    assert [s.text for s in found] == expected, "the sentences differ from pysbd's"
    print(f"sentences, pysbd on every paragraph: {base:.2f} s")
    print(f"sentences, as the drafter finds them: {ours:.2f} s ({base / ours:.1f}x)")
    whole, draft = timed(lambda: draft_bank(text, "t.txt", "t", "T").yaml)
    print(f"the whole draft and its YAML:        {whole:.2f} s")


if __name__ == "__main__":
    main()
