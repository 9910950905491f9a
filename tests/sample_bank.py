"""A small bank built in code, for tests that need one without reading files."""

from quizapp.bank.model import Bank, Fact, LoadResult, Person, Question

FACTS = (
    Fact(id="canal", text="A canal opens.", year=1914),
    Fact(id="trade", text="Trade jumps.", year=1916),
    Fact(id="embassy", text="An embassy opens.", year=1920, leader="leader-a"),
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
SAMPLE_BANK = Bank(
    id="sample", title="A sample bank", facts=FACTS,
    people=(Person(id="leader-a", name="Leader A", role="President of Peru"),),
    questions=QUESTIONS,
)


def load_sample(folder) -> LoadResult:
    """A loader that ignores the folder and gives the sample bank."""
    return LoadResult(banks=(SAMPLE_BANK,))
