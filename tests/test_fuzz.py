"""Property-based tests: randomly broken CSVs and random parameter values end in a valid frame or result,
or in a DataError / ParameterError naming the line, column or parameter. Nothing else may escape.

A short, repeatable run is part of `make test`; `make fuzz` runs the long random one (marker fuzz_long)."""

import csv
import io
import re
import tempfile
from pathlib import Path

import pandas as pd
import pytest
import titfortat as tt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from titfortat import data, params, rerun
from titfortat.data import DATAPACKAGE, EVENTS_CSV, DataError
from titfortat.params import ParameterError

# No example database, and Hypothesis' caches under the ignored build/: a run adds nothing to the tree.
set_hypothesis_home_dir(rerun.ROOT / "build" / "hypothesis")
SHORT = settings(
    max_examples=60, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
LONG = settings(max_examples=600, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

with EVENTS_CSV.open(encoding="utf-8", newline="") as _handle:
    ROWS = list(csv.reader(_handle))[:13]  # the header and 12 events: enough to break, quick to validate
WIDTH = len(ROWS[0])

# Cell values that broke loaders before or sit at a type's edges, beside arbitrary text.
TRICKY = [
    "", " ", "-1", "1.5", "1e400", "NaN", "inf", "1_000", "+3", " 7 ", "0x10", "99999999999999999999999",
    "2020-02-30", "2020-1-5", "2020-01-05T10:00", "20200105", '"', ",", "\n", "\r\n", "\x00", "\ufeff",
    "</script>", "None", "NA", "TRUE", "javascript:alert(1)", "http://", "é", "\u2028", "\x0b", "\x1c", "\x85",
]  # fmt: skip
cells = st.sampled_from(TRICKY) | st.text(max_size=12)
row_index = st.integers(1, len(ROWS) - 1)
column_index = st.integers(0, WIDTH - 1)

table_edits = st.one_of(
    st.tuples(st.just("cell"), row_index, column_index, cells),
    st.tuples(st.just("drop_column"), column_index),
    st.tuples(st.just("swap_columns"), column_index, column_index),
    st.tuples(st.just("drop_row"), row_index),
    st.tuples(st.just("duplicate_row"), row_index),
    st.tuples(st.just("short_row"), row_index, st.integers(0, WIDTH - 1)),
)
byte_edits = st.one_of(
    st.tuples(st.just("insert"), st.floats(0, 1), st.binary(min_size=1, max_size=4)),
    st.tuples(st.just("truncate"), st.floats(0, 1)),
)

LINE = re.compile(r"^events\.csv(, line \d+[ :]|: | is empty| has a header| cannot be read)")


def _apply(table_changes, byte_changes) -> bytes:
    rows = [list(row) for row in ROWS]
    for change in table_changes:
        kind, *args = change
        if kind == "cell" and args[0] < len(rows) and args[1] < len(rows[args[0]]):
            rows[args[0]][args[1]] = args[2]
        elif kind == "drop_column":
            rows = [row[: args[0]] + row[args[0] + 1 :] for row in rows]
        elif kind == "swap_columns":
            for row in rows:
                if max(args) < len(row):
                    row[args[0]], row[args[1]] = row[args[1]], row[args[0]]
        elif kind == "drop_row" and args[0] < len(rows):
            del rows[args[0]]
        elif kind == "duplicate_row" and args[0] < len(rows):
            rows.insert(args[0], list(rows[args[0]]))
        elif kind == "short_row" and args[0] < len(rows):
            rows[args[0]] = rows[args[0]][: args[1]]
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    raw = text.getvalue().encode("utf-8")
    for kind, where, *rest in byte_changes:
        cut = int(where * len(raw))
        raw = raw[:cut] + rest[0] + raw[cut:] if kind == "insert" else raw[:cut]
    return raw


def _check_loader(table_changes, byte_changes):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        (folder / "events.csv").write_bytes(_apply(table_changes, byte_changes))
        (folder / "datapackage.json").write_bytes(DATAPACKAGE.read_bytes())
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(data, "CACHE_DIR", folder / "cache")
            try:
                frame = tt.load_events(folder / "events.csv", folder / "datapackage.json")
            except DataError as error:
                lines = str(error).splitlines()
                assert lines and all(LINE.match(line) for line in lines), str(error)
                return
    assert len(frame) >= 1 and frame["event_id"].is_unique
    assert str(frame["date"].dtype).startswith("datetime64") and str(frame["us_killed"].dtype) == "Int64"
    assert isinstance(frame["event_type"].dtype, pd.CategoricalDtype) and frame["event_type"].notna().all()


@SHORT
@given(st.lists(table_edits, max_size=3), st.lists(byte_edits, max_size=1))
def test_a_broken_csv_loads_or_raises_a_data_error_naming_where(table_changes, byte_changes):
    _check_loader(table_changes, byte_changes)


@pytest.mark.fuzz_long
@LONG
@given(st.lists(table_edits, max_size=5), st.lists(byte_edits, max_size=2))
def test_a_broken_csv_loads_or_raises_a_data_error_naming_where_long(table_changes, byte_changes):
    _check_loader(table_changes, byte_changes)


def test_the_unbroken_sample_loads():
    _check_loader([], [])


# Parameters: every lesson's, each either its default or a random value of any type.

LESSONS = {path.stem[:2]: rerun.notebook_parameters(path) for path in rerun.find_notebooks([])}
anything = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=15)
    | st.dates()
    | st.dates().map(str)
    | st.sampled_from(["taji", "rocket_attack", "k1", "2020-01-01", "rocket_attack,rocket_attack", "soleimani"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=2),
    max_leaves=6,
)


@st.composite
def lesson_values(draw):
    lesson = draw(st.sampled_from(sorted(LESSONS)))
    values = {name: draw(st.just(default) | anything) for name, default in LESSONS[lesson].items()}
    return lesson, values


def _check_parameters(lesson, values):
    try:
        cleaned = tt.parameters(lesson, **values)
    except ParameterError as error:
        changed = [name for name, value in values.items() if value != LESSONS[lesson][name]]
        assert str(error).startswith("Parameter '") and any(f"'{name}'" in str(error) for name in changed), str(error)
        assert "\n" not in str(error)
        return
    assert set(cleaned) == set(values)


def _check_guards(window, weights):
    for call in [lambda: params.require_positive("window_days", window), lambda: tt.rank_options(weights)]:
        try:
            call()
        except ParameterError as error:
            assert re.match(r"^Parameter '(window_days|weights)' ", str(error)), str(error)


@SHORT
@given(lesson_values())
def test_random_parameter_values_are_accepted_or_refused_naming_the_parameter(case):
    _check_parameters(*case)


@pytest.mark.fuzz_long
@LONG
@given(lesson_values())
def test_random_parameter_values_are_accepted_or_refused_naming_the_parameter_long(case):
    _check_parameters(*case)


@SHORT
@given(anything, st.dictionaries(st.sampled_from(["cost", "deterrence", "x"]), anything, max_size=3) | anything)
def test_library_guards_accept_or_refuse_naming_the_argument(window, weights):
    _check_guards(window, weights)


@pytest.mark.fuzz_long
@LONG
@given(anything, st.dictionaries(st.sampled_from(["cost", "deterrence", "x"]), anything, max_size=3) | anything)
def test_library_guards_accept_or_refuse_naming_the_argument_long(window, weights):
    _check_guards(window, weights)
