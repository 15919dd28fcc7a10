"""The data package, data/datapackage.json: the schema of events.csv and what it adds (sites, rules,
periods, published counts), read once per process. Loading and validating events.csv is data's job."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd


def _env_path(name: str) -> Path | None:
    """A folder named by an environment variable; empty counts as unset (it would mean the current folder)."""
    value = os.environ.get(name, "").strip()
    return Path(value) if value else None


# The repository's data folder; the package is installed editable from lib/, so it sits two levels up.
DATA_DIR = _env_path("TITFORTAT_DATA") or Path(__file__).resolve().parents[2] / "data"
EVENTS_CSV = DATA_DIR / "events.csv"
DATAPACKAGE = DATA_DIR / "datapackage.json"


class DataError(ValueError):
    """A data file breaks the schema; the message names the file, the row and the column."""

    def _render_traceback_(self):  # IPython shows this instead of a traceback
        return [f"DataError: {self}"]


@lru_cache(maxsize=4)
def _package(path: Path = DATAPACKAGE) -> dict:
    path = Path(path)
    try:
        package = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as error:
        raise DataError(f"{path.name} cannot be read: {error.strerror or error}.") from None
    except UnicodeDecodeError as error:
        raise DataError(f"{path.name} is not valid UTF-8 (byte {error.start + 1}); save it as UTF-8.") from None
    except json.JSONDecodeError as error:
        raise DataError(
            f"{path.name} is not valid JSON: {error.msg.lower()} (line {error.lineno}, column {error.colno})."
        ) from None
    for key in ["resources", "x-sites", "x-rules"]:
        if not isinstance(package, dict) or key not in package:
            raise DataError(f"{path.name} has no {key!r} entry; compare it with the repository's copy.")
    return package


def schema(path: Path = DATAPACKAGE) -> dict:
    """The Table Schema of events.csv, as stored in the data package.

    Parameters
    ----------
    path : Path
        The file to read (default: the repository's).

    Returns
    -------
    dict
        The Table Schema (fields, primaryKey...).
    """
    return _package(Path(path))["resources"][0]["schema"]


def field_enum(name: str, path: Path = DATAPACKAGE) -> list[str]:
    """The allowed values of a categorical column, in the schema's order.

    Parameters
    ----------
    name : str
        A categorical column (event_type, actor, attribution, site, country...).
    path : Path
        The file to read (default: the repository's).

    Returns
    -------
    list of str
        Its allowed values, in the schema's order (sites in x-sites' order).
    """
    field = next(f for f in schema(path)["fields"] if f["name"] == name)
    if name == "site":
        return list(sites(path).index)
    return list(field["constraints"]["enum"])


def rules(path: Path = DATAPACKAGE) -> dict:
    """Rules beyond the Table Schema (which types are attacks, where coordinates may be blank).

    Parameters
    ----------
    path : Path
        The file to read (default: the repository's).

    Returns
    -------
    dict
        attack_types and coordinates_required_unless, each a list of event types.
    """
    return _package(Path(path))["x-rules"]


def attack_types(path: Path = DATAPACKAGE) -> list[str]:
    """Event types that count as attacks on US and coalition forces.

    Parameters
    ----------
    path : Path
        The file to read (default: the repository's).

    Returns
    -------
    list of str
        Event types.
    """
    return list(rules(path)["attack_types"])


def sites(path: Path = DATAPACKAGE) -> pd.DataFrame:
    """The site list: one row per site key with its name, canonical coordinates and source.

    Parameters
    ----------
    path : Path
        The file to read (default: the repository's).

    Returns
    -------
    DataFrame
        Index site; columns name, latitude, longitude, province, country, source_url, notes.
    """
    table = pd.DataFrame.from_dict(_package(Path(path))["x-sites"], orient="index")
    table.index.name = "site"
    return table


def periods(path: Path = DATAPACKAGE) -> pd.DataFrame:
    """The periods the dataset covers (x-periods): one row per key, with start, end (dates), title and lessons.

    Parameters
    ----------
    path : Path
        The file to read (default: the repository's).

    Returns
    -------
    DataFrame
        Index: period keys; columns start, end (datetime), title, lessons.
    """
    table = pd.DataFrame.from_dict(_package(Path(path))["x-periods"], orient="index")
    for column in ["start", "end"]:
        table[column] = pd.to_datetime(table[column])
    return table


def published_counts(path: Path = DATAPACKAGE) -> pd.DataFrame:
    """Aggregate attack counts published by officials and news agencies, with their windows and sources.

    Parameters
    ----------
    path : Path
        The file to read (default: the repository's).

    Returns
    -------
    DataFrame
        Columns who, said_on, start, end (datetime), count, what, source_url, notes.
    """
    table = pd.DataFrame(_package(Path(path))["x-published-counts"])
    for column in ["said_on", "start", "end"]:
        table[column] = pd.to_datetime(table[column])
    return table
