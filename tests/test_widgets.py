"""The widgets' controls redraw their figure for the new settings (driven as a notebook's observers
drive them, by setting a control's value; no browser)."""

import pandas as pd
import titfortat as tt
from frames import make_events
from titfortat import response

ATTACK_ROWS = [
    ("2019-03-10", "rocket_attack", "taji", "unknown"),
    ("2020-01-05", "rocket_attack", "taji", "unknown"),
    ("2020-01-20", "rocket_attack", "balad", "unknown"),
    ("2020-02-11", "ied_attack", "taji", "unknown"),
    ("2020-05-02", "us_strike", "al_qaim", "united_states"),
    ("2021-06-01", "rocket_attack", "balad", "unknown"),
]


def _bars_total(plot, name_starts=""):
    return sum(
        sum(trace.x if trace.orientation == "h" else trace.y)
        for trace in plot.data
        if trace.name.startswith(name_starts)
    )


def test_monthly_explorer_redraws_for_the_years_and_grouping_chosen():
    box = tt.widgets.monthly_explorer(make_events(ATTACK_ROWS), ["rocket_attack", "ied_attack"])
    (span, group), plot = box.children[0].children, box.children[1]
    assert plot.layout.title.text == "Events per month, 2019-2021"
    assert _bars_total(plot) == 5  # the US strike is not one of the chosen types
    span.value = (2020, 2020)
    assert plot.layout.title.text == "Events per month, 2020-2020"
    assert _bars_total(plot) == 3 and len(plot.data[0].x) == 12
    group.value = "site"
    assert {trace.name for trace in plot.data} == {"Taji", "Balad"}
    assert _bars_total(plot, "Taji") == 2 and _bars_total(plot) == 3


def test_cutoff_explorer_moves_the_windows_with_the_slider():
    rows = [
        ("2020-03-15", "rocket_attack", "green_zone", "unknown", {"province": "Baghdad"}),
        ("2020-04-10", "rocket_attack", "green_zone", "unknown", {"province": "Baghdad"}),
        ("2020-04-20", "ied_attack", "babil", "unknown", {"province": "Babil"}),
    ]
    box = tt.widgets.cutoff_explorer(make_events(rows), "2020-04-01", 30)
    slider, plot = box.children
    assert (_bars_total(plot, "Before"), _bars_total(plot, "From")) == (1, 2)
    slider.value = pd.Timestamp("2020-05-01")
    assert plot.layout.title.text == "Attacks by region, 30 days either side of May 2020"
    assert (_bars_total(plot, "Before"), _bars_total(plot, "From")) == (2, 0)


def test_ladder_explorer_redraws_the_chosen_cycle_and_window(events):
    box = tt.widgets.ladder_explorer(events, 12)
    (choice, window), plot = box.children[0].children, box.children[1]
    choice.value, window.value = "erbil", 14
    assert plot.layout.title.text == "The Erbil cycle, February - March 2021: first 14 days"
    dates = sorted(pd.Timestamp(x) for trace in plot.data for x in trace.x)
    # Erbil airport was hit on 15 Feb 2021 (UPI); the strike in Syria came on day 11 (Department of Defense)
    assert dates[0] == pd.Timestamp("2021-02-15") and dates[-1] <= pd.Timestamp("2021-03-01")
    in_window = events[(events["date"] >= "2021-02-15") & (events["date"] <= "2021-03-01")]
    assert len(dates) == len(in_window)


def test_decision_matrix_puts_the_best_option_on_the_weighted_criterion_on_top():
    box = tt.widgets.decision_matrix({"escalation_risk": 2, "sovereignty": 1, "deterrence": 2, "cost": 1})
    *sliders, plot = box.children
    by_criterion = dict(zip(response.CRITERIA, sliders))
    for criterion in ["deterrence", "cost"]:  # the two with a single best option in the starting scores
        by_criterion[criterion].value = 5
        for other, slider in by_criterion.items():
            if other != criterion:
                slider.value = 0
        best = response.STARTING_SCORES[criterion].idxmax()
        assert plot.data[0].y[-1] == response.OPTIONS[best], criterion  # bars run best-last, drawn on top
        assert plot.data[0].x[-1] == response.STARTING_SCORES.loc[best, criterion]
