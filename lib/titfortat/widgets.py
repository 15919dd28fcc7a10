"""ipywidgets controls that redraw a figure or table live. Each returns a widget box; the lessons
print a static figure beside it so they read well where widgets do not run."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from . import consolidation, cycle, figures, response, timeline


def _linked(controls: list, build) -> widgets.Output:
    """An output area showing build()'s figure, drawn again whenever one of the controls changes.

    A plain output area rather than plotly's FigureWidget: that one imports nbformat and jsonschema,
    which cost seconds per lesson here, and needs anywidget.
    """
    area = widgets.Output()

    def redraw(_change=None):
        area.clear_output(wait=True)
        with area:
            display(build())

    for control in controls:
        control.observe(redraw, names="value")
    redraw()
    return area


def monthly_explorer(events: pd.DataFrame, types: list[str]) -> widgets.VBox:
    """A year-range slider and a grouping menu over the attacks-per-month bars."""
    years = sorted(events["date"].dt.year.unique())
    span = widgets.IntRangeSlider(value=(years[0], years[-1]), min=years[0], max=years[-1], description="Years")
    group = widgets.Dropdown(
        options=[("event type", "event_type"), ("site", "site"), ("actor", "actor")],
        value="event_type",
        description="Colour by",
    )

    def build():
        chosen = timeline.between(timeline.of_types(events, types), f"{span.value[0]}-01-01", f"{span.value[1]}-12-31")
        monthly = timeline.events_per_month(
            chosen, by=group.value, start=f"{span.value[0]}-01-01", end=f"{span.value[1]}-12-31"
        )
        return figures.monthly_bars(monthly, f"Events per month, {span.value[0]}-{span.value[1]}", len(chosen))

    plot = _linked([span, group], build)
    return widgets.VBox([widgets.HBox([span, group]), plot])


def ladder_explorer(events: pd.DataFrame, window_days: int) -> widgets.VBox:
    """A cycle menu and a window slider over the escalation ladder."""
    choice = widgets.ToggleButtons(options=list(cycle.CYCLES), value="soleimani", description="Cycle")
    window = widgets.IntSlider(value=window_days, min=1, max=cycle.MAX_WINDOW_DAYS, description="Days")

    def build():
        rungs = cycle.escalation_ladder(events, choice.value, window.value)
        return figures.ladder(rungs, f"{cycle.CYCLES[choice.value]['title']}: first {window.value} days")

    plot = _linked([choice, window], build)
    return widgets.VBox([widgets.HBox([choice, window]), plot])


def cutoff_explorer(events: pd.DataFrame, cutoff, window_days: int) -> widgets.VBox:
    """A date slider for the consolidation cut-off over the before/after bars by region."""
    months = pd.date_range(*consolidation.CUTOFF_RANGE, freq="MS")
    options = [(f"{m:%b %Y}", m) for m in months]
    start = min(months, key=lambda m: abs(m - pd.Timestamp(cutoff)))
    slider = widgets.SelectionSlider(
        options=options, value=start, description="Cut-off", layout=widgets.Layout(width="500px")
    )

    def build():
        table = consolidation.before_after(events, slider.value, window_days, by="region")
        return figures.before_after_bars(
            table,
            f"Attacks by region, {window_days} days either side of {slider.value:%b %Y}",
            slider.value,
            len(events),
        )

    plot = _linked([slider], build)
    return widgets.VBox([slider, plot])


def decision_matrix(weights: dict) -> widgets.VBox:
    """One slider per criterion; the ranking of the response options updates as the weights move."""
    sliders = {
        key: widgets.IntSlider(
            value=int(weights.get(key, 1)),
            min=0,
            max=5,
            description=label,
            style={"description_width": "200px"},
            layout=widgets.Layout(width="420px"),
        )
        for key, label in response.CRITERIA.items()
    }

    def build():
        ranked = response.rank_options({k: s.value for k, s in sliders.items()})
        return figures.option_ranking(ranked, "Response options ranked by your weights")

    plot = _linked(list(sliders.values()), build)
    return widgets.VBox([*sliders.values(), plot])
