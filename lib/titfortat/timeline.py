"""Counting events over time, by place and by actor, and the sentences that read the counts: the history
lesson's analyses. Choosing the rows to count is selection's job."""

from __future__ import annotations

import pandas as pd

from . import geography
from .package import attack_types
from .prose import Sentence
from .selection import attacks, between, named_events
from .world import MILESTONES


def events_per_month(
    events: pd.DataFrame, by: str = "event_type", start=None, end=None, top: int | None = None
) -> pd.DataFrame:
    """Count events per calendar month, one column per value of `by` seen; months with none are 0.

    With `top`, only the `top` most frequent values keep a column and the rest are summed as "other"
    (a chart can give distinct colours to a handful of categories, not to forty sites).

    Parameters
    ----------
    events : DataFrame
    by : str
        The column whose values become the table's columns (event_type, site, actor...).
    start : date-like or None
        First month shown (default: the first event's).
    end : date-like or None
        Last month shown (default: the last event's).
    top : int or None
        Keep a column for only this many of the most frequent values.

    Returns
    -------
    DataFrame
        Index `month` (first day of each month, every month from start to end); one int64 column per value of `by`
        (plus "other" with `top`).
    """
    return _events_per(events, by, start, end, top, "M", "month")


def events_per_week(
    events: pd.DataFrame, by: str = "event_type", start=None, end=None, top: int | None = None
) -> pd.DataFrame:
    """As events_per_month, per Monday-to-Sunday week; the index is each week's Monday, named "week".

    Parameters
    ----------
    events : DataFrame
    by : str
        The column whose values become the table's columns.
    start : date-like or None
        A day in the first week shown (default: the first event's).
    end : date-like or None
        A day in the last week shown (default: the last event's).
    top : int or None
        Keep a column for only this many of the most frequent values.

    Returns
    -------
    DataFrame
        Index `week` (each week's Monday); one int64 column per value of `by` (plus "other" with `top`).
    """
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
    """Count attacks per calendar month, one column per value of `by`; months with none are 0.

    Parameters
    ----------
    events : DataFrame
    by : str
        The column whose values become the table's columns.
    start : date-like or None
        First month shown (default: the first attack's).
    end : date-like or None
        Last month shown (default: the last attack's).

    Returns
    -------
    DataFrame
        Index `month`; one int64 column per value of `by`.
    """
    return events_per_month(attacks(events), by=by, start=start, end=end)


def count_by(events: pd.DataFrame, column: str) -> pd.Series:
    """How many events fall under each value of column, largest first, values with none dropped.

    Parameters
    ----------
    events : DataFrame
    column : str
        The column to count by.

    Returns
    -------
    Series
        Named `events`, indexed by the column's values, largest first.
    """
    counts = events[column].astype("object").value_counts()
    counts.index.name = column
    return counts.rename("events")


def attacks_by_province(events: pd.DataFrame) -> pd.Series:
    """Attacks in Iraq per province, all 18 provinces listed (zero where none); attacks located only to
    "Iraq" or outside it are left out, and counted in the series' attrs["unplaced"].

    Parameters
    ----------
    events : DataFrame

    Returns
    -------
    Series
        Named `attacks`, index `province` (18 rows, largest first); attrs["unplaced"] counts the attacks left out.
    """
    return events_by_province(attacks(events)).rename("attacks")


def events_by_province(found: pd.DataFrame) -> pd.Series:
    """The given events in Iraq per province, all 18 provinces listed (zero where none); events located
    only to "Iraq" or outside it are left out, and counted in the series' attrs["unplaced"].

    Parameters
    ----------
    found : DataFrame

    Returns
    -------
    Series
        Named `events`, index `province` (18 rows, largest first); attrs["unplaced"] counts the rows left out.
    """
    in_iraq = found[(found["country"] == "Iraq") & (found["province"].fillna("") != "")]
    counts = in_iraq["province"].astype("object").value_counts().reindex(list(geography.provinces()), fill_value=0)
    counts.index.name = "province"
    counts = counts.rename("events").sort_values(ascending=False, kind="stable")
    counts.attrs["unplaced"] = len(found) - len(in_iraq)
    return counts


def noun_for(types) -> str:
    """What a chart of these event types counts: "Attacks" when every type is an attack, else "Events".

    Parameters
    ----------
    types : iterable of str
        Event types.

    Returns
    -------
    str
        "Attacks" or "Events".
    """
    return "Attacks" if set(types) <= set(attack_types()) else "Events"


