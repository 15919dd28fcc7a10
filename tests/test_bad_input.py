"""Broken data, hostile text, bad arguments and Ctrl-C: each ends in one clear sentence and leaves nothing behind."""

import csv
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import titfortat as tt
from titfortat import data, figures, params, rerun
from titfortat.data import DATAPACKAGE, EVENTS_CSV, DataError
from titfortat.params import ParameterError

HEADER = EVENTS_CSV.read_text(encoding="utf-8").splitlines()[0].split(",")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A private, empty validation cache."""
    folder = tmp_path / "cache"
    monkeypatch.setattr(data, "CACHE_DIR", folder)
    return folder


def _rows():
    with EVENTS_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _csv(rows) -> bytes:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    return text.getvalue().encode("utf-8")


def _copy(tmp_path, events: bytes, package: bytes | None = None) -> tuple[Path, Path]:
    (tmp_path / "events.csv").write_bytes(events)
    (tmp_path / "datapackage.json").write_bytes(DATAPACKAGE.read_bytes() if package is None else package)
    return tmp_path / "events.csv", tmp_path / "datapackage.json"


def _load_error(paths) -> str:
    with pytest.raises(DataError) as error:
        tt.load_events(*paths)
    return str(error.value)


def _digest(*folders: Path) -> dict:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for f in folders for p in sorted(f.rglob("*")) if p.is_file()}


# 1. Hostile text in the HTML we write (the browser test opens the pages: tests/browser/test_hostile_html.py)

HOSTILE = "</script><img src=x onerror=alert(2)><!--"


def test_figure_json_in_a_script_element_cannot_close_it_or_open_a_comment():
    text = rerun.script_json({"summary": HOSTILE, "list": ["&", "\u2028"]})
    assert "</" not in text and "<!--" not in text and "<" not in text
    assert json.loads(text) == {"summary": HOSTILE, "list": ["&", "\u2028"]}


def test_html_copy_escapes_the_figure_data_and_caption(tmp_path):
    import plotly.graph_objects as go

    figure = go.Figure(go.Scatter(x=[1], y=[2], text=[HOSTILE]), layout={"title": {"text": HOSTILE}})
    cell = nbformat.v4.new_code_cell(
        outputs=[
            nbformat.v4.new_output(
                "display_data", data={"application/vnd.plotly.v1+json": figure.to_plotly_json(), "text/plain": HOSTILE}
            )
        ]
    )
    path = tmp_path / "hostile.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)
    page = rerun.write_html(path).read_text(encoding="utf-8")
    assert HOSTILE not in page
    assert "<figcaption>&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&lt;!--</figcaption>" in page


# 2. Invalid UTF-8


def test_invalid_utf8_is_refused_with_its_line_and_not_cached_as_valid(tmp_path, cache):
    rows = _rows()
    raw = _csv(rows).replace(rows[3][0].encode(), rows[3][0].encode() + b"\xe9", 1)
    message = _load_error(_copy(tmp_path, raw))
    assert message.startswith("events.csv, line 4: byte 0xe9") and "UTF-8" in message
    assert not cache.exists() or list(cache.iterdir()) == []


def test_a_byte_order_mark_is_accepted(tmp_path, cache):
    frame = tt.load_events(*_copy(tmp_path, b"\xef\xbb\xbf" + EVENTS_CSV.read_bytes()), period=None)
    assert len(frame) == len(_rows()) - 1


# 3. Empty tables and frames


def test_a_header_without_rows_is_a_data_error(tmp_path, cache):
    message = _load_error(_copy(tmp_path, _csv(_rows()[:1])))
    assert message == "events.csv has a header but no events: the lessons need at least one row."


def test_an_empty_file_is_a_data_error(tmp_path, cache):
    assert _load_error(_copy(tmp_path, b"")).startswith("events.csv is empty")


def test_counting_functions_given_no_rows_return_empty_results(events):
    none = events.iloc[0:0]
    assert tt.attacks_per_month(none).empty and tt.events_per_month(none, by="site").empty
    assert tt.attacks_per_year(none).empty and tt.attacks_per_year(none).name == "attacks"
    assert tt.event_study(none, 14).empty
    summary = tt.mean_change(tt.event_study(none, 14))
    assert summary["cases"] == 0 and pd.isna(summary["mean_before"])
    assert len(tt.timeline.milestones(none)) == 0


def test_a_filtered_out_frame_gives_one_sentence_from_figures_that_need_rows(events):
    with pytest.raises(ParameterError, match=r"^Nothing matched: the timeline got no rows"):
        figures.timeline(tt.between(events, "2030-01-01", "2030-12-31"), "title")


def test_event_study_figure_draws_with_no_strikes(events):
    study = tt.event_study(events.iloc[0:0], 14)
    fig = figures.event_study_plot(study, tt.mean_change(study), 14, "title", 0)
    assert fig.layout.title.text


# 4. A missing column


def test_missing_column_is_named_first_in_one_sentence(tmp_path, cache):
    rows = _rows()
    gone = HEADER.index("us_wounded")
    message = _load_error(_copy(tmp_path, _csv([row[:gone] + row[gone + 1 :] for row in rows])))
    assert message.startswith("events.csv: the header has no column 'us_wounded';")
    assert "\n" not in message


def test_columns_out_of_order_are_refused_in_one_sentence(tmp_path, cache):
    rows = [[row[1], row[0], *row[2:]] for row in _rows()]
    message = _load_error(_copy(tmp_path, _csv(rows)))
    assert message.startswith("events.csv: the columns are out of order") and "\n" not in message


# 5. Empty cache variables


@pytest.mark.parametrize("variable", ["XDG_CACHE_HOME", "TITFORTAT_CACHE"])
def test_an_empty_cache_variable_counts_as_unset(monkeypatch, tmp_path, variable):
    monkeypatch.delenv("TITFORTAT_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(variable, "")
    assert data._cache_dir() == tmp_path / ".cache" / "titfortat"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # invalid by the XDG spec, ignored too
    assert data._cache_dir() == tmp_path / ".cache" / "titfortat"


def test_loading_with_empty_cache_variables_writes_nothing_in_the_current_folder(tmp_path):
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME="", TITFORTAT_CACHE="")
    code = "import titfortat as tt; tt.load_events()"
    subprocess.run([sys.executable, "-c", code], cwd=work, env=env, check=True, timeout=120)
    assert list(work.iterdir()) == []
    assert len(list((home / ".cache" / "titfortat").glob("valid-*"))) == 1


# 6. Ctrl-C during a rerun


def _tagged(tag: str) -> list[int]:
    """Processes (workers, kernels) whose environment carries tag."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and f"TITFORTAT_TEST_TAG={tag}".encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            pass
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc to find leftover kernels")
def test_ctrl_c_cancels_queued_notebooks_stops_kernels_and_prints_what_finished(tmp_path):
    before = _digest(rerun.NOTEBOOKS, rerun.ROOT / "data")
    out, tag = tmp_path / "out", uuid.uuid4().hex
    env = dict(os.environ, TITFORTAT_TEST_TAG=tag, TITFORTAT_CACHE=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "titfortat.rerun", "00", "01", "02", "--jobs", "1", "--out", str(out)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 90
    while not (out / "00_start_here.html").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)  # lesson 01 is under way
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    # The kernel may log that its shutdown interrupted it; no Python traceback may reach the user.
    assert "Traceback (most recent call last)" not in stderr, stderr
    lines = stdout.splitlines()
    assert lines[1].split()[0] == "00_start_here" and lines[1].endswith("ok")
    assert lines[-1].startswith("Interrupted: 1 of 3 runs finished")
    assert sorted(p.name for p in out.iterdir()) == ["00_start_here.html", "00_start_here.ipynb"]
    deadline = time.monotonic() + 15
    while _tagged(tag) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _tagged(tag) == []
    assert _digest(rerun.NOTEBOOKS, rerun.ROOT / "data") == before


