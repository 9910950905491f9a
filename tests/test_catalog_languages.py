"""The catalog's seam for languages: bank_for(bank_id, lang) and a pool per bank and language."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from quizapp.services.catalog import Catalog

SHIPPED = Path(__file__).resolve().parents[1] / "questions"
BANK = "peru-us-relations"


def test_bank_for_is_cached_per_bank_and_language(tmp_path):
    shutil.copytree(SHIPPED, tmp_path / "q")
    catalog = Catalog(tmp_path / "q")
    es = catalog.bank_for(BANK, "es")
    assert es is not None and es.lang == "es" and es is catalog.bank_for(BANK, "es")
    assert catalog.bank_for(BANK, "en") is catalog.get(BANK)
    assert catalog.bank_for(BANK, "fr") is catalog.get(BANK)  # no translation: the bank's own
    assert catalog.bank_for("nothing", "es") is None
    assert list(catalog.banks) == [BANK]  # the translation is never a bank of its own


def test_a_pool_per_language_with_the_same_questions(tmp_path):
    shutil.copytree(SHIPPED, tmp_path / "q")
    catalog = Catalog(tmp_path / "q")
    own, spanish = catalog.pool(BANK), catalog.pool(BANK, "es")
    assert spanish is not own and spanish is catalog.pool(BANK, "es")
    assert catalog.pool(BANK, "fr") is own
    assert [q.id for q in own.questions] == [q.id for q in spanish.questions]
    assert spanish.by_id["canal-year"].prompt == "¿En qué año se inauguró el canal de Panamá?"


def test_a_changed_translation_reloads_like_a_bank_file(tmp_path):
    shutil.copytree(SHIPPED, tmp_path / "q")
    catalog = Catalog(tmp_path / "q")
    assert catalog.bank_for(BANK, "es").title == "El Perú y Estados Unidos en el siglo XX"
    path = tmp_path / "q" / f"{BANK}.es.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "title: El Perú y Estados Unidos en el siglo XX", "title: Perú y EE. UU.")
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different time even on a coarse clock
    catalog._checked = float("-inf")  # as if a second had passed
    assert catalog.bank_for(BANK, "es").title == "Perú y EE. UU."
