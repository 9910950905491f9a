"""quizapp/i18n: translatable text for code that imports no Flask."""

from markupsafe import escape

from quizapp.i18n import Lazy, _l, _n


def test_a_message_reads_as_written_with_its_values_outside_a_request():
    assert str(_l("At least %(n)d characters.", n=8)) == "At least 8 characters."
    assert str(_l("%(message)s and %(plural)s", message="a", plural="b")) == "a and b"
    assert str(_l("No values: 100%")) == "No values: 100%"
    assert str(_n("%(num)d minute", "%(num)d minutes", 1)) == "1 minute"
    assert str(_n("%(num)d minute", "%(num)d minutes", 3)) == "3 minutes"


def test_a_message_behaves_as_its_text():
    message = _l("Hello, %(name)s.", name="<Ana>")
    assert message == "Hello, <Ana>."
    assert "Ana" in message and len(message) == len("Hello, <Ana>.")
    assert message + "!" == "Hello, <Ana>.!" and "¡" + message == "¡Hello, <Ana>."
    assert message.startswith("Hello")
    assert str(message.__html__()) == "Hello, &lt;Ana&gt;."
    quoted = _l("%(key)s is '%(value)s' & \"more\"", key="<k>", value="v")
    assert quoted.__html__() == str(escape(str(quoted)))  # as Jinja escapes a str
    assert isinstance(_l("x"), Lazy) and hash(_l("x")) == hash("x")


def test_a_value_that_is_a_message_is_read_too():
    assert str(_l("Why: %(why)s", why=_l("because"))) == "Why: because"


def test_a_domain_message_is_said_in_the_installed_language_values_and_plurals_too():
    from quizapp.bank.said import _m, _mn, install, joined
    spanish = {"'%(key)s' is empty": "'%(key)s' está vacío", "a fact": "un hecho",
               "%(thing)s has no year": "%(thing)s no tiene año",
               "%(num)d item": "%(num)d elemento", "%(num)d items": "%(num)d elementos"}
    problem = joined([_m("'%(key)s' is empty", key="prompt"),
                      _m("%(thing)s has no year", thing=_m("a fact")),
                      _mn("%(num)d item", "%(num)d items", 3)])
    assert str(problem) == "'prompt' is empty; a fact has no year; 3 items"
    install(lambda m: spanish.get(m, m),
            lambda one, many, n: spanish.get(one if n == 1 else many, one if n == 1 else many))
    try:
        assert str(problem) == "'prompt' está vacío; un hecho no tiene año; 3 elementos"
        assert problem.english() == "'prompt' is empty; a fact has no year; 3 items"
    finally:
        install(lambda m: m, lambda one, many, n: one if n == 1 else many)


def test_a_bank_error_reads_its_message_when_it_is_read():
    from quizapp.bank.model import BankError
    from quizapp.bank.said import _m
    error = BankError("b.yaml", 4, _m("'%(key)s' is empty", key="prompt"))
    assert str(error) == "b.yaml:4: 'prompt' is empty" and error.message == "'prompt' is empty"
