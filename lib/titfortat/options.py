"""The response options of lesson 04 and their scoring table: the lesson's judgements, not data, ranked by
the student's weights."""

from __future__ import annotations

import pandas as pd

from . import params

OPTIONS = {
    "hold_iran": "Hold Iran directly responsible",
    "regional_deal": "Seek a regional deal with Iran",
    "iraqi_courts": "Press Iraq to prosecute the militias",
    "syria_strikes": "More air strikes in Syria",
    "restraint": "Restraint: no military response",
}
CRITERIA = {
    "escalation_risk": "Low risk of escalation",
    "sovereignty": "Respects Iraqi sovereignty",
    "deterrence": "Deters further attacks",
    "cost": "Low cost to the US",
}
# Starting scores, 1 (poor) to 5 (good), for each option on each criterion. They are the lesson's
# judgement from the arguments in the notebook, not data: students are asked to change them. Iraqi
# prosecution scores only 3 on escalation: both attempts brought armed PMF members into the Green Zone
# (2020-06-25-dora-kh_raid, 2021-05-26-baghdad-arrest).
STARTING_SCORES = pd.DataFrame(
    {
        "escalation_risk": {"hold_iran": 1, "regional_deal": 4, "iraqi_courts": 3, "syria_strikes": 3, "restraint": 4},
        "sovereignty": {"hold_iran": 3, "regional_deal": 4, "iraqi_courts": 5, "syria_strikes": 4, "restraint": 5},
        "deterrence": {"hold_iran": 4, "regional_deal": 3, "iraqi_courts": 1, "syria_strikes": 2, "restraint": 1},
        "cost": {"hold_iran": 1, "regional_deal": 2, "iraqi_courts": 4, "syria_strikes": 3, "restraint": 5},
    }
)


def rank_options(weights: dict, scores: pd.DataFrame = STARTING_SCORES) -> pd.DataFrame:
    """Weighted score of each option (weights are normalised to sum to 1), best first.

    Parameters
    ----------
    weights : dict
        Criterion -> weight (0 or more; all 0 means equal weights). Unknown criteria are refused.
    scores : DataFrame
        Options (index) by criteria (columns), 1 to 5; default STARTING_SCORES.

    Returns
    -------
    DataFrame
        Index: option keys, best first; columns rank, option (its label), one per criterion, score (weighted, 2
        decimals).
    """
    params.require_weights("weights", weights, scores.columns)
    weight = pd.Series(weights, dtype=float).reindex(scores.columns).fillna(0)
    if weight.sum() <= 0:
        weight[:] = 1.0
    weight = weight / weight.sum()
    table = scores.copy()
    table["score"] = (scores * weight).sum(axis=1).round(2)
    table.insert(0, "option", [OPTIONS[key] for key in table.index])
    table = table.sort_values(["score", "option"], ascending=[False, True])
    table.insert(0, "rank", range(1, len(table) + 1))
    return table