def weeks_with_events(events: pd.DataFrame, start, end) -> tuple[int, int]:
    """(weeks with at least one of the events, weeks in all) for the Monday-to-Sunday weeks touching start..end.

    Parameters
    ----------
    events : DataFrame
    start : date-like
        First day, inclusive.
    end : date-like
        Last day, inclusive.

    Returns
    -------
    tuple of int
        (weeks with at least one event, weeks in all).
    """
    weeks = pd.period_range(pd.Timestamp(start), pd.Timestamp(end), freq="W-SUN")
    seen = set(between(events, start, end)["date"].dt.to_period("W-SUN"))
    return len(seen & set(weeks)), len(weeks)


def weekly_reading(events: pd.DataFrame, start, end, noun: str = "events") -> str:
    """A sentence saying in how many of the weeks from start to end at least one of the events fell.

    Parameters
    ----------
    events : DataFrame
    start : date-like
        First day, inclusive.
    end : date-like
        Last day, inclusive.
    noun : str
        What one event is called in the sentence ("attack").

    Returns
    -------
    Sentence
        One sentence (a str that renders as text in a notebook).
    """
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
    and the first month with three or more (where a sustained rise could begin).

    Parameters
    ----------
    monthly : DataFrame
        A per-month count table from events_per_month().
    noun : str
        What the events are called in the sentence ("attacks").

    Returns
    -------
    Sentence
        One or two sentences.
    """
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
    """Count attacks per calendar year, years from the first to the last event included.

    Parameters
    ----------
    events : DataFrame

    Returns
    -------
    Series
        Named `attacks`, index `year`, every year from the first event's to the last's (0 where none).
    """
    found = attacks(events)
    if events.empty:
        return pd.Series(dtype="int64", name="attacks").rename_axis("year")
    years = range(events["date"].dt.year.min(), events["date"].dt.year.max() + 1)
    counts = found["date"].dt.year.value_counts().reindex(years, fill_value=0)
    counts.index.name = "year"
    return counts.rename("attacks")


def casualties(events: pd.DataFrame) -> pd.Series:
    """Total US killed, US wounded and others killed over the given events (unknowns count as 0).

    Parameters
    ----------
    events : DataFrame

    Returns
    -------
    Series
        us_killed, us_wounded, other_killed (int64 totals; blanks count as 0, so these are lower bounds).
    """
    return events[["us_killed", "us_wounded", "other_killed"]].sum().astype("int64")


def compare_with_published(events: pd.DataFrame) -> pd.DataFrame:
    """Published attack counts (from the data package) beside the attacks this dataset has in the same window:
    only the counts whose window starts in a period the given events come from (see data.periods).

    Parameters
    ----------
    events : DataFrame

    Returns
    -------
    DataFrame
        Columns who, start, end, what, count (published), in_dataset, share (in_dataset / count), source_url.
    """
    from .package import periods, published_counts

    table = published_counts().copy()
    table_of_periods = periods()
    spans = [
        (s, e) for s, e in zip(table_of_periods["start"], table_of_periods["end"]) if events["date"].between(s, e).any()
    ]
    table = table[[any(s <= start <= e for s, e in spans) for start in table["start"]]].reset_index(drop=True)
    found = attacks(events)
    table["in_dataset"] = [len(between(found, s, e)) for s, e in zip(table["start"], table["end"])]
    table["share"] = (table["in_dataset"] / table["count"]).round(2)
    return table[["who", "start", "end", "what", "count", "in_dataset", "share", "source_url"]]


def milestones(events: pd.DataFrame, start=None, end=None) -> pd.DataFrame:
    """The turning points (date, label, summary) that fall between start and end.

    A milestone dated inside the span of `events` must be among them (a LookupError names it if not);
    one outside it is left out, so a slice of the data has the milestones of its own span.

    Parameters
    ----------
    events : DataFrame
    start : date-like or None
        First day (default: no limit).
    end : date-like or None
        Last day (default: no limit).

    Returns
    -------
    DataFrame
        Columns event_id, date, summary, label; one row per milestone, in date order.
    """
    if events.empty:
        chosen = []
    else:
        first, last = events["date"].min(), events["date"].max()
        chosen = [(key, label) for key, label in MILESTONES if first <= pd.Timestamp(key[:10]) <= last]
    table = named_events(events, [key for key, _ in chosen], "titfortat.world.MILESTONES")
    table = table[["event_id", "date", "summary"]].assign(label=[label for _, label in chosen])
    if start is not None or end is not None:
        table = table[
            (table["date"] >= pd.Timestamp(start or "1900-01-01"))
            & (table["date"] <= pd.Timestamp(end or "2100-01-01"))
        ]
    return table.reset_index(drop=True)
