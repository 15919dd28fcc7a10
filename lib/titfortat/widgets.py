"""ipywidgets controls that redraw a figure or table live. Each returns a widget box; the lessons
print a static figure beside it so they read well where widgets do not run."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from . import consolidation, cycle, figures, response, timeline


def _live_figure(fig: go.Figure) -> go.FigureWidget:
    widget = go.FigureWidget(fig)
    widget.layout.meta = fig.layout.meta
    return widget


def _replace(target: go.FigureWidget, fig: go.Figure) -> None:
    with target.batch_update():
        target.data = []
        target.add_traces(list(fig.data))
        target.layout = fig.layout


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
            chosen, by=group.value, start=f"{span.value[0]}-01-01", end=f"{span.value[1]}-12-31", top=7
        )
        return figures.monthly_bars(monthly, f"Events per month, {span.value[0]}-{span.value[1]}")

    plot = _live_figure(build())
    for control in (span, group):
        control.observe(lambda _: _replace(plot, build()), names="value")
    return widgets.VBox([widgets.HBox([span, group]), plot])


def ladder_explorer(events: pd.DataFrame, window_days: int) -> widgets.VBox:
    """A cycle menu and a window slider over the escalation ladder."""
    choice = widgets.ToggleButtons(options=list(cycle.CYCLES), value="soleimani", description="Cycle")
    window = widgets.IntSlider(value=window_days, min=1, max=cycle.MAX_WINDOW_DAYS, description="Days")

    def build():
        rungs = cycle.escalation_ladder(events, choice.value, window.value)
        return figures.ladder(rungs, f"{cycle.CYCLES[choice.value]['title']}: first {window.value} days")

    plot = _live_figure(build())
    for control in (choice, window):
        control.observe(lambda _: _replace(plot, build()), names="value")
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
        )

    plot = _live_figure(build())
    slider.observe(lambda _: _replace(plot, build()), names="value")
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

    plot = _live_figure(build())
    for slider in sliders.values():
        slider.observe(lambda _: _replace(plot, build()), names="value")
    return widgets.VBox([*sliders.values(), plot])
