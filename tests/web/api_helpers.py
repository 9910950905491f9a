"""What the API tests share: learners with tokens, calls, and looks at the stored rows."""

from functools import cache

from sqlalchemy import func, select
from werkzeug.security import generate_password_hash

from quizapp.bank.model import Bank, Question
from quizapp.extensions import db
from quizapp.models import Attempt, Learner
from quizapp.services import accounts
from tests.sample_bank import FACTS, QUESTIONS

PASSWORD = "correct horse battery"
SAMPLE_IDS = {q.id for q in QUESTIONS} | {f.id for f in FACTS}
OPEN_ITEM_KEYS = {"id", "type", "prompt", "options"}
RESULT_ITEM_KEYS = OPEN_ITEM_KEYS | {
    "points", "correct", "answer", "key", "question_id", "explanation", "facts"
}
SUMMARY_KEYS = {"id", "bank", "mode", "status", "started", "submitted", "score", "max_score",
                "percent", "deadline"}
CHOICES_BANK = Bank(id="choices", title="Choices only", questions=tuple(
    Question(id=f"q{i}", type="choice", prompt=f"Which is {i}?", options=(str(i), "none"),
             key=(str(i),))
    for i in range(12)
))


@cache
def password_hash() -> str:
    """Hashed once: scrypt is slow on purpose."""
    return generate_password_hash(PASSWORD)


def add_learner(app, username: str) -> str:
    """A learner with PASSWORD, and a bearer token for them."""
    with app.app_context():
        learner = Learner(username=username, display_name=username, password_hash=password_hash())
        db.session.add(learner)
        db.session.commit()
        return accounts.issue_token(learner)


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def start(client, headers, **body):
    return client.post("/api/v1/attempts", json={"bank": "sample", "mode": "mixed", **body},
                       headers=headers)


def submit(client, headers, attempt_id, answers, **extra):
    return client.post(f"/api/v1/attempts/{attempt_id}/answers",
                       json={"answers": answers, **extra}, headers=headers)


def snapshots(app, attempt_id) -> dict:
    with app.app_context():
        return {i.public_id: i.snapshot for i in db.session.get(Attempt, attempt_id).items}


def right_answers(app, attempt_id) -> dict:
    return {k: s.key[0] if s.type == "choice" else list(s.key)
            for k, s in snapshots(app, attempt_id).items()}


def stored(app, attempt_id) -> tuple:
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        return attempt.submitted, attempt.score, [(i.answer, i.points) for i in attempt.items]


def attempt_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Attempt))


def keys_and_strings(doc, keys=None, strings=None) -> tuple[set, set]:
    """Every object key and every string value anywhere in a JSON document."""
    keys, strings = set() if keys is None else keys, set() if strings is None else strings
    if isinstance(doc, dict):
        keys.update(doc)
        for value in doc.values():
            keys_and_strings(value, keys, strings)
    elif isinstance(doc, list):
        for value in doc:
            keys_and_strings(value, keys, strings)
    elif isinstance(doc, str):
        strings.add(doc)
    return keys, strings
