"""The catalog: banks from the questions folder, reloaded on change, with generated questions."""

import shutil
from pathlib import Path

from quizapp.services.catalog import Catalog

DATA = Path(__file__).parent / "data"
SHIPPED = Path(__file__).parents[1] / "questions"


def test_a_banks_quiz_pool_holds_its_written_and_generated_questions():
    catalog = Catalog(SHIPPED)
    bank = catalog.get("peru-us-relations")
    pool = catalog.pool(bank.id)
    assert pool.questions[: len(bank.questions)] == bank.questions
    assert all(q.generated for q in pool.questions[len(bank.questions) :])
    assert catalog.pool(bank.id) is pool  # built once per load


def test_a_file_added_to_the_folder_is_loaded_without_a_restart(tmp_path):
    catalog = Catalog(tmp_path)
    assert catalog.banks == {}
    shutil.copy(DATA / "good" / "small.yaml", tmp_path)
    assert len(catalog.refresh(force=True).banks) == 1


def test_a_bad_file_is_reported_beside_the_good_banks(tmp_path):
    shutil.copy(DATA / "good" / "small.yaml", tmp_path)
    (tmp_path / "bad.yaml").write_text("bank: [\n")
    result = Catalog(tmp_path).result
    assert len(result.banks) == 1
    assert result.problems and result.problems[0].path.endswith("bad.yaml")


def test_the_shipped_bank_yields_at_least_100_distinct_questions_with_the_generator():
    pool = Catalog(SHIPPED).pool("peru-us-relations")
    generated = [q for q in pool.questions if q.generated]
    assert len({(q.prompt, q.options) for q in generated}) >= 100
