"""How common an English word is: the line between an ordinary word and a name.

postgen/data/common-words.txt holds English words with their wordfreq Zipf frequency, 3.0 and up
(scripts/make-common-words regenerates it). A token spelled like a common word says nothing by
its spelling alone; a rare one may be a name.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

COMMON_WORDS_PATH = Path(__file__).parent / "data" / "common-words.txt"
ORDINARY_ZIPF = 4.0  # about once per 10,000 words of English
RARE_ZIPF = 3.0  # under once per million words


@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, float]:
    frequencies = {}
    for line in COMMON_WORDS_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, frequency = line.split()
            frequencies[word] = float(frequency)
    return frequencies


def zipf(word: str) -> float:
    """How common a word is in English (wordfreq's Zipf scale); a hyphenated word counts as its rarest part."""
    parts = [part for part in word.lower().strip("'’").split("-") if part]
    return min((word_frequencies().get(part, 0.0) for part in parts), default=0.0)


def ordinary(word: str) -> bool:
    """An English word common enough that its spelling alone says nothing (case ignored)."""
    return zipf(word) >= ORDINARY_ZIPF

