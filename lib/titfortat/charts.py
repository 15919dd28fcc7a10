"""The charts: each takes a table from the analyses and returns a finished Figure (see style); the two
before-and-after comparisons are in before_after_charts."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from . import params
from .style import EVENT_TYPE_COLOURS, OKABE_ITO, SIDE_COLOURS, Figure, _finish, colour_for
from .world import SIDE_ORDER, label_for


def monthly_bars(
    monthly: pd.DataFrame, title: str, marks: pd.DataFrame | None = None, n_events: int | None = None
) -> Figure:
    """Stacked bars of counts per month (columns are categories); optional dotted lines at key events.
    A table from timeline.events_per_week (its index named "week") gives bars per week instead.

    The source note counts the events in the bars unless n_events says otherwise; so do the others here.

    Parameters
    ----------
    monthly : DataFrame
        A per-month count table (events_per_month()).
    title : str
        The figure's title.
    marks : DataFrame or None
        Lines to draw: columns date and label (milestones()).
    n_events : int or None
        The events the source note counts (default: the total drawn).

    Returns
    -------
    Figure
        Stacked bars, one trace per column.
    """
    weekly = monthly.index.name == "week"
    fig = Figure()
    # Vocabulary keys keep their colours; other categories (sites, actors) take the palette in turn.
    spare = iter(c for c in OKABE_ITO.values() if c not in {OKABE_ITO["grey"], OKABE_ITO["dark_grey"]})
    for column in monthly.columns:
        known = column in EVENT_TYPE_COLOURS or column in SIDE_COLOURS or column == "other"
        fig.add_bar(
            x=monthly.index,
            y=monthly[column],
            name=label_for(column),
            marker_color=colour_for(column) if known else next(spare, OKABE_ITO["grey"]),
            hovertemplate=("Week of %{x|%d %b %Y}" if weekly else "%{x|%b %Y}")
            + ": %{y}<extra>"
            + label_for(column)
            + "</extra>",
        )
    # Date labels a little lower: the first month's would otherwise touch the y axis's "0".
    fig.update_layout(barmode="stack", bargap=0.1, xaxis_ticklabelstandoff=8)
    if marks is not None and len(marks):
        rows = _label_rows(marks["date"], marks["label"], monthly.index.min(), monthly.index.max())
        fig.update_layout(margin={"t": 110 + 22 * max(rows)})
        for row, (_, mark) in zip(rows, marks.iterrows()):
            fig.add_vline(x=mark["date"], line_dash="dot", line_color=OKABE_ITO["grey"])
            fig.add_annotation(
                x=mark["date"],
                y=1.0,
                yshift=8 + 20 * row,
                yref="paper",
                text=mark["label"],
                showarrow=False,
                font={"size": 10},
                xanchor="left",
                yanchor="bottom",
            )
    peak = monthly.sum(axis=1)
    if weekly:
        description = (
            (
                f"Stacked bars of events per week (Monday to Sunday) from the week of {monthly.index.min():%d %B %Y} "
                f"to that of {monthly.index.max():%d %B %Y}; the busiest is the week of {peak.idxmax():%d %B %Y} "
                f"with {int(peak.max())}."
            )
            if len(peak)
            else title
        )
    else:
        description = (
            (
                f"Stacked bars of events per month from {monthly.index.min():%B %Y} to {monthly.index.max():%B %Y}; "
                f"the busiest month is {peak.idxmax():%B %Y} with {int(peak.max())}."
            )
            if len(peak)
            else title
        )
    n = int(monthly.to_numpy().sum()) if n_events is None else n_events
    unit = "week" if weekly else "month"
    axis = "Week (starting Monday)" if weekly else "Month"
    return _finish(fig, title, axis, f"Events per {unit} (count)", n, description)


def _label_rows(dates, labels, start, end, width_px: float = 620, char_px: float = 6.2) -> list[int]:
    """A row for each label above a time axis, the lowest where it clears the labels already placed.

    Widths are estimates (plot width and font size in pixels), generous enough for the lessons' figures.
    """
    span = max((pd.Timestamp(end) - pd.Timestamp(start)).days, 1)
    right_edges: list[float] = []  # per row, where the last label placed in it ends
    rows = []
    for date, label in zip(dates, labels):
        left = (pd.Timestamp(date) - pd.Timestamp(start)).days / span * width_px
        row = next((i for i, edge in enumerate(right_edges) if left > edge + 8), len(right_edges))
        if row == len(right_edges):
            right_edges.append(0.0)
        right_edges[row] = left + char_px * len(label)
        rows.append(row)
    return rows


def ranked_bars(
    counts: pd.Series, title: str, x_label: str, n_events: int | None = None, colour: str = OKABE_ITO["vermillion"]
) -> Figure:
    """Horizontal bars of a count per category, largest at the top.

    Parameters
    ----------
    counts : Series
        A count per category (count_by()).
    title : str
        The figure's title.
    x_label : str
        The count's axis title, with its unit.
    n_events : int or None
        The events the source note counts (default: the total drawn).
    colour : str
        The bars' colour.

    Returns
    -------
    Figure
        One horizontal bar trace.
    """
    counts = counts.sort_values()
    fig = Figure(
        go.Bar(
            x=counts.values,
            y=[label_for(i) for i in counts.index],
            orientation="h",
            marker_color=colour,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    top, most = (counts.index[-1], int(counts.max())) if len(counts) else ("none", 0)
    description = f"Horizontal bars, one per category; the largest is {label_for(top)} with {most}."
    n = int(counts.sum()) if n_events is None else n_events
    return _finish(fig, title, x_label, "", n, description, height=max(320, 28 * len(counts) + 160))


def timeline(events: pd.DataFrame, title: str) -> Figure:
    """Every event as a dot on a time axis, one row per event type, hover naming the event and its source.

    Parameters
    ----------
    events : DataFrame
    title : str
        The figure's title.

    Returns
    -------
    Figure
        One marker trace per event type.
    """
    params.require_rows(events, "the timeline")
    fig = Figure()
    for kind, rows in events.groupby("event_type", observed=True):
        fig.add_scatter(
            x=rows["date"],
            y=[label_for(kind)] * len(rows),
            mode="markers",
            name=label_for(kind),
            marker={"color": colour_for(kind), "size": 9, "line": {"width": 0.5, "color": "white"}},
            customdata=rows[["summary", "source_name"]].to_numpy(),
            hovertemplate="%{x|%d %b %Y}<br>%{customdata[0]}<br>Source: %{customdata[1]}<extra></extra>",
        )
    first, last = events["date"].min(), events["date"].max()
    description = f"Dot timeline of {len(events)} events by type, {first:%d %B %Y} to {last:%d %B %Y}."
    fig.update_layout(showlegend=False)
    return _finish(fig, title, "Date", "Event type", len(events), description)


def ladder(rungs: pd.DataFrame, title: str) -> Figure:
    """The escalation ladder: each rung a marker at its date, one row per side, sized by the dead.

    Parameters
    ----------
    rungs : DataFrame
    title : str
        The figure's title.

    Returns
    -------
    Figure
        One marker trace per side present, rows in SIDE_ORDER from the top.
    """
    fig = Figure()
    for side, rows in rungs.groupby("side", observed=True):
        # Rungs on the same day share one label ("9, 10, 11") instead of printing over each other.
        # Every label sits above its marker: a label below would meet the next row's labels.
        day = rows["date"].dt.normalize()
        first = ~day.duplicated()
        same_day = rows.groupby(day)["rung"].agg(lambda r: ", ".join(map(str, r)))
        labels = [same_day[d] if f else "" for d, f in zip(day, first)]
        fig.add_scatter(
            x=rows["date"],
            y=[side] * len(rows),
            mode="markers+text",
            name=side,
            text=labels,
            textposition="top center",
            cliponaxis=False,  # a big top-row marker lifts its label above the plot area; keep it whole
            marker={
                "color": colour_for(side),
                "size": 12 + 2 * rows["killed"].fillna(0).clip(upper=15).astype(float),
                "symbol": "diamond",
                "line": {"width": 1, "color": "white"},
            },
            customdata=rows[["event_type", "summary", "source_name", "rung"]].to_numpy(),
            hovertemplate="Rung %{customdata[3]}, %{x|%d %b %Y}<br>%{customdata[0]}<br>%{customdata[1]}"
            "<br>Source: %{customdata[2]}<extra></extra>",
        )
    sides = SIDE_ORDER[::-1]  # the first side on top
    fig.update_yaxes(categoryorder="array", categoryarray=sides, range=[-0.6, len(sides) - 0.4])
    last_day = int(rungs["day"].max()) if len(rungs) else 0
    description = (
        f"Escalation ladder of {len(rungs)} events from the opening attack (day 0) to day {last_day}, "
        "one row per side, marker size growing with the number killed."
    )
    return _finish(fig, title, "Date", "Who acted", len(rungs), description, height=420)


def casualty_bars(rungs: pd.DataFrame, title: str) -> Figure:
    """US and other deaths per rung of a ladder, as grouped bars (wounded are in the ladder's table: a
    hundred brain injuries would flatten every death on the same axis).

    Parameters
    ----------
    rungs : DataFrame
    title : str
        The figure's title.

    Returns
    -------
    Figure
        Two bar traces: US killed and others killed.
    """
    fig = Figure()
    labels = [f"{r} ({d:%d %b})" for r, d in zip(rungs["rung"], rungs["date"])]
    for column, name, colour in [
        ("us_killed", "US killed", OKABE_ITO["blue"]),
        ("other_killed", "Others killed", OKABE_ITO["vermillion"]),
    ]:
        fig.add_bar(
            x=labels,
            y=rungs[column].fillna(0).astype(int),
            name=name,
            marker_color=colour,
            customdata=rungs[column].astype("object").where(rungs[column].notna(), "no toll reported").to_numpy(),
            hovertemplate="%{x}: %{customdata}<extra>" + name + "</extra>",
        )
    fig.update_layout(barmode="group")
    total = int(rungs[["us_killed", "other_killed"]].fillna(0).to_numpy().sum())
    description = (
        f"Grouped bars of deaths for each of {len(rungs)} rungs; {total} killed in all (where no toll is "
        "reported the bar is empty)."
    )
    return _finish(fig, title, "Rung (date)", "People killed (count)", len(rungs), description)


def option_ranking(ranked: pd.DataFrame, title: str) -> Figure:
    """Horizontal bars of the options' weighted scores, best on top.

    Parameters
    ----------
    ranked : DataFrame
        A rank_options() result: columns option and score.
    title : str
        The figure's title.

    Returns
    -------
    Figure
        One horizontal bar trace; the note says the scores are judgements, not data.
    """
    ordered = ranked.sort_values("score")
    fig = Figure(
        go.Bar(
            x=ordered["score"],
            y=ordered["option"],
            orientation="h",
            marker_color=OKABE_ITO["blue"],
            text=ordered["score"],
            textposition="outside",
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_xaxes(range=[0, 5.5])
    best = ranked.iloc[0]
    description = (
        f"Bars of the weighted score (1 to 5) of {len(ranked)} options; best: {best['option']} at {best['score']}."
    )
    return _finish(
        fig,
        title,
        "Weighted score (1 = poor, 5 = good)",
        "",
        len(ranked),
        description,
        height=360,
        note="Scores: the lesson's starting judgements, not data; change them and the weights.",
        margin={"l": 260},
    )
