"""Loading and validating data/events.csv against data/datapackage.json (the one place the rules live)."""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd


def _env_path(name: str) -> Path | None:
    """A folder named by an environment variable; empty counts as unset (it would mean the current folder)."""
    value = os.environ.get(name, "").strip()
    return Path(value) if value else None


def _cache_dir() -> Path:
    # XDG says a relative XDG_CACHE_HOME is invalid and must be ignored, like an empty one.
    xdg = _env_path("XDG_CACHE_HOME")
    home_cache = xdg if xdg is not None and xdg.is_absolute() else Path.home() / ".cache"
    return _env_path("TITFORTAT_CACHE") or home_cache / "titfortat"


# The repository's data folder; the package is installed editable from lib/, so it sits two levels up.
DATA_DIR = _env_path("TITFORTAT_DATA") or Path(__file__).resolve().parents[2] / "data"
EVENTS_CSV = DATA_DIR / "events.csv"
DATAPACKAGE = DATA_DIR / "datapackage.json"

COUNT_COLUMNS = ["projectiles", "us_killed", "us_wounded", "other_killed"]
# The largest count pandas can hold in an Int64 column.
MAX_COUNT = 2**63 - 1
# Where we remember files that passed validation. Frictionless checks its schema with jsonschema,
# whose import alone costs over a second here, so a lesson skips it when the same bytes passed before.
CACHE_DIR = _cache_dir()
# How frictionless' type names read in a message: the value must be ...
TYPE_WANTED = {
    "date": "a real calendar date written YYYY-MM-DD",
    "integer": "a whole number such as 3",
    "number": "a number such as 33.31",
    "string/uri": "a full web address such as https://example.org/report",
}


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
    rows = _read_rows(csv_path, [f["name"] for f in schema(package_path)["fields"]])
    resource = frictionless.Resource(
        path=csv_path.name,
        basepath=str(csv_path.parent),
        encoding="utf-8-sig",
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
        _check_counts(csv_path.name, rows)
        return
    ids = {number: (row[0] if row else "?") for number, row in enumerate(rows[1:], start=2)}
    fields = schema(package_path)["fields"]
    types = {f["name"]: f["type"] + (f"/{f['format']}" if "format" in f else "") for f in fields}
    lines = []
    for error in report.flatten(["type", "rowNumber", "fieldName", "note", "message", "cell"]):
        kind, row, field, note, message, cell = error
        if row is None:
            lines.append(_printable(f"{csv_path.name}: {message}"))
            continue
        event_id = ids.get(row, "?")
        column = f"column '{field}'" if field else "row"
        if kind == "row-constraint":
            note = "latitude and longitude are required except for " + ", ".join(allowed_blank)
        elif kind == "type-error" and types.get(field) in TYPE_WANTED:
            note = f"{cell!r} is not {TYPE_WANTED[types[field]]}"
        lines.append(_printable(f"{csv_path.name}, line {row} (event_id {event_id}), {column}: {note or message}"))
    raise DataError("\n".join(lines))


def _printable(text: str) -> str:
    """Text for a message: control characters from the file shown escaped, so each error stays one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _read_rows(csv_path: Path, fields: list[str]) -> list[list[str]]:
    """The file's rows (header first), after checking what frictionless reports poorly or not at all:
    bytes that are not UTF-8, an empty file, a header with missing, unknown or reordered columns, no rows."""
    import csv
    import io

    name = csv_path.name
    try:
        raw = csv_path.read_bytes()
    except OSError as error:
        raise DataError(f"{name} cannot be read: {error.strerror or error}.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        position = error.start - raw.rfind(b"\n", 0, error.start)
        raise DataError(
            f"{name}, line {line}: byte 0x{raw[error.start]:02x} at character {position} is not UTF-8; "
            "save the file with the UTF-8 encoding."
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise DataError(f"{name}, line {line}: a NUL character (byte 0x00) is not allowed in the file.")
    # strict: a quoted field left open or text after a closing quote is an error, not a guess
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = list(reader)  # blank rows kept, so numbers match frictionless' (which refuses them)
    except csv.Error as error:
        raise DataError(
            f"{name}, line {reader.line_num}: the quoting is broken ({error}); a field holding commas, quotes or "
            'line breaks must be wrapped in double quotes, with each quote inside it written twice ("").'
        ) from None
    if not any(rows):
        raise DataError(f"{name} is empty: it needs a header line and at least one row of events.")
    header = rows[0]
    missing = [f for f in fields if f not in header]
    unknown = [label for label in header if label not in fields]
    if missing:
        raise DataError(
            f"{name}: the header has no column {missing[0]!r}"
            + (f" (nor {', '.join(map(repr, missing[1:]))})" if len(missing) > 1 else "")
            + "; the columns must be: "
            + ", ".join(fields)
            + "."
        )
    if unknown:
        raise DataError(f"{name}: the header has a column {unknown[0]!r} that datapackage.json does not define.")
    if header != fields:
        raise DataError(f"{name}: the columns are out of order; they must be: " + ", ".join(fields) + ".")
    if not any(rows[1:]):
        raise DataError(f"{name} has a header but no events: the lessons need at least one row.")
    return rows


def _check_counts(name: str, rows: list[list[str]]) -> None:
    """Refuse counts too large for pandas' Int64 columns (frictionless accepts any size of integer)."""
    header = rows[0]
    for number, row in enumerate(rows[1:], start=2):
        for column in COUNT_COLUMNS:
            cell = row[header.index(column)].strip() if header.index(column) < len(row) else ""
            if cell.lstrip("+").isdigit() and int(cell) > MAX_COUNT:
                raise DataError(
                    f"{name}, line {number} (event_id {_printable(row[0])}), column {column!r}: {cell} is too large "
                    f"for a count (at most {MAX_COUNT})."
                )


def _validation_stamp(csv_path: Path, package_path: Path) -> Path:
    from importlib.metadata import version

    digest = hashlib.sha256(Path(csv_path).read_bytes() + Path(package_path).read_bytes())
    digest.update(version("frictionless").encode())
    # The checks themselves: a change to this module's rules must not leave old stamps in force.
    digest.update(Path(__file__).read_bytes())
    return CACHE_DIR / f"valid-{digest.hexdigest()[:32]}"


def validate_once(csv_path: Path = EVENTS_CSV, package_path: Path = DATAPACKAGE) -> None:
    """validate(), skipped when these exact file contents already passed these checks (this module's code
    and frictionless version)."""
    try:
        stamp = _validation_stamp(csv_path, package_path)
    except OSError:  # a missing file: validate() says which, in one sentence
        validate(csv_path, package_path)
        return
    if stamp.exists():
        return
    validate(csv_path, package_path)
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch()
    except OSError:  # a read-only home: validate every time instead
        pass


# The period lessons 00-04 and 06 study; lesson 05 asks for the 2023-2024 wave by name.
DEFAULT_PERIOD = "2017-2021"


def periods(path: Path = DATAPACKAGE) -> pd.DataFrame:
    """The periods the dataset covers (x-periods): one row per key, with start, end (dates), title and lessons."""
    table = pd.DataFrame.from_dict(_package(Path(path))["x-periods"], orient="index")
    for column in ["start", "end"]:
        table[column] = pd.to_datetime(table[column])
    return table


def load_events(
    csv_path: Path = EVENTS_CSV, package_path: Path = DATAPACKAGE, period: str | None = DEFAULT_PERIOD
) -> pd.DataFrame:
    """Validate events.csv against the schema and return the rows of one period (a key of x-periods, or
    None for every row), with dates, nullable counts and categoricals, sorted by date and event_id."""
    from . import params

    if period is not None:
        params.require_choice("period", period, list(_package(Path(package_path)).get("x-periods", {})))
    validate_once(csv_path, package_path)
    # Parsed by the same reader that checked it, so what passed is exactly what loads.
    rows = _read_rows(Path(csv_path), [f["name"] for f in schema(package_path)["fields"]])
    frame = pd.DataFrame(rows[1:], columns=rows[0], dtype=str)
    frame = frame.mask(frame == "")
    _convert(frame, "date", lambda v: pd.to_datetime(v, format="%Y-%m-%d", errors="coerce"), Path(csv_path).name)
    for column in ["latitude", "longitude"]:
        _convert(frame, column, lambda v: pd.to_numeric(v, errors="coerce"), Path(csv_path).name)
    for column in COUNT_COLUMNS:
        _convert(frame, column, lambda v: pd.to_numeric(v, errors="coerce"), Path(csv_path).name)
        frame[column] = frame[column].astype("Int64")
    for column in ["event_type", "actor", "attribution", "site", "country", "location_precision"]:
        frame[column] = pd.Categorical(frame[column], categories=field_enum(column, package_path))
    for column in ["notes", "province"]:
        frame[column] = frame[column].fillna("")
    if period is not None:
        span = periods(package_path).loc[period]
        frame = frame[(frame["date"] >= span["start"]) & (frame["date"] <= span["end"])]
    return frame.sort_values(["date", "event_id"], ignore_index=True)


def _convert(frame: pd.DataFrame, column: str, convert, name: str) -> None:
    """Convert a column in place; a value frictionless accepted but pandas cannot read is a DataError."""
    converted = convert(frame[column])
    lost = converted.isna() & frame[column].notna()
    if lost.any():
        row = int(lost.to_numpy().nonzero()[0][0])
        raise DataError(
            f"{name}, line {row + 2} (event_id {_printable(frame['event_id'].iloc[row])}), column {column!r}: "
            f"{frame[column].iloc[row]!r} cannot be read as {TYPE_WANTED['date' if column == 'date' else 'number']}."
        )
    frame[column] = converted


def published_counts(path: Path = DATAPACKAGE) -> pd.DataFrame:
    """Aggregate attack counts published by officials and news agencies, with their windows and sources."""
    table = pd.DataFrame(_package(Path(path))["x-published-counts"])
    for column in ["said_on", "start", "end"]:
        table[column] = pd.to_datetime(table[column])
    return table
