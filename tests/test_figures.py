"""Figure layout decisions that a student would otherwise meet as unreadable labels."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import titfortat as tt
from frames import make_events
from titfortat.figures import _away_from_neighbours

SAME_DAY = [
    ("2019-12-27", "rocket_attack", "k1", "kataib_hezbollah"),
    ("2019-12-29", "us_strike", "al_qaim", "united_states"),
    ("2020-01-03", "us_strike", "baghdad_airport", "united_states"),
    ("2020-01-03", "us_strike", "baghdad_airport", "united_states"),
    ("2020-01-04", "rocket_attack", "green_zone", "unknown"),
    ("2020-01-04", "rocket_attack", "balad", "unknown"),
]


def _trace(figure, name):
    return next(t for t in figure.data if t.name == name)


def test_ladder_rungs_on_the_same_day_share_one_label():
    rungs = tt.escalation_ladder(make_events(SAME_DAY), "soleimani", 12)
    figure = tt.figures.ladder(rungs, "test")
    assert list(_trace(figure, "US and allies").text) == ["2", "3, 4", ""]
    assert list(_trace(figure, "Militias and crowds").text) == ["1", "5, 6", ""]
    # all above their markers, so no label meets the labels of the row below
    assert {t.textposition for t in figure.data} == {"top center"}


def test_map_labels_sit_on_the_side_away_from_the_nearest_point():
    x, y = np.array([44.0, 44.1, 40.0]), np.array([33.0, 33.1, 36.0])
    # the first point has its neighbour to the north-east, so its label goes south-west, and vice versa
    assert _away_from_neighbours(x, y)[:2] == ["bottom left", "top right"]


def test_map_draws_countries_then_provinces_then_points():
    points = pd.DataFrame({"longitude": [44.4], "latitude": [33.3], "name": ["Baghdad"]})
    figure = tt.figures.base_map(points, "test")
    names = [t.name for t in figure.data]
    assert names[-2:] == ["Provinces of Iraq", ""]
    assert {"Iraq", "Syria", "Iran", "Turkey", "Jordan", "Saudi Arabia", "Kuwait"} <= set(names)
    provinces = _trace(figure, "Provinces of Iraq")
    assert sum(v is None for v in provinces.x) == sum(len(r) for r in tt.geography.provinces().values())


def test_province_map_shades_by_bin_and_points_at_provinces_too_small_for_their_number():
    counts = pd.Series({"Baghdad": 40, "Anbar": 3})
    figure = tt.figures.province_map(counts, "test", 43)
    fills = {t.text: t.fillcolor for t in figure.data if t.text}
    assert fills["Baghdad: 40"] == "#7f0000" and fills["Anbar: 3"] == "#fdd49e" and fills["Basra: 0"] == "#f7f7f7"
    notes = {a.text: a.showarrow for a in figure.layout.annotations if a.text and not a.text.startswith("Data:")}
    assert notes["Baghdad 40"] is True and notes["3"] is False
    # every bin in the legend, present or not, in order
    legend = sorted((t.legendrank, t.name) for t in figure.data if t.showlegend is not False)
    assert [name for _, name in legend] == ["none", "1-4", "5-9", "10-29", "30+"]


def test_milestone_labels_close_in_time_go_to_different_rows():
    from titfortat.figures import _label_rows

    dates = ["2019-12-27", "2020-01-03", "2020-06-11"]
    rows = _label_rows(dates, ["K-1 attack", "Soleimani killed", "Strategic dialogue"], "2017-01-01", "2020-12-31")
    assert rows[0] != rows[1]  # a week apart: the second would print over the first
    assert rows[2] == 0  # months later, back on the first row


def test_source_note_counts_the_events_a_chart_draws():
    def note(figure):
        return next(a.text for a in figure.layout.annotations if a.text.startswith("Data:"))

    months = pd.to_datetime(["2020-01-01", "2020-02-01"])
    monthly = pd.DataFrame({"rocket_attack": [2, 3], "ied_attack": [0, 1]}, index=months)
    assert "6 events" in note(tt.figures.monthly_bars(monthly, "t"))
    assert "9 events" in note(tt.figures.ranked_bars(pd.Series({"taji": 5, "balad": 4}), "t", "Attacks"))
    table = pd.DataFrame({"before": [3, 1], "after": [2, 0]}, index=["taji", "balad"])
    assert "6 attacks" in note(tt.figures.before_after_bars(table, "t", "2020-04-01"))  # its bars count attacks
    assert "2 events" in note(tt.figures.monthly_bars(monthly, "t", n_events=2))  # when told otherwise


def test_event_study_plot_names_each_line_and_never_prints_two_labels_at_one_point():
    study = pd.DataFrame(
        {
            "episode": ["29 Dec 2019 + 03 Jan 2020", "13 Mar 2020", "26 Feb 2021", "28 Jun 2021"],
            "before": [5, 4, 6, 5],
            "after": [10, 5, 5, 10],
        }
    )
    summary = pd.Series({"cases": 4, "mean_before": 5.0, "mean_after": 7.5, "mean_change": 2.5, "low": -1, "high": 6})
    figure = tt.figures.event_study_plot(study, summary, 30, "Did attacks rise? Yes", 144)
    names = [trace.name for trace in figure.data]
    assert names[:3] == ["29 Dec 2019 + 03 Jan 2020; 28 Jun 2021", "13 Mar 2020", "26 Feb 2021"]
    ends = [trace.text[1] for trace in figure.data[:3]]
    assert ends == ["29 Dec 2019 + 03 Jan 2020; 28 Jun 2021", "13 Mar 2020; 26 Feb 2021", ""]  # one label per end
    assert "+2.5 (90% interval -1.0 to +6.0)" in names[3]
    assert figure.layout.title.text.startswith("Did attacks rise?<br>Yes")
    assert "144 attacks" in next(a.text for a in figure.layout.annotations if a.text.startswith("Data:"))


def test_handover_map_names_the_bases_and_sizes_attacks_by_place():
    handed = pd.DataFrame(
        {
            "order": [1, 2],
            "date": pd.to_datetime(["2020-03-17", "2020-08-23"]),
            "site": ["al_qaim", "taji"],
            "latitude": [34.37, 33.53],
            "longitude": [41.14, 44.28],
        }
    )
    attacks = pd.DataFrame(
        {
            "event_id": ["a", "b", "c"],
            "site": ["taji", "taji", "balad"],
            "latitude": [33.53, 33.53, 33.93],
            "longitude": [44.28, 44.28, 44.37],
        }
    )
    figure = tt.figures.handover_map(handed, attacks, attacks.iloc[:0], "t", 3)
    labels = next(trace for trace in figure.data if trace.mode == "markers+text").text
    assert list(labels) == ["1 al-Qaim", "2 Taji"]
    before = next(trace for trace in figure.data if trace.name.startswith("Attacks before"))
    assert before.name.endswith("(3)") and sorted(c[1] for c in before.customdata) == [1, 2]
    assert "3 attacks" in next(a.text for a in figure.layout.annotations if a.text.startswith("Data:"))


def _source_note(figure):
    return next(a.text for a in figure.layout.annotations if a.text.startswith(("Data:", "Scores:")))


def test_timeline_draws_one_row_per_event_type_with_each_event_named_on_hover():
    rows = [
        ("2020-01-05", "rocket_attack", "taji", "unknown"),
        ("2020-01-20", "rocket_attack", "balad", "unknown"),
        ("2020-03-02", "rocket_attack", "taji", "kataib_hezbollah"),
        ("2020-03-03", "us_strike", "al_qaim", "united_states"),
    ]
    figure = tt.figures.timeline(make_events(rows), "t")
    points = {trace.name: len(trace.x) for trace in figure.data}
    assert points == {"Rocket or mortar attack": 3, "US air strike": 1}
    assert len({trace.marker.color for trace in figure.data}) == 2
    strike = _trace(figure, "US air strike")
    assert list(strike.customdata[0]) == ["event 3", "x"]  # the row's summary and source name
    assert tt.figures.describe(figure) == "Figure: Dot timeline of 4 events by type, 05 January 2020 to 03 March 2020."
    assert "4 events" in _source_note(figure)


def test_casualty_bars_draw_a_blank_toll_as_empty_and_say_so_on_hover():
    rungs = pd.DataFrame(
        {
            "rung": [1, 2, 3],
            "date": pd.to_datetime(["2019-12-27", "2019-12-29", "2020-01-08"]),
            "us_killed": pd.array([1, pd.NA, 0], dtype="Int64"),
            "other_killed": pd.array([0, 25, pd.NA], dtype="Int64"),
        }
    )
    figure = tt.figures.casualty_bars(rungs, "t")
    us, others = _trace(figure, "US killed"), _trace(figure, "Others killed")
    assert list(us.x) == ["1 (27 Dec)", "2 (29 Dec)", "3 (08 Jan)"]
    assert list(us.y) == [1, 0, 0] and list(others.y) == [0, 25, 0]
    assert (us.customdata[1], others.customdata[2], us.customdata[2]) == ("no toll reported", "no toll reported", 0)
    assert "26 killed in all" in tt.figures.describe(figure)


def test_casualty_bars_of_the_taji_cycle_open_with_the_deaths_the_coalition_reported(events):
    # CJTF-OIR, 12 Mar 2020: two US and one British service member killed at Camp Taji on 11 Mar
    figure = tt.figures.casualty_bars(tt.escalation_ladder(events, "taji", 12), "t")
    assert (_trace(figure, "US killed").y[0], _trace(figure, "Others killed").y[0]) == (2, 1)


def test_option_ranking_puts_the_best_option_on_top_with_its_score():
    ranked = tt.rank_options({"cost": 1})
    figure = tt.figures.option_ranking(ranked, "t")
    bars = figure.data[0]
    best = tt.response.OPTIONS[tt.response.STARTING_SCORES["cost"].idxmax()]
    assert bars.y[-1] == best and bars.x[-1] == 5  # drawn bottom-up: the last bar is the top one
    assert list(bars.x) == sorted(bars.x)
    assert figure.layout.xaxis.range == (0, 5.5)  # the whole 1-5 scale, whatever the weights
    assert tt.figures.describe(figure).endswith(f"best: {best} at 5.0.")
    assert _source_note(figure).startswith("Scores: the lesson's starting judgements, not data")


def test_describe_falls_back_to_the_title_and_colour_for_to_grey():
    assert tt.figures.describe(go.Figure(layout={"title": {"text": "A title"}})) == "Figure: A title"
    colours = [tt.figures.colour_for(kind) for kind in tt.figures.EVENT_TYPE_COLOURS]
    assert len(set(colours)) == len(colours)  # no two event types share a colour
    grey = tt.figures.OKABE_ITO["grey"]
    assert tt.figures.colour_for("no_such_key") == grey and grey not in colours
