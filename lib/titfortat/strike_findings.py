"""What the event study around US strikes can and cannot say, in sentences: the headline at a window, the
sweep over windows, regression to the mean after the attacks each strike answered, and the deaths."""

from __future__ import annotations

import pandas as pd

from .selection import attacks
from .strikes import episode_windows, event_study, interval_side, killed_in, strike_days, study_attacks, typical_window

# The attacks each strike day answered, as its strike rows say: 2019-12-29-al_qaim-strike ("in
# retaliation for the K-1 attack"), 2020-03-13-karbala_airport-strike ("in retaliation for the Taji
# attack"), 2021-02-26-abu_kamal-strike ("the response to the Erbil and other recent attacks") and the
# 2021-06-28 rows (sites "used for drone attacks on US personnel in Iraq": every drone attack of 2021
# before it). The 3 January 2020 strike answered no single attack: the Pentagon said Soleimani was
# planning attacks (its row's notes).
ANSWERED = {
    "2019-12-29": ["2019-12-27-k1-rocket"],
    "2020-01-03": [],
    "2020-03-13": ["2020-03-11-taji-rocket"],
    "2021-02-26": ["2021-02-15-erbil_airport-rocket"],
    "2021-06-28": "drone_attack 2021",
    # The 2023-2024 wave. The strikes of 27 Oct, 8 and 12 Nov 2023 answered the run of attacks since
    # 17 October, no single one; those of 3 Dec 2023, 4 and 8 Jan 2024 were pre-emptive (fighters
    # readying a drone, a commander said to plan attacks, a loaded launcher).
    "2023-10-27": [],
    "2023-11-08": [],
    "2023-11-12": [],
    "2023-11-20": ["2023-11-20-ain_al_asad-missile"],
    "2023-11-22": ["2023-11-20-ain_al_asad-missile"],
    "2023-12-03": [],
    "2023-12-26": ["2023-12-25-erbil_airport-drone"],
    "2024-01-04": [],
    "2024-01-08": [],
    "2024-01-24": ["2024-01-20-ain_al_asad-missile"],
    "2024-02-03": ["2024-01-28-tower_22-drone"],
    "2024-02-07": ["2024-01-28-tower_22-drone"],
}


def interval_text(summary: pd.Series) -> str:
    """ "90% interval -1.2 to +3.4", or, with fewer than two cases, why there is none.

    Parameters
    ----------
    summary : Series

    Returns
    -------
    str
        The interval in words.
    """
    if pd.isna(summary["low"]):
        return "no interval: fewer than two episodes"
    return f"90% interval {summary['low']:+.1f} to {summary['high']:+.1f}"


def event_study_headline(summary: pd.Series, window_days: int) -> str:
    """A figure title that asks the question and states the answer with its uncertainty at this window.

    Parameters
    ----------
    summary : Series
    window_days : int
        Days in each window.

    Returns
    -------
    str
        The title: the question, then the numbers and what they can say.
    """
    n = int(summary["cases"])
    numbers = (
        f"{window_days}-day windows, {n} episode{'' if n == 1 else 's'}: {int(summary['rose'])} rose, "
        f"{int(summary['fell'])} fell; mean {summary['mean_change']:+.1f} ({interval_text(summary)})"
    )
    verdict = {
        "spans zero": "the data cannot tell",
        "no interval": "the data cannot tell",
        "above zero": f"a rise, but {n} cases chosen after attacks cannot show why",
        "below zero": f"a fall, but {n} cases chosen after attacks cannot show why",
    }[interval_side(summary)]
    return f"Did attacks rise after US strikes? {numbers}: {verdict}"


def sweep_finding(sweep: pd.DataFrame) -> str:
    """What merging overlapping strike days does to the mean change, and where the episodes' interval lies.

    Parameters
    ----------
    sweep : DataFrame
        A window_sweep() result.

    Returns
    -------
    str
        One sentence.
    """
    windows = sweep.index.tolist()
    by_day, merged = sweep["per_strike_day"], sweep["mean_change"]
    sides = sorted(set(sweep["interval"]))
    where = (
        f"spans zero at every window ({', '.join(map(str, windows))} days)"
        if sides == ["spans zero"]
        else "; ".join(
            {"spans zero": "spans zero", "no interval": "does not exist (one episode)"}.get(side, f"lies {side}")
            + " at "
            + ", ".join(map(str, sweep.index[sweep["interval"] == side]))
            + " days"
            for side in sides
        )
    )
    return (
        f"Counting each strike day as a case, the mean change runs from {by_day.min():+.1f} to {by_day.max():+.1f}; "
        "counting episodes, so that no strike falls inside another's window, it runs from "
        f"{merged.min():+.1f} to {merged.max():+.1f}, "
        f"and its 90% interval {where}."
    )


