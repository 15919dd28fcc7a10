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
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", path.read_text(encoding="utf-8"))  # a link reads as its text
    text = re.sub(r"[*`]", "", text)
    return re.sub(r"\s+", " ", text)


def flatten(sentence: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[*`]", "", sentence)).strip()


def row(events: pd.DataFrame, event_id: str) -> pd.Series:
    return events.set_index("event_id").loc[event_id]


def days_between(events: pd.DataFrame, first: str, second: str) -> int:
    return int((row(events, second)["date"] - row(events, first)["date"]).days)


def claim_tests(number: str, claims: dict, parameter_sets: list, ids=None):
    """The two tests every claims module runs: each sentence is quoted from lesson `number`, and every
    claim holds under each parameter set (checked through tt.parameters, as the lesson validates them)."""
    import pytest
    import titfortat as tt

    @pytest.mark.parametrize("claim", sorted(claims))
    def test_claim_is_quoted_from_the_lesson(claim):
        assert flatten(claims[claim][0]) in lesson_text(number)

    @pytest.mark.parametrize("values", parameter_sets, ids=ids)
    def test_every_claim_holds_in_the_data(values, events):
        settings = tt.parameters(number, **values)
        failed = [sentence for sentence, holds in claims.values() if not holds(events, settings)]
        assert not failed, failed

    return test_claim_is_quoted_from_the_lesson, test_every_claim_holds_in_the_data