def test_naming_a_notebook_twice_runs_it_once():
    assert [p.stem for p in rerun.find_notebooks(["00", "00_start_here"])] == ["00_start_here"]


# 7. Messages that were not one clear sentence


def _with_cell(row: int, column: str, value: str) -> bytes:
    rows = _rows()
    rows[row][HEADER.index(column)] = value
    return _csv(rows)


def test_a_count_too_large_for_pandas_names_line_column_and_value(tmp_path, cache):
    message = _load_error(_copy(tmp_path, _with_cell(4, "us_killed", "1" + "0" * 24)))
    assert message.startswith("events.csv, line 5 (event_id ") and "column 'us_killed'" in message
    assert "1" + "0" * 24 + " is too large for a count" in message


def test_broken_datapackage_json_names_the_file_and_position(tmp_path, cache):
    message = _load_error(_copy(tmp_path, EVENTS_CSV.read_bytes(), DATAPACKAGE.read_bytes()[:15]))
    assert message.startswith("datapackage.json is not valid JSON: ") and "(line 2, column" in message


def test_an_impossible_date_shows_the_value_and_the_form_wanted(tmp_path, cache):
    message = _load_error(_copy(tmp_path, _with_cell(4, "date", "2020-02-30")))
    assert "column 'date': '2020-02-30' is not a real calendar date written YYYY-MM-DD" in message


def test_a_repeated_list_item_is_called_a_duplicate():
    with pytest.raises(ParameterError, match=r"lists 'rocket_attack' more than once.*no duplicates"):
        tt.parameters("01", start="2020-01-01", end="2020-12-31", event_types="rocket_attack,rocket_attack")


