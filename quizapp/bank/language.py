"""The language a bank is written in, when its file does not say: guessed from its words.

A question file may say `language: es`; one that does not (and every GIFT, Aiken or Moodle XML
file, whose formats have no such field) is read for the commonest short words of English and
Spanish, which nearly every sentence holds ("the", "of", "and" against "el", "de", "que"). The
guess only decides what a page says ("This bank is in Spanish"), never what a question means;
with no word of either, or as many of each, it is English, the language the interface falls
back to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ENGLISH, SPANISH = "en", "es"
BANK_LANGUAGES = (ENGLISH, SPANISH)  # what `language:` may say

# Short words frequent in one language and rare in the other ("a", "no", "me", "son", names of
# places, are left out: both use them).
_WORDS = {
    ENGLISH: frozenset("the of and to in is was were for that with by from which this who "
                       "what when his its are after into became".split()),
    SPANISH: frozenset("el la los las de del que y en es fue fueron por para con se una un "
                       "su sus qué quién cuándo cuál tras durante como".split()),
}
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(texts: Iterable[str]) -> str:
    """ENGLISH or SPANISH, whichever's frequent words the texts hold more of (ENGLISH on a tie)."""
    counts = dict.fromkeys(_WORDS, 0)
    for text in texts:
        for word in _WORD.findall(text.casefold()):
            for lang, words in _WORDS.items():
                counts[lang] += word in words
    return SPANISH if counts[SPANISH] > counts[ENGLISH] else ENGLISH