def answered_attacks(events: pd.DataFrame) -> pd.DataFrame:
    """Each strike day with the attacks its rows say it answered (see ANSWERED) and the deaths recorded in them.

    Parameters
    ----------
    events : DataFrame

    Returns
    -------
    DataFrame
        Columns strike_day, answered (attacks), killed (deaths in them, blanks as 0), event_ids (list).
    """
    found = attacks(events)
    rows = []
    for day in strike_days(events)["date"]:
        named = ANSWERED.get(f"{day:%Y-%m-%d}", [])
        if named == "drone_attack 2021":
            chosen = found[
                (found["event_type"] == "drone_attack") & (found["date"].dt.year == 2021) & (found["date"] < day)
            ]
        else:
            # isin, not a lookup: a slice by country may leave an answered attack out on purpose (Tower 22,
            # in Jordan); world.missing_events checks every id against the whole dataset instead.
            chosen = found[found["event_id"].isin(named)]
        rows.append(
            {
                "strike_day": day,
                "answered": len(chosen),
                "killed": killed_in(chosen),
                "event_ids": list(chosen["event_id"]),
            }
        )
    return pd.DataFrame(rows)


def regression_note(events: pd.DataFrame, window_days: int, answered_in: pd.DataFrame | None = None) -> str:
    """Whether strikes followed busy stretches or deadly attacks: where regression to the mean applies.

    The attacks each strike answered are looked up in answered_in (default: events), so a study that
    counts fewer countries still knows what a strike answered abroad.

    Parameters
    ----------
    events : DataFrame
    window_days : int
        Days in each window.
    answered_in : DataFrame or None
        The events to look the answered attacks up in (default: events).

    Returns
    -------
    str
        Two to four sentences.
    """
    study = event_study(events, window_days)
    before, typical = study["before"].mean(), typical_window(events, window_days)
    source = events if answered_in is None else answered_in
    answered = answered_attacks(source)
    deadly = answered[answered["killed"] > 0]
    # Two strike days can answer the same attack (Tower 22): its dead are counted once.
    answered_rows = attacks(source).set_index("event_id").loc[sorted({i for ids in deadly["event_ids"] for i in ids})]
    dead = killed_in(answered_rows)
    lead = (
        f"In the {window_days} days before a strike episode there were {before:.1f} attacks on average, against "
        f"{typical:.1f} in a typical {window_days}-day stretch of the period"
    )
    counts = (
        ": strikes followed busier-than-usual stretches, so some fall in attacks afterwards was to be expected."
        if round(before, 1) > round(typical, 1)
        else ": the stretches before strikes were not busier than usual, so for attack counts regression to the mean "
        "predicts little."
    )
    deaths = (
        f" None of the {len(answered)} strike days answered an attack with a recorded death."
        if deadly.empty
        else f" But {len(deadly)} of the {len(answered)} strike days answered attacks that had killed people "
        f"({', '.join(f'{d:%d %b %Y}' for d in deadly['strike_day'])}: {dead} deaths): "
        "strikes were chosen after deaths, so fewer deaths afterwards is what regression to the mean predicts "
        "even if no strike deterred anyone."
    )
    harmless = answered[(answered["answered"] > 0) & (answered["killed"] == 0)]
    if len(harmless) == 1:
        row = next(harmless.itertuples())
        others = (
            f" The strikes of {row.strike_day:%d %b %Y} answered {row.answered} "
            f"{'attack' if row.answered == 1 else 'attacks'} in which no death was recorded."
        )
    elif len(harmless) > 1:
        days = [f"{d:%d %b %Y}" for d in harmless["strike_day"]]
        others = (
            f" The strikes of {', '.join(days[:-1])} and {days[-1]} answered attacks in which no death was recorded."
        )
    else:
        others = ""
    unnamed = int((answered["answered"] == 0).sum())
    if unnamed:
        others += (
            f" The other {'strike day' if unnamed == 1 else f'{unnamed} strike days'} answered no single attack "
            "(a run of attacks, or a threat the US said it pre-empted)."
        )
    return lead + counts + deaths + others


def _union(found: pd.DataFrame, spans) -> pd.DataFrame:
    keep = pd.Series(False, index=found.index)
    for start, end in spans:
        keep |= (found["date"] >= start) & (found["date"] <= end)
    return found[keep]


def lethality_finding(events: pd.DataFrame, window_days: int) -> str:
    """Deaths recorded in the attacks before and after the strike episodes, each attack counted once, with its rows.

    Parameters
    ----------
    events : DataFrame
    window_days : int
        Days in each window.

    Returns
    -------
    str
        Two sentences, naming each deadly attack's id and toll.
    """
    found = study_attacks(events, False)
    window, day = pd.Timedelta(days=window_days), pd.Timedelta(days=1)
    groups = episode_windows(events, window_days, True)
    parts, seen = [], {}
    for name, spans in [
        ("before", [(first - window, first - day) for _, first, _ in groups]),
        ("after", [(last + day, last + window) for _, _, last in groups]),
    ]:
        rows = _union(found, spans)
        rows = rows[(rows["us_killed"].fillna(0) + rows["other_killed"].fillna(0)) > 0]
        seen[name] = list(rows["event_id"])
        named = ", ".join(f"{i} {killed_in(rows[rows['event_id'] == i])}" for i in rows["event_id"])
        parts.append(f"{killed_in(rows)} in the {window_days} days {name}" + (f" ({named})" if named else ""))
    both = sorted(set(seen["before"]) & set(seen["after"]))
    overlap = (
        f" {', '.join(both)} fell after one episode and before the next, so it is counted on both sides."
        if both
        else ""
    )
    return (
        f"Recorded deaths in those attacks, each attack counted once: {parts[0]} and {parts[1]}."
        + overlap
        + " Blank casualty fields count as none, so these are lower bounds."
    )
