"""Counting events over time, by site and by actor: the history lesson's analyses."""

from __future__ import annotations

import pandas as pd

from . import geography
from .data import attack_types
from .prose import Sentence

KEY_EVENT_TYPES = [
    "us_strike",
    "militia_site_strike",
    "missile_strike",
    "assault",
    "political",
    "troop_change",
    "base_handover",
]


def attacks(events: pd.DataFrame) -> pd.DataFrame:
    """Only the rows that are attacks on US and coalition forces (rockets, drones, IEDs, missiles)."""
    return events[events["event_type"].isin(attack_types())]


def between(events: pd.DataFrame, start, end) -> pd.DataFrame:
    """Events dated from start to end, both inclusive."""
    dates = events["date"]
    return events[(dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(end))]


def of_types(events: pd.DataFrame, types) -> pd.DataFrame:
    """Events whose event_type is in types."""
    return events[events["event_type"].isin(list(types))]


def events_per_month(
    events: pd.DataFrame, by: str = "event_type", start=None, end=None, top: int | None = None
) -> pd.DataFrame:
    """Count events per calendar month, one column per value of `by` seen; months with none are 0.

    With `top`, only the `top` most frequent values keep a column and the rest are summed as "other"
    (a chart can give distinct colours to a handful of categories, not to forty sites)."""
    return _events_per(events, by, start, end, top, "M", "month")


def events_per_week(
    events: pd.DataFrame, by: str = "event_type", start=None, end=None, top: int | None = None
) -> pd.DataFrame:
    """As events_per_month, per Monday-to-Sunday week; the index is each week's Monday, named "week"."""
    return _events_per(events, by, start, end, top, "W-SUN", "week")


def _events_per(events: pd.DataFrame, by: str, start, end, top: int | None, freq: str, unit: str) -> pd.DataFrame:
    if events.empty and (start is None or end is None):  # no dates to span: an empty table
        return pd.DataFrame(index=pd.DatetimeIndex([], name=unit), dtype="int64").rename_axis(columns=by)
    start = pd.Timestamp(start if start is not None else events["date"].min()).to_period(freq)
    end = pd.Timestamp(end if end is not None else events["date"].max()).to_period(freq)
    periods = pd.period_range(start, end, freq=freq)
    keys = events["date"].dt.to_period(freq)
    values = events[by].astype("object")
    table = pd.crosstab(keys, values) if len(events) else pd.DataFrame(index=periods[:0])
    table = table.reindex(periods, fill_value=0)
    table.index = table.index.to_timestamp()
    table.index.name = unit
    if top is not None and table.shape[1] > top:
        kept = table.sum().sort_values(ascending=False, kind="stable").index[:top]
        table = table[kept].assign(other=table.drop(columns=kept).sum(axis=1))
    table.columns.name = by
    return table.astype("int64")


def attacks_per_month(events: pd.DataFrame, by: str = "event_type", start=None, end=None) -> pd.DataFrame:
    """Count attacks per calendar month, one column per value of `by`; months with none are 0."""
    return events_per_month(attacks(events), by=by, start=start, end=end)


def count_by(events: pd.DataFrame, column: str) -> pd.Series:
    """How many events fall under each value of column, largest first, values with none dropped."""
    counts = events[column].astype("object").value_counts()
    counts.index.name = column
    return counts.rename("events")


def attacks_by_province(events: pd.DataFrame) -> pd.Series:
    """Attacks in Iraq per province, all 18 provinces listed (zero where none); attacks located only to
    "Iraq" or outside it are left out, and counted in the series' attrs["unplaced"]."""
    return events_by_province(attacks(events)).rename("attacks")


def events_by_province(found: pd.DataFrame) -> pd.Series:
    """The given events in Iraq per province, all 18 provinces listed (zero where none); events located
    only to "Iraq" or outside it are left out, and counted in the series' attrs["unplaced"]."""
    in_iraq = found[(found["country"] == "Iraq") & (found["province"].fillna("") != "")]
    counts = in_iraq["province"].astype("object").value_counts().reindex(list(geography.provinces()), fill_value=0)
    counts.index.name = "province"
    counts = counts.rename("events").sort_values(ascending=False, kind="stable")
    counts.attrs["unplaced"] = len(found) - len(in_iraq)
    return counts


def noun_for(types) -> str:
    """What a chart of these event types counts: "Attacks" when every type is an attack, else "Events"."""
    return "Attacks" if set(types) <= set(attack_types()) else "Events"


def weeks_with_events(events: pd.DataFrame, start, end) -> tuple[int, int]:
    """(weeks with at least one of the events, weeks in all) for the Monday-to-Sunday weeks touching start..end."""
    weeks = pd.period_range(pd.Timestamp(start), pd.Timestamp(end), freq="W-SUN")
    seen = set(between(events, start, end)["date"].dt.to_period("W-SUN"))
    return len(seen & set(weeks)), len(weeks)


