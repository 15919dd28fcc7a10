"""Shared by the claims tests: a lesson's source text, and the check that a claimed sentence is in it.

Each tests/test_claims_NN.py holds CLAIMS, {id: (sentence, check)}, where the sentence is quoted from
tools/lessons/NN_*.md and check(events, settings) is True when the data bears the sentence out, and
PARAMETER_SETS, the lesson's defaults and every value it advertises."""

import re
from pathlib import Path

import pandas as pd

LESSONS = Path(__file__).resolve().parents[1] / "tools" / "lessons"


def lesson_text(number: str) -> str:
    """The lesson's markdown with markup and line breaks flattened, as a reader sees the sentences."""
    (path,) = LESSONS.glob(f"{number}_*.md")
    text = re.sub(r"[*`]", "", path.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", text)


def flatten(sentence: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[*`]", "", sentence)).strip()


def row(events: pd.DataFrame, event_id: str) -> pd.Series:
    return events.set_index("event_id").loc[event_id]


def days_between(events: pd.DataFrame, first: str, second: str) -> int:
    return int((row(events, second)["date"] - row(events, first)["date"]).days)
