"""`flask --app quizapp questions draft TEXT -o BANK.yaml`: a draft bank and its text beside it."""

from __future__ import annotations

from quizapp.bank.loader import load_file

TEXT = ("In 1914 the Panama Canal opens to ships.\n\nDuring the term of President Augusto B. "
        "Leguía (1919-1930), U.S. capital grows. For the first time it passes British money.\n")


def draft(runner, *args):
    return runner.invoke(args=["questions", "draft", *map(str, args)])


def test_a_text_becomes_a_bank_that_loads_with_its_text_beside_it(runner, tmp_path):
    tmp_path = tmp_path / "work"
    tmp_path.mkdir()
    (tmp_path / "peru.txt").write_text(TEXT, "utf-8")
    out = tmp_path / "Peru Draft.yaml"
    result = draft(runner, tmp_path / "peru.txt", "-o", out, "--title", "Peru, a draft")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        f"Drafted 3 facts (3 dated, 1 person with their terms) from {tmp_path / 'peru.txt'} "
        f"into {out}; its text is in {tmp_path / 'peru-draft.txt'}.\n")
    assert "- 1 fact takes its date from the sentence before" in result.output
    assert (tmp_path / "peru-draft.txt").read_text("utf-8") == TEXT
    bank = load_file(out).bank
    assert bank.id == "peru-draft" and bank.title == "Peru, a draft"
    assert [(f.year, f.until) for f in bank.facts] == [(1914, None), (1919, 1930), (1919, 1930)]
    checked = runner.invoke(args=["questions", "check", str(out)])
    assert checked.exit_code == 0 and "3 facts, 1 person" in checked.output


def test_it_never_overwrites_without_force(runner, tmp_path):
    tmp_path = tmp_path / "work"
    tmp_path.mkdir()
    (tmp_path / "t.md").write_text("# Notes\n\nIn 1914 the canal opens to ships.", "utf-8")
    (tmp_path / "bank.md").write_text("mine", "utf-8")
    result = draft(runner, tmp_path / "t.md", "-o", tmp_path / "bank.yaml")
    assert result.exit_code == 1
    assert f"{tmp_path / 'bank.md'} already exists; nothing was written (use --force" in (
        result.output)
    assert not (tmp_path / "bank.yaml").exists()
    assert (tmp_path / "bank.md").read_text("utf-8") == "mine"
    forced = draft(runner, tmp_path / "t.md", "-o", tmp_path / "bank.yaml", "--force")
    assert forced.exit_code == 0, forced.output
    assert "source: bank.md" in (tmp_path / "bank.yaml").read_text("utf-8")
    assert load_file(tmp_path / "bank.yaml").bank.title == "Bank"


def test_clear_errors_for_a_bad_text_or_a_bad_output(runner, tmp_path):
    tmp_path = tmp_path / "work"
    tmp_path.mkdir()
    (tmp_path / "paper.txt").write_bytes(b"%PDF-1.7 binary")
    (tmp_path / "empty.txt").write_text("... 1914 !!", "utf-8")
    (tmp_path / "good.txt").write_text(TEXT, "utf-8")
    cases = [
        ((tmp_path / "paper.txt", "-o", tmp_path / "b.yaml"), "paper.txt: this is a PDF, not a text"),
        ((tmp_path / "empty.txt", "-o", tmp_path / "b.yaml"), "no sentences to draft facts from"),
        ((tmp_path / "none.txt", "-o", tmp_path / "b.yaml"), "cannot read"),
        ((tmp_path / "good.txt", "-o", tmp_path / "b.json"), "the bank file's name must end in .yaml"),
        ((tmp_path / "good.txt", "-o", tmp_path / "—.yaml"), "the name needs a letter or a digit"),
    ]
    for args, message in cases:
        result = draft(runner, *args)
        assert result.exit_code == 1 and message in result.output, (args, result.output)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "good.txt", "paper.txt"]