@pytest.mark.parametrize("window", [0, -5, 1.5, True])
@pytest.mark.parametrize(
    "call",
    [
        lambda ev, w: tt.compare_cycles(ev, w),
        lambda ev, w: tt.event_study(ev, w),
        lambda ev, w: tt.before_after(ev, "2020-03-01", w),
    ],
    ids=["compare_cycles", "event_study", "before_after"],
)
def test_library_functions_refuse_a_window_below_one_day(events, call, window):
    with pytest.raises(ParameterError, match=rf"^Parameter 'window_days' got {window!r}; allowed: a whole number"):
        call(events, window)


@pytest.mark.parametrize("window", [-5, 1.5, True])
def test_a_ladder_refuses_a_negative_or_fractional_window(events, window):
    with pytest.raises(ParameterError, match=rf"^Parameter 'window_days' got {window!r}; allowed: a whole number"):
        tt.escalation_ladder(events, "taji", window)


def test_a_ladder_of_zero_days_is_the_opening_day_alone(events):
    rungs = tt.escalation_ladder(events, "taji", 0)
    assert set(rungs["day"]) == {0} and (rungs["event_id"] == "2020-03-11-taji-rocket").any()


def test_an_unknown_cycle_is_named_with_the_cycles_allowed(events):
    with pytest.raises(ParameterError, match=r"^Parameter 'cycle' got 'nosuchcycle'; allowed: one of soleimani"):
        tt.escalation_ladder(events, "nosuchcycle", 14)


def test_an_unknown_grouping_in_before_after_is_refused(events):
    with pytest.raises(ParameterError, match=r"^Parameter 'by' got 'x'; allowed: one of site, region"):
        tt.before_after(events, "2020-03-01", 90, by="x")


@pytest.mark.parametrize(
    "weights, expected",
    [
        ({"nosuchcriterion": 1}, "has an unknown criterion 'nosuchcriterion'"),
        ({"cost": -1}, "gives 'cost' the weight -1"),
        ({"cost": float("nan")}, "gives 'cost' the weight nan"),
        ({"cost": "high"}, "gives 'cost' the weight 'high'"),
    ],
)
def test_rank_options_refuses_unknown_criteria_and_bad_weights(weights, expected):
    with pytest.raises(ParameterError, match="^Parameter 'weights' " + expected):
        tt.rank_options(weights)


def test_rank_options_still_ranks_with_valid_weights():
    ranked = tt.rank_options({"cost": 1, "deterrence": 0})
    assert ranked.index[0] == tt.response.STARTING_SCORES["cost"].idxmax()


def test_require_positive_accepts_whole_numbers_from_one():
    assert params.require_positive("n", 1) == 1
    assert params.require_positive("n", 10**6) == 10**6


# 8. The validation cache key includes the checks


def test_changing_the_validation_code_changes_the_stamp(tmp_path, monkeypatch):
    stamp = data._validation_stamp(EVENTS_CSV, DATAPACKAGE)
    edited = tmp_path / "data.py"
    edited.write_text(Path(data.__file__).read_text(encoding="utf-8") + "\n# a new rule\n", encoding="utf-8")
    monkeypatch.setattr(data, "__file__", str(edited))
    assert data._validation_stamp(EVENTS_CSV, DATAPACKAGE) != stamp


def test_bibliography_shows_hostile_outlet_names_and_urls_as_text(events):
    from titfortat.sources import bibliography

    row = events.iloc[[0]].assign(source_name="<script>alert(1)</script>", source_url="https://x.org/a b>c<d")
    text = bibliography(row)
    assert "<script>" not in text and "## &lt;script&gt;alert(1)&lt;/script&gt; (1)" in text
    assert "- <https://x.org/a%20b%3Ec%3Cd>: `" in text


def test_make_sources_on_broken_data_prints_the_sentence_and_writes_nothing(tmp_path):
    before = _digest(rerun.ROOT / "docs")
    _copy(tmp_path, _csv(_rows()[:1]))
    env = dict(os.environ, TITFORTAT_DATA=str(tmp_path), TITFORTAT_CACHE=str(tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, "-m", "titfortat.sources"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert done.stderr.strip() == "DataError: events.csv has a header but no events: the lessons need at least one row."
    assert _digest(rerun.ROOT / "docs") == before


def test_an_unknown_lesson_is_named_with_the_lessons_allowed():
    with pytest.raises(
        ParameterError, match=r"^Parameter 'lesson' got '99'; allowed: one of 00, 01, 02, 03, 04, 05, 06\.$"
    ):
        tt.parameters("99")


def test_control_characters_from_the_file_are_escaped_so_each_error_is_one_line(tmp_path, cache):
    message = _load_error(_copy(tmp_path, _with_cell(4, "event_id", "bad\x0bid\u2028")))
    assert "(event_id bad\\x0bid\\u2028), column 'event_id'" in message
    assert len(message.splitlines()) == message.count("\n") + 1


def test_a_source_url_that_is_not_a_web_address_says_what_is_wanted(tmp_path, cache):
    message = _load_error(_copy(tmp_path, _with_cell(4, "source_url", "not a url")))
    assert "column 'source_url': 'not a url' is not a full web address such as https://" in message
