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


def odd_folder(tmp_path):
    """A good bank beside what editors and people leave in a folder: a lock file that is a link
    to nothing, a hidden backup, a file nobody may read, a folder named like a bank."""
    shutil.copy(DATA / "good" / "small.yaml", tmp_path)
    (tmp_path / ".#small.yaml").symlink_to(tmp_path / "nobody@host.1234")
    (tmp_path / ".small.yaml.swp.yaml").write_text("bank: [\n")
    (tmp_path / "dangling.gift").symlink_to(tmp_path / "gone.gift")
    locked = tmp_path / "locked.yaml"
    locked.write_text("bank: [\n")
    locked.chmod(0)
    (tmp_path / "folder.yaml").mkdir()
    return tmp_path


def test_hidden_files_broken_links_and_unreadable_files_are_passed_over_and_named(tmp_path):
    import os

    folder = odd_folder(tmp_path)
    catalog = Catalog(folder)
    result = catalog.refresh(force=True)
    assert "small" in [b.id for b in result.banks]
    over = {Path(p.path).name: p.message for p in result.passed_over}
    assert {".#small.yaml", ".small.yaml.swp.yaml", "dangling.gift", "folder.yaml"} <= set(over)
    assert "link to a file that is not there" in over["dangling.gift"]
    if os.geteuid() != 0:  # root reads any file whatever its permissions
        assert "cannot be read" in over["locked.yaml"]
    # Reloading keeps working with them there (the folder's signature reads no broken link).
    shutil.copy(DATA / "good" / "small.yaml", folder / "again.yaml")
    assert catalog.refresh(force=True) is not None


def test_questions_check_names_what_it_passed_over(runner, tmp_path):
    result = runner.invoke(args=["questions", "check", str(odd_folder(tmp_path))])
    assert "dangling.gift: a link to a file that is not there: not read" in result.output
    assert ".#small.yaml: a hidden file" in result.output


def test_pages_keep_working_with_an_editors_lock_link_in_the_folder(app, client, tmp_path):
    from quizapp.services.catalog import current_catalog

    folder = tmp_path / "questions"
    folder.mkdir(exist_ok=True)
    (folder / ".#sample.yaml").symlink_to(folder / "ana@laptop.4242")
    with app.app_context():
        current_catalog().refresh(force=True)
    for _ in range(3):
        assert client.get("/").status_code == 200


def test_requests_arriving_while_the_first_load_runs_wait_for_it_and_get_the_banks(tmp_path):
    import threading
    import time

    shutil.copy(DATA / "good" / "small.yaml", tmp_path)
    from quizapp.bank.loader import load_folder

    def slow_load(folder):
        time.sleep(0.2)
        return load_folder(folder)

    catalog = Catalog(tmp_path, load=slow_load)
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(
        [bank.id for bank in catalog.refresh().banks])) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [["small"]] * 4


def test_a_change_to_a_source_text_reloads_its_bank(tmp_path, monkeypatch):
    from quizapp.services import catalog as catalog_module

    for name in ("peru-us-relations.yaml", "peru-us-relations.txt"):
        shutil.copy(SHIPPED / name, tmp_path)
    monkeypatch.setattr(catalog_module, "CHECK_INTERVAL", 0.0)  # look at every call
    catalog = Catalog(tmp_path)
    assert catalog.get("peru-us-relations").source is not None
    text = tmp_path / "peru-us-relations.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("an airport in Talara", "an airfield"),
                    encoding="utf-8")  # not forced: the folder's look must see the text change
    assert catalog.get("peru-us-relations") is None
    (problem,) = catalog.result.problems
    assert "fact 'talara-airport': cite not found in peru-us-relations.txt" in problem.message
