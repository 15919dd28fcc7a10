"""Before-and-after charts: attacks either side of a cut-off (lesson 03) and around US strike episodes
(lessons 04 and 05); each takes the analysis's table and returns a finished Figure (see style)."""

from __future__ import annotations

import pandas as pd

from .style import OKABE_ITO, Figure, _finish
from .world import label_for


def before_after_bars(table: pd.DataFrame, title: str, cutoff, n_events: int | None = None) -> Figure:
    """Paired horizontal bars of attacks before and after a cutoff, per site or region, first row on top.

    Horizontal so that place names read in full, however long.

    Parameters
    ----------
    table : DataFrame
        A before_after() result: columns before, after (and handed_over with by="site").
    title : str
        The figure's title.
    cutoff : date-like
        The cut-off, for the legend.
    n_events : int or None
        The events the source note counts (default: the total drawn).

    Returns
    -------
    Figure
        Two horizontal bar traces; the note counts attacks.
    """
    fig = Figure()
    handed_over = table.get("handed_over", pd.Series(False, table.index))
    labels = [label_for(i) + (" (handed over)" if handed_over[i] else "") for i in table.index]
    for column, name, colour in [
        ("before", f"Before {pd.Timestamp(cutoff):%d %b %Y}", OKABE_ITO["grey"]),
        ("after", f"From {pd.Timestamp(cutoff):%d %b %Y}", OKABE_ITO["vermillion"]),
    ]:
        fig.add_bar(y=labels, x=table[column], name=name, marker_color=colour, orientation="h")
    # Plotly stacks categories bottom-up and draws a group's first trace lowest: reverse both so the
    # table's first place and "before" sit on top.
    fig.update_layout(barmode="group", legend_traceorder="normal")
    fig.update_yaxes(autorange="reversed")
    description = (
        f"Paired bars for {len(table)} places: {int(table['before'].sum())} attacks before the cut-off "
        f"and {int(table['after'].sum())} after, in equal windows."
    )
    n = int(table[["before", "after"]].to_numpy().sum()) if n_events is None else n_events
    height = max(360, 46 * len(table) + 170)
    return _finish(fig, title, "Attacks in the window (count)", "", n, description, height, counted="attacks")


def event_study_plot(study: pd.DataFrame, summary: pd.Series, window_days: int, title: str, n_events: int) -> Figure:
    """Attacks before vs after each strike episode, each line named by its dates, with the mean change and interval.

    Episodes with the same counts share one line; lines ending at the same count share one label, so no
    two labels print on top of each other. n_events is the number of attacks.

    Parameters
    ----------
    study : DataFrame
    summary : Series
    window_days : int
        The window, for the axis title and description.
    title : str
        The figure's title.
    n_events : int
        The attacks the study drew from (the note counts attacks).

    Returns
    -------
    Figure
        One line per distinct (before, after) pair and one for the mean.
    """
    fig = Figure()
    interval = (
        "no interval: fewer than two episodes"
        if pd.isna(summary["low"])
        else f"90% interval {summary['low']:+.1f} to {summary['high']:+.1f}"
    )
    lines = list(study.groupby(["before", "after"], sort=False))
    labels = {}
    for (_, after), rows in lines:
        labels.setdefault(after, []).extend(rows["episode"])
    labelled = set()
    for (before, after), rows in lines:
        dates = "; ".join(rows["episode"])
        text = "" if after in labelled else "; ".join(labels[after])
        labelled.add(after)
        fig.add_scatter(
            x=["before", "after"],
            y=[before, after],
            mode="lines+markers+text",
            text=["", text],
            # a label at zero would sit on the axis's "after"; lift it above its point
            textposition="top right" if after == 0 else "middle right",
            line={"color": OKABE_ITO["grey"], "width": 1},
            marker={"color": OKABE_ITO["blue"]},
            name=dates,
            showlegend=False,
            hovertemplate=f"Strikes {dates}: " + "%{y} attacks %{x}<extra></extra>",
        )
    fig.add_scatter(
        x=["before", "after"],
        y=[summary["mean_before"], summary["mean_after"]],
        mode="lines+markers",
        line={"color": OKABE_ITO["vermillion"], "width": 4},
        name=f"Mean over episodes: {summary['mean_change']:+.1f} ({interval})",
    )
    cases = int(summary["cases"])
    description = (
        f"Slope chart of attacks in the {window_days} days before and after "
        f"{cases} US strike episode{'' if cases == 1 else 's'}; "
        f"mean change {summary['mean_change']:+.1f} ({interval})."
    )
    fig.update_xaxes(range=[-0.3, 1.9])  # room for the date labels right of "after"
    fig.update_yaxes(rangemode="tozero")
    return _finish(
        fig,
        title.replace("? ", "?<br>", 1),  # a question, then the computed answer on its own line
        f"{window_days} days before the first strike / after the last",
        "Attacks in the window (count)",
        n_events,
        description,
        counted="attacks",
        # The legend above the plot, clear of the source note below it; the two-line computed title
        # needs room above the legend, and a smaller font to fit its numbers.
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        margin={"t": 120},
        title_font_size=15,
    )
