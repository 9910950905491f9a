"""quizapp/i18n: translatable text for code that imports no Flask."""

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
    assert isinstance(_l("x"), Lazy) and hash(_l("x")) == hash("x")


def test_a_value_that_is_a_message_is_read_too():
    assert str(_l("Why: %(why)s", why=_l("because"))) == "Why: because"