def weekly_reading(events: pd.DataFrame, start, end, noun: str = "events") -> str:
    """A sentence saying in how many of the weeks from start to end at least one of the events fell."""
    seen, weeks = weeks_with_events(events, start, end)
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    return Sentence(
        (
            f"From {first.day} {first:%B %Y} to {last.day} {last:%B %Y}, {seen} of the {weeks} weeks "
            f"(Monday to Sunday) had at least one recorded {noun}."
        )
    )


def monthly_reading(monthly: pd.DataFrame, noun: str = "events") -> str:
    """Two sentences that read a per-month count table: the total, the busiest month, the empty months
    and the first month with three or more (where a sustained rise could begin)."""
    per_month = monthly.sum(axis=1)
    if per_month.sum() == 0:
        return Sentence(f"The chart holds no {noun} for these settings.")
    busiest = per_month[per_month == per_month.max()]
    first_three = per_month[per_month >= 3]
    busy = ", ".join(f"{m:%B %Y}" for m in busiest.index[:3]) + (" and others" if len(busiest) > 3 else "")
    text = (
        f"The chart counts {int(per_month.sum())} {noun} over {len(per_month)} months; the busiest "
        f"{'month is' if len(busiest) == 1 else 'months are'} {busy}, with {int(per_month.max())}"
        f"{'' if len(busiest) == 1 else ' each'}, "
        f"and {int((per_month == 0).sum())} months have none."
    )
    if len(first_three):
        text += f" The first month with three or more is {first_three.index[0]:%B %Y}."
    return Sentence(text)


def attacks_per_year(events: pd.DataFrame) -> pd.Series:
    """Count attacks per calendar year, years from the first to the last event included."""
    found = attacks(events)
    if events.empty:
        return pd.Series(dtype="int64", name="attacks").rename_axis("year")
    years = range(events["date"].dt.year.min(), events["date"].dt.year.max() + 1)
    counts = found["date"].dt.year.value_counts().reindex(years, fill_value=0)
    counts.index.name = "year"
    return counts.rename("attacks")


def event_row(events: pd.DataFrame, event_id: str, columns: list[str] | None = None) -> pd.DataFrame:
    """One event's fields as a table of (field, value) rows, so that long notes wrap instead of running off."""
    row = events.set_index("event_id").loc[event_id]
    if columns is not None:
        row = row[columns]
    table = row.astype("object").where(row.notna(), "<NA>").to_frame("value")
    table.index.name = event_id
    return table


def key_events(events: pd.DataFrame) -> pd.DataFrame:
    """The strikes, missile strikes, assaults, political moves and handovers, with date and summary."""
    rows = events[events["event_type"].isin(KEY_EVENT_TYPES)]
    return rows[["date", "event_id", "event_type", "actor", "site", "summary"]].reset_index(drop=True)


def casualties(events: pd.DataFrame) -> pd.Series:
    """Total US killed, US wounded and others killed over the given events (unknowns count as 0)."""
    return events[["us_killed", "us_wounded", "other_killed"]].sum().astype("int64")


def compare_with_published(events: pd.DataFrame) -> pd.DataFrame:
    """Published attack counts (from the data package) beside the attacks this dataset has in the same window:
    only the counts whose window starts in a period the given events come from (see data.periods)."""
    from .data import periods, published_counts

    table = published_counts().copy()
    spans = [(s, e) for s, e in zip(periods()["start"], periods()["end"]) if events["date"].between(s, e).any()]
    table = table[[any(s <= start <= e for s, e in spans) for start in table["start"]]].reset_index(drop=True)
    found = attacks(events)
    table["in_dataset"] = [len(between(found, s, e)) for s, e in zip(table["start"], table["end"])]
    table["share"] = (table["in_dataset"] / table["count"]).round(2)
    return table[["who", "start", "end", "what", "count", "in_dataset", "share", "source_url"]]


# Turning points marked on the monthly charts: event ids in data/events.csv and a short label.
MILESTONES = [
    ("2018-12-26-ain_al_asad-trump_visit", "Trump at Ain al-Asad"),
    ("2019-05-15-us_embassy-ordered_departure", "Embassy staff ordered out"),
    ("2019-12-27-k1-rocket", "K-1 attack"),
    ("2020-01-03-baghdad_airport-strike", "Soleimani killed"),
    ("2020-06-11-baghdad-strategic_dialogue", "Strategic dialogue"),
    ("2020-09-26-us_embassy-political", "Embassy closure threat"),
    ("2021-02-26-abu_kamal-strike", "US strike in Syria"),
    ("2021-07-26-white_house-combat_mission_end", "End of combat mission agreed"),
]


def milestones(events: pd.DataFrame, start=None, end=None) -> pd.DataFrame:
    """The turning points (date, label, summary) that fall between start and end."""
    present = set(events["event_id"])
    chosen = [(key, label) for key, label in MILESTONES if key in present]  # a fork may lack some of them
    table = events.set_index("event_id").loc[[key for key, _ in chosen], ["date", "summary"]]
    table["label"] = [label for _, label in chosen]
    if start is not None or end is not None:
        table = table[
            (table["date"] >= pd.Timestamp(start or "1900-01-01"))
            & (table["date"] <= pd.Timestamp(end or "2100-01-01"))
        ]
    return table.reset_index()
