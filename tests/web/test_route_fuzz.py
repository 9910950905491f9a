"""Every route of the app, old and new, sent junk by a visitor, a student and a teacher: no 5xx.

The routes are read from the app's URL map, so a route added later joins this test by itself.
Each path argument gets odd values (empty-ish, huge, markup, path tricks, another learner's real
attempt id), and each method gets junk form fields and a junk JSON body.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.services import accounts
from quizapp.services.attempts import start_attempt

ODD = ["0", "-1", "999999999", "x", "ABCDEF", "<script>alert(1)</script>", "a" * 300,
       "..%2F..%2Fetc", "%00", "ñandú", "1 OR 1=1"]
FORM = {"bank": "<b>", "mode": "nope", "length": "-5", "answers": "{", "code": "'; --",
        "username": "x" * 500, "password": "", "fact": "../x", "after": "z", "title": "",
        "a.x": "9", "csrf_token": "forged", "confirm": "1", "action": "save"}
JSON = {"answers": {"x": ["y", 1, None]}, "bank": ["not", "a", "string"], "length": True,
        "mode": {}, "username": 5, "password": None, "seed": -1}
METHODS = ("GET", "POST", "PUT", "DELETE")


def routes(app):
    """(rule, methods) of every route but the static files."""
    return [(rule, sorted(set(rule.methods or ()) & set(METHODS)))
            for rule in app.url_map.iter_rules() if rule.endpoint != "static"]


def urls(rule, real_attempt):
    """The rule built with each odd value (and a real attempt id of someone else)."""
    values = ODD + ([real_attempt] if "attempt_id" in rule.arguments else [])
    built = set()
    for value in values:
        args = {}
        for name in rule.arguments:
            converter = rule._converters[name]
            if getattr(converter, "regex", "") == r"\d+":
                args[name] = abs(hash(value)) % 10**9
            elif hasattr(converter, "items"):  # any(...): one of its words
                args[name] = sorted(converter.items)[0] if value != "x" else "xml"
            else:
                args[name] = value
        try:
            built.add(rule.build(args, append_unknown=False)[1])
        except Exception:  # noqa: BLE001  (a value the converter will not take: not a URL)
            continue
    return sorted(built)


@pytest.fixture
def someone_elses_attempt(app):
    with app.app_context():
        other = accounts.create_guest("Other")
        return start_attempt(other, "sample", "mixed", 4).id


@pytest.mark.parametrize("who", ["visitor", "student", "teacher"])
def test_no_route_fails_on_junk(app, client, auth, who, someone_elses_attempt):
    if who != "visitor":
        auth.create(who, role="teacher" if who == "teacher" else "student")
        auth.login(who)
    failures = []
    with app.test_request_context():
        table = [(method, url) for rule, methods in routes(app)
                 for url in urls(rule, someone_elses_attempt) for method in methods]
    for method, url in table:
        for kwargs in ({"data": FORM}, {"json": JSON}, {}):
            response = client.open(url, method=method, **kwargs)
            if response.status_code >= 500 or b"Traceback" in response.data:
                failures.append((who, method, url, list(kwargs), response.status_code))
    assert not failures
    assert len(table) > 100  # the map was read: every route, several values each


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                               max_size=4),
    max_leaves=12)
FIELDS = st.dictionaries(st.sampled_from(["bank", "mode", "length", "username", "password",
                                          "confirm", "display_name", "code", "fact", "after",
                                          "title", "opens", "closes", "max_attempts", "a.x",
                                          "a.x.y", "since", "until", "assignment", "next"])
                         | st.text(max_size=10),
                         st.text(max_size=30), max_size=6)


@pytest.mark.parametrize("who", ["visitor", "student", "teacher"])
def test_generated_bodies_query_strings_and_forms_never_get_a_500(app, auth, who,
                                                                 someone_elses_attempt):
    client = app.test_client()
    if who != "visitor":
        auth._client = client
        auth.create(who, role="teacher" if who == "teacher" else "student")
        auth.login(who)
    with app.test_request_context():
        table = [(method, url) for rule, methods in routes(app)
                 for url in urls(rule, someone_elses_attempt)[:2] for method in methods]

    @settings(max_examples=60, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(door=st.sampled_from(table), query=FIELDS, form=FIELDS, body=JSON_VALUES,
           as_json=st.booleans())
    def knock(door, query, form, body, as_json):
        method, url = door
        kwargs = {"json": body} if as_json else {"data": form}
        response = client.open(url, method=method, query_string=query, **kwargs)
        assert response.status_code < 500, (method, url, query, kwargs)
        if url.startswith("/api/") and response.status_code >= 400:
            assert response.is_json and "error" in response.get_json(), (method, url)

    knock()


def test_json_nested_a_thousand_deep_is_a_400_not_a_500(client):
    deep = "[" * 1000 + "]" * 1000
    response = client.post("/api/v1/tokens", data=deep, content_type="application/json")
    assert response.status_code == 400 and response.is_json
