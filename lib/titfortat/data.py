"""Loading and validating data/events.csv against data/datapackage.json (the one place the rules live)."""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

# The repository's data folder; the package is installed editable from lib/, so it sits two levels up.
DATA_DIR = Path(os.environ.get("TITFORTAT_DATA", Path(__file__).resolve().parents[2] / "data"))
EVENTS_CSV = DATA_DIR / "events.csv"
DATAPACKAGE = DATA_DIR / "datapackage.json"

COUNT_COLUMNS = ["projectiles", "us_killed", "us_wounded", "other_killed"]
# Where we remember files that passed validation. Frictionless checks its schema with jsonschema,
# whose import alone costs over a second here, so a lesson skips it when the same bytes passed before.
CACHE_DIR = Path(
    os.environ.get("TITFORTAT_CACHE", Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "titfortat")
)


class DataError(ValueError):
    """A data file breaks the schema; the message names the file, the row and the column."""

    def _render_traceback_(self):  # IPython shows this instead of a traceback
        return [f"DataError: {self}"]


@lru_cache(maxsize=4)
def _package(path: Path = DATAPACKAGE) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def schema(path: Path = DATAPACKAGE) -> dict:
    """The Table Schema of events.csv, as stored in the data package."""
    return _package(Path(path))["resources"][0]["schema"]


def field_enum(name: str, path: Path = DATAPACKAGE) -> list[str]:
    """The allowed values of a categorical column, in the schema's order."""
    field = next(f for f in schema(path)["fields"] if f["name"] == name)
    if name == "site":
        return list(sites(path).index)
    return list(field["constraints"]["enum"])


def rules(path: Path = DATAPACKAGE) -> dict:
    """Rules beyond the Table Schema (which types are attacks, where coordinates may be blank)."""
    return _package(Path(path))["x-rules"]


def attack_types(path: Path = DATAPACKAGE) -> list[str]:
    """Event types that count as attacks on US and coalition forces."""
    return list(rules(path)["attack_types"])


def sites(path: Path = DATAPACKAGE) -> pd.DataFrame:
    """The site list: one row per site key with its name, canonical coordinates and source."""
    table = pd.DataFrame.from_dict(_package(Path(path))["x-sites"], orient="index")
    table.index.name = "site"
    return table


def _frictionless_schema(path: Path) -> dict:
    # The site enum lives in x-sites (with coordinates); copy its keys into the field constraint.
    resolved = json.loads(json.dumps(schema(path)))
    for field in resolved["fields"]:
        if field["name"] == "site":
            field["constraints"]["enum"] = list(_package(Path(path))["x-sites"])
    return resolved


def validate(csv_path: Path = EVENTS_CSV, package_path: Path = DATAPACKAGE) -> None:
    """Raise DataError naming file, line, event_id and column for the first problems found."""
    import frictionless  # imported here: only loading needs it, not `import titfortat`

    csv_path, package_path = Path(csv_path), Path(package_path)
    allowed_blank = rules(package_path)["coordinates_required_unless"]
    resource = frictionless.Resource(
        path=csv_path.name,
        basepath=str(csv_path.parent),
        schema=frictionless.Schema.from_descriptor(_frictionless_schema(package_path)),
    )
    checklist = frictionless.Checklist(
        checks=[
            frictionless.checks.row_constraint(
                formula=f"(latitude != None and longitude != None and location_precision != None)"
                f" or event_type in {allowed_blank!r}"
            )
        ]
    )
    report = resource.validate(checklist, limit_errors=20)
    if report.valid:
        return
    ids = _event_ids(csv_path)
    lines = []
    for error in report.flatten(["type", "rowNumber", "fieldName", "note", "message"]):
        kind, row, field, note, message = error
        if row is None:
            lines.append(f"{csv_path.name}: {message}")
            continue
        event_id = ids.get(row, "?")
        column = f"column '{field}'" if field else "row"
        if kind == "row-constraint":
            note = "latitude and longitude are required except for " + ", ".join(allowed_blank)
        lines.append(f"{csv_path.name}, line {row} (event_id {event_id}), {column}: {note or message}")
    raise DataError("\n".join(lines))


def _event_ids(csv_path: Path) -> dict[int, str]:
    """Map frictionless row numbers (the header is row 1) to event ids."""
    import csv

    with open(csv_path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return {number: (row[0] if row else "?") for number, row in enumerate(rows[1:], start=2)}


def _validation_stamp(csv_path: Path, package_path: Path) -> Path:
    from importlib.metadata import version

    digest = hashlib.sha256(Path(csv_path).read_bytes() + Path(package_path).read_bytes())
    digest.update(version("frictionless").encode())
    return CACHE_DIR / f"valid-{digest.hexdigest()[:32]}"


def validate_once(csv_path: Path = EVENTS_CSV, package_path: Path = DATAPACKAGE) -> None:
    """validate(), skipped when these exact file contents already passed with this frictionless version."""
    stamp = _validation_stamp(csv_path, package_path)
    if stamp.exists():
        return
    validate(csv_path, package_path)
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch()
    except OSError:  # a read-only home: validate every time instead
        pass


def load_events(csv_path: Path = EVENTS_CSV, package_path: Path = DATAPACKAGE) -> pd.DataFrame:
    """Validate events.csv against the schema and return it with dates, nullable counts and categoricals."""
    validate_once(csv_path, package_path)
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False, na_values=[""])
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    for column in ["latitude", "longitude"]:
        frame[column] = pd.to_numeric(frame[column])
    for column in COUNT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column]).astype("Int64")
    for column in ["event_type", "actor", "attribution", "site", "country", "location_precision"]:
        frame[column] = pd.Categorical(frame[column], categories=field_enum(column, package_path))
    for column in ["notes", "province"]:
        frame[column] = frame[column].fillna("")
    return frame.sort_values(["date", "event_id"], ignore_index=True)


def published_counts(path: Path = DATAPACKAGE) -> pd.DataFrame:
    """Aggregate attack counts published by officials and news agencies, with their windows and sources."""
    table = pd.DataFrame(_package(Path(path))["x-published-counts"])
    for column in ["said_on", "start", "end"]:
        table[column] = pd.to_datetime(table[column])
    return table
