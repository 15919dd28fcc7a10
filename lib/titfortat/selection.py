"""Choosing rows of the events: the attacks, a period, some event types, rows named by id, one event's fields."""

from __future__ import annotations

import pandas as pd

from .package import attack_types

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
    """Only the rows that are attacks on US and coalition forces (rockets, drones, IEDs, missiles).

    Parameters
    ----------
    events : DataFrame

    Returns
    -------
    DataFrame
        The same columns, only rows whose event_type is an attack type (datapackage.json x-rules).
    """
    return events[events["event_type"].isin(attack_types())]


def between(events: pd.DataFrame, start, end) -> pd.DataFrame:
    """Events dated from start to end, both inclusive.

    Parameters
    ----------
    events : DataFrame
    start : date-like
        First day, inclusive.
    end : date-like
        Last day, inclusive.

    Returns
    -------
    DataFrame
        The same columns, the rows dated start to end.
    """
    dates = events["date"]
    return events[(dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(end))]


def of_types(events: pd.DataFrame, types) -> pd.DataFrame:
    """Events whose event_type is in types.

    Parameters
    ----------
    events : DataFrame
    types : iterable of str
        Event types (keys of the schema's event_type enum).

    Returns
    -------
    DataFrame
        The same columns, the rows of those types.
    """
    return events[events["event_type"].isin(list(types))]


def event_row(events: pd.DataFrame, event_id: str, columns: list[str] | None = None) -> pd.DataFrame:
    """One event's fields as a table of (field, value) rows, so that long notes wrap instead of running off.

    Parameters
    ----------
    events : DataFrame
    event_id : str
        The row's id.
    columns : list of str or None
        The fields to show (default: all).

    Returns
    -------
    DataFrame
        One column `value` (blanks shown as "<NA>"), indexed by field name; the index is named after the event.
    """
    row = events.set_index("event_id").loc[event_id]
    if columns is not None:
        row = row[columns]
    table = row.astype("object").where(row.notna(), "<NA>").to_frame("value")
    table.index.name = event_id
    return table


def key_events(events: pd.DataFrame) -> pd.DataFrame:
    """The strikes, missile strikes, assaults, political moves and handovers, with date and summary.

    Parameters
    ----------
    events : DataFrame

    Returns
    -------
    DataFrame
        Columns date, event_id, event_type, actor, site, summary; one row per key event.
    """
    rows = events[events["event_type"].isin(KEY_EVENT_TYPES)]
    return rows[["date", "event_id", "event_type", "actor", "site", "summary"]].reset_index(drop=True)


def named_events(events: pd.DataFrame, ids, named_in: str) -> pd.DataFrame:
    """The rows with these event ids, in the order given; an id not in the events is a LookupError naming it
    and `named_in`, the table that names it (a row renamed in data/events.csv must be renamed there too).

    Parameters
    ----------
    events : DataFrame
    ids : iterable of str
        Event ids.
    named_in : str
        Where the ids are written, for the message ("titfortat.world.MILESTONES").

    Returns
    -------
    DataFrame
        The rows of those ids, in that order, with every column of `events`.
    """
    ids = list(ids)
    missing = [i for i in ids if i not in set(events["event_id"])]
    if missing:
        raise LookupError(
            f"event {missing[0]!r}, named in {named_in}, is not in the events"
            + (f" (nor {', '.join(map(repr, missing[1:]))})" if len(missing) > 1 else "")
            + "; if it was renamed in data/events.csv, rename it there too."
        )
    return events.set_index("event_id").loc[ids].reset_index()
