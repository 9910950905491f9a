"""A small bank built in code, for tests that need one without reading files."""

from quizapp.bank.model import Bank, Fact, LoadResult, Person, Question, Source
from quizapp.bank.source import with_source

# Its source text: three facts cite a passage of it, the treaty none.
SOURCE = Source("sample.txt", "A canal opened in 1914.\nTrade then jumped,\nin 1916.\n\n"
                              "In 1920 an embassy opened. Much later came a treaty.\n")
FACTS = (
    Fact(id="canal", text="A canal opens.", year=1914, quote="A canal opened in 1914."),
    Fact(id="trade", text="Trade jumps.", year=1916, quote="Trade then jumped, in 1916"),
    Fact(id="embassy", text="An embassy opens.", year=1920, leader="leader-a",
         quote="an embassy opened"),
    Fact(id="treaty", text="A treaty is signed.", year=1952),
)
QUESTIONS = (
    Question(id="embassy-year", type="choice", prompt="When did the embassy open?",
             options=("1914", "1916", "1920", "1952"), key=("1920",),
             explanation="It opened in 1920.", facts=("embassy",)),
    Question(id="canal-year", type="choice", prompt="When did the canal open?",
             options=("1914", "1920", "1952"), key=("1914",), facts=("canal",)),
    Question(id="early-events", type="multiple", prompt="Which happened before 1919?",
             options=("A canal opens", "Trade jumps", "A treaty is signed"),
             key=("A canal opens", "Trade jumps"), facts=("canal", "trade", "treaty")),
    Question(id="order-all", type="ordering", prompt="Put these in order.",
             options=("A canal opens", "Trade jumps", "An embassy opens", "A treaty is signed"),
             key=("A canal opens", "Trade jumps", "An embassy opens", "A treaty is signed"),
             facts=("canal", "trade", "embassy", "treaty")),
)
SAMPLE_BANK, _ = with_source(Bank(
    id="sample", title="A sample bank", facts=FACTS,
    people=(Person(id="leader-a", name="Leader A", role="President of Peru"),),
    questions=QUESTIONS, source_name=SOURCE.name,
), SOURCE)
assert not _ and all(f.cite for f in SAMPLE_BANK.facts[:3])


def load_sample(folder) -> LoadResult:
    """A loader that ignores the folder and gives the sample bank."""
    return LoadResult(banks=(SAMPLE_BANK,))
