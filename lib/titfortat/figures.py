"""Plotly figures: each takes data and returns a figure with a title, labelled axes, a source note
and a one-line text description (shown as plain text where the chart cannot draw)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from . import geography, params

# Okabe-Ito, a qualitative palette readable with the common forms of colour blindness.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
    "dark_grey": "#555555",
}
EVENT_TYPE_COLOURS = {
    "rocket_attack": OKABE_ITO["vermillion"],
    "drone_attack": OKABE_ITO["purple"],
    "ied_attack": OKABE_ITO["orange"],
    "missile_strike": OKABE_ITO["black"],
    "us_strike": OKABE_ITO["blue"],
    "militia_site_strike": "#332288",  # indigo, from Paul Tol's palette: Okabe-Ito has no tenth colour
    "assault": OKABE_ITO["yellow"],
    "base_handover": OKABE_ITO["green"],
    "troop_change": OKABE_ITO["sky_blue"],
    "political": OKABE_ITO["dark_grey"],
}
# One colour per side of titfortat.cycle.SIDE_ORDER, in that order (a test checks both match).
SIDE_COLOURS = {
    "Militias and crowds": OKABE_ITO["vermillion"],
    "US and allies": OKABE_ITO["blue"],
    "Iran": OKABE_ITO["black"],
    "Iraqi state": OKABE_ITO["green"],
    "Iraqi parties and movements": OKABE_ITO["purple"],
}
LABELS = {
    "rocket_attack": "Rocket or mortar attack",
    "drone_attack": "Drone attack",
    "ied_attack": "Roadside bomb (IED)",
    "missile_strike": "Ballistic missile strike",
    "us_strike": "US air strike",
    "militia_site_strike": "Strike or blast at a militia site",
    "assault": "Storming of a compound",
    "base_handover": "Base handed to Iraq",
    "troop_change": "Troop level change",
    "political": "Political event",
    # actors and attributions, as the lessons' text names them
    "unknown": "Unknown",
    "united_states": "United States",
    "iraq_government": "Iraqi government",
    "iraq_parliament": "Iraqi parliament",
    "coalition": "US-led coalition",
    "kataib_hezbollah": "Kataib Hezbollah",
    "asaib_ahl_al_haq": "Asaib Ahl al-Haq",
    "harakat_al_nujaba": "Harakat al-Nujaba",
    "kataib_sayyid_al_shuhada": "Kataib Sayyid al-Shuhada",
    "usbat_al_thairin": "Usbat al-Thairin",
    "qasim_al_jabbarin": "Qasim al-Jabbarin",
    "ashab_al_kahf": "Ashab al-Kahf",
    "saraya_awliya_al_dam": "Saraya Awliya al-Dam",
    "iran": "Iran",
    "pmf_supporters": "PMF supporters (crowd)",
    "popular_mobilization_forces": "Popular Mobilization Forces",
    "islamic_resistance_in_iraq": "Islamic Resistance in Iraq",
    "claimed": "Claimed by a group",
    "blamed_by_us": "Blamed by US officials",
    "suspected": "Suspected",
    "acknowledged": "Acknowledged by the actor",
}
SOURCE = "Data: data/events.csv, {n} events; see data/README.md"


class Figure(go.Figure):
    """A plotly figure that also carries a plain-text description for screen readers and print."""

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        # Only the figure JSON and the description go into notebooks: JupyterLab draws the JSON with
        # plotly's bundled extension, offline. Built here rather than through plotly's renderer
        # registry, whose set-up imports nbformat's validator and adds a second to every lesson's start.
        figure = json.loads(pio.to_json(self, validate=False))
        return {"application/vnd.plotly.v1+json": figure, "text/plain": describe(self)}

    def _ipython_display_(self):  # plotly's own hook would route through the renderer registry
        from IPython.display import display

        display(self._repr_mimebundle_(), raw=True)


def describe(fig: go.Figure) -> str:
    """The figure's one-line text description."""
    meta = fig.layout.meta or {}
    return f"Figure: {meta.get('description', fig.layout.title.text or '')}"


def colour_for(key: str) -> str:
    """The collection's colour for an event type or side, grey for anything else."""
    return EVENT_TYPE_COLOURS.get(key) or SIDE_COLOURS.get(key) or OKABE_ITO["grey"]


def label_for(key: str) -> str:
    """A readable label for a vocabulary key or a site key."""
    return LABELS.get(key) or _site_labels().get(key) or str(key).replace("_", " ")


# The names the lessons' text uses for the places that recur in it; other sites take the short form
# of their name in the site table ("Anbar province (point: Ramadi...)" -> "Anbar province").
SITE_LABELS = {
    "us_embassy": "US embassy (Green Zone)",
    "ain_al_asad": "Ain al-Asad",
    "baghdad_airport": "Baghdad airport",
    "erbil_airport": "Erbil airport",
    "k1": "K-1 (Kirkuk)",
    "q_west": "Q-West",
    "balad": "Balad",
    "taji": "Taji",
    "al_qaim": "al-Qaim",
    "harir": "Harir",
    "iraq_nationwide": "Iraq (no single place)",
}


@lru_cache(maxsize=1)
def _site_labels() -> dict:
    from .data import sites

    names = sites()["name"].str.split(" (", regex=False).str[0]
    return {**names.to_dict(), **SITE_LABELS}


@lru_cache(maxsize=1)
def _template() -> go.layout.Template:
    """plotly_white cut to what these figures use (its layout, and its bar and scatter defaults).

    The full template costs ~0.1 s to validate at a lesson's first figure and adds 4 KB of unused
    trace defaults to every stored figure.
    """
    whole = json.loads(files("plotly").joinpath("package_data/templates/plotly_white.json").read_text())
    return go.layout.Template(layout=whole["layout"], data={kind: whole["data"][kind] for kind in ("bar", "scatter")})


def _finish(fig: Figure, title: str, x: str, y: str, n: int, description: str, height: int = 460) -> Figure:
    fig.update_layout(
        title=title,
        xaxis_title=x,
        yaxis_title=y,
        template=_template(),
        height=height,
        meta={"description": description},
        legend_title_text="",
        margin={"b": 110},
        font={"family": "Arial, sans-serif"},
    )
    return _note(fig, SOURCE.format(n=n))


def _note(fig: Figure, text: str) -> Figure:
    # A fixed number of pixels below the plot area: clear of tick labels and the axis title at any height.
    fig.add_annotation(
        text=text,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yanchor="top",
        yshift=-72,
        showarrow=False,
        font={"size": 11, "color": "#555555"},
        xanchor="left",
    )
    return fig


def monthly_bars(
    monthly: pd.DataFrame, title: str, marks: pd.DataFrame | None = None, n_events: int | None = None
) -> Figure:
    """Stacked bars of counts per month (columns are categories); optional dotted lines at key events.
    A table from timeline.events_per_week (its index named "week") gives bars per week instead.

    The source note counts the events in the bars unless n_events says otherwise; so do the others here."""
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
    """Horizontal bars of a count per category, largest at the top."""
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
    """Every event as a dot on a time axis, one row per event type, hover naming the event and its source."""
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
    """The escalation ladder: each rung a marker at its date, one row per side, sized by the dead."""
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
    sides = list(SIDE_COLOURS)[::-1]
    fig.update_yaxes(categoryorder="array", categoryarray=sides, range=[-0.6, len(sides) - 0.4])
    last_day = int(rungs["day"].max()) if len(rungs) else 0
    description = (
        f"Escalation ladder of {len(rungs)} events from the opening attack (day 0) to day {last_day}, "
        "one row per side, marker size growing with the number killed."
    )
    return _finish(fig, title, "Date", "Who acted", len(rungs), description, height=420)


def casualty_bars(rungs: pd.DataFrame, title: str) -> Figure:
    """US and other deaths per rung of a ladder, as grouped bars (wounded are in the ladder's table: a
    hundred brain injuries would flatten every death on the same axis)."""
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


def _outline(fig: Figure, ring: list, **style) -> None:
    """One border ring ([lon, lat] pairs) as a line trace."""
    fig.add_scatter(x=[p[0] for p in ring], y=[p[1] for p in ring], mode="lines", **style)


def _frame_iraq(fig: Figure, axes_visible: bool) -> None:
    # Longitude and latitude as plain axes, framed on Iraq; 1.2 roughly undoes the stretch of degrees
    # of longitude at Iraq's latitude.
    frame = {"showgrid": False, "zeroline": False, "visible": axes_visible}
    fig.update_xaxes(range=[38.5, 48.8], **frame)
    fig.update_yaxes(range=[29.0, 37.6], scaleanchor="x", scaleratio=1.2, **frame)


def _away_from_neighbours(x, y) -> list[str]:
    """A text position for each point on the side away from its nearest neighbour, so clustered labels part."""
    positions = []
    for i in range(len(x)):
        dx, dy = x - x[i], y - y[i]
        distance = dx**2 + dy**2
        distance[i] = float("inf")
        j = int(distance.argmin()) if len(x) > 1 else i
        vertical = "bottom" if dy[j] > 0 else "top"
        horizontal = "left" if dx[j] > 0 else "right"
        positions.append(f"{vertical} {horizontal}")
    return positions


def base_map(
    points: pd.DataFrame,
    title: str,
    text: str = "name",
    colour: str = OKABE_ITO["green"],
    size: pd.Series | None = None,
    n_events: int | None = None,
) -> Figure:
    """Points on a map of Iraq and its neighbours, drawn from shipped borders (no map tiles, no network)."""
    fig = Figure()
    for country, rings in geography.borders()["countries"].items():
        for ring in rings:
            _outline(
                fig,
                ring,
                line={
                    "color": "#333333" if country == "Iraq" else "#AAAAAA",
                    "width": 1.5 if country == "Iraq" else 0.8,
                },
                fill="toself" if country == "Iraq" else None,
                fillcolor="rgba(230,230,230,0.5)",
                hoverinfo="skip",
                showlegend=False,
                name=country,
            )
    # Provinces as one trace: rings joined by gaps, so 18 outlines cost one SVG path.
    lon, lat = [], []
    for rings in geography.provinces().values():
        for ring in rings:
            lon += [x for x, _ in ring] + [None]
            lat += [y for _, y in ring] + [None]
    fig.add_scatter(
        x=lon,
        y=lat,
        mode="lines",
        line={"color": "#999999", "width": 0.7},
        hoverinfo="skip",
        showlegend=False,
        name="Provinces of Iraq",
    )
    marker = {"color": colour, "size": 12 if size is None else size, "line": {"width": 1, "color": "black"}}
    fig.add_scatter(
        x=points["longitude"],
        y=points["latitude"],
        mode="markers+text",
        text=points[text],
        textposition=_away_from_neighbours(points["longitude"].to_numpy(float), points["latitude"].to_numpy(float)),
        marker=marker,
        showlegend=False,
        name="",
        customdata=points[["hover"]].to_numpy() if "hover" in points else None,
        hovertemplate="%{customdata[0]}<extra></extra>" if "hover" in points else "%{text}<extra></extra>",
    )
    _frame_iraq(fig, axes_visible=True)
    description = (
        f"Map of Iraq and its provinces with {len(points)} places marked: " + ", ".join(map(str, points[text])) + "."
    )
    return _finish(
        fig,
        title,
        "Longitude (degrees east)",
        "Latitude (degrees north)",
        n_events if n_events is not None else len(points),
        description,
        height=620,
    )


# Sequential bins, light to dark (ColorBrewer OrRd): they differ in lightness, which colour-blind
# readers see as well as anyone. The first bin is "none".
PROVINCE_BINS = [(0, 0), (1, 4), (5, 9), (10, 29), (30, None)]
PROVINCE_COLOURS = ["#f7f7f7", "#fdd49e", "#fc8d59", "#d7301f", "#7f0000"]


def _bin_label(low: int, high: int | None) -> str:
    return "none" if high == 0 else f"{low}+" if high is None else f"{low}-{high}"


def _area(ring) -> float:
    """A ring's area in square degrees (shoelace formula)."""
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def _bin_of(value: int) -> int:
    return next(i for i, (low, high) in enumerate(PROVINCE_BINS) if value >= low and (high is None or value <= high))


def province_map(counts: pd.Series, title: str, n_events: int | None = None, unit: str = "Attacks") -> Figure:
    """Iraq's provinces shaded by a count (binned), with the number printed in each; hover names the province."""
    fig = Figure()
    shown = set()
    for province, rings in geography.provinces().items():
        value = int(counts.get(province, 0))
        index = _bin_of(value)
        for ring in rings:
            _outline(
                fig,
                ring,
                fill="toself",
                fillcolor=PROVINCE_COLOURS[index],
                line={"color": "#777777", "width": 0.7},
                hoveron="fills",
                text=f"{province}: {value}",
                hoverinfo="text",
                name=_bin_label(*PROVINCE_BINS[index]),
                legendgroup=str(index),
                legendrank=index,
                showlegend=index not in shown,
            )
            shown.add(index)
    for index in sorted(set(range(len(PROVINCE_BINS))) - shown):  # keep the whole scale in the legend
        fig.add_scatter(
            x=[None],
            y=[None],
            mode="lines",
            fill="toself",
            fillcolor=PROVINCE_COLOURS[index],
            line={"color": "#777777", "width": 0.7},
            name=_bin_label(*PROVINCE_BINS[index]),
            legendrank=index,
        )
    # The count at each province's centre (the mean of its largest ring's corners, inside these shapes);
    # provinces too small to hold a number (Baghdad) get it beside them, with a pointer.
    for province, rings in geography.provinces().items():
        ring = max(rings, key=len)
        x, y = sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
        value = int(counts.get(province, 0))
        small = _area(ring) < 0.2
        fig.add_annotation(
            x=x,
            y=y,
            text=f"{province} {value}" if small else str(value),
            showarrow=small,
            ax=70 if small else 0,
            ay=-40 if small else 0,
            arrowwidth=1,
            font={"size": 11, "color": "white" if _bin_of(value) >= 3 and not small else "black"},
        )
    _frame_iraq(fig, axes_visible=False)
    fig.update_layout(legend_traceorder="normal")
    top = counts.idxmax() if len(counts) and counts.max() > 0 else "none"
    description = (
        f"Map of Iraq's 18 provinces shaded by count; {int((counts > 0).sum())} have at least one, "
        f"the most in {top} ({int(counts.max()) if len(counts) else 0})."
    )
    fig = _finish(fig, title, "", "", int(counts.sum()) if n_events is None else n_events, description, height=620)
    return fig.update_layout(legend_title_text=unit)  # after _finish, which blanks legend titles


def before_after_bars(table: pd.DataFrame, title: str, cutoff, n_events: int | None = None) -> Figure:
    """Paired horizontal bars of attacks before and after a cutoff, per site or region, first row on top.

    Horizontal so that place names read in full, however long."""
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
    fig = _finish(
        fig, title, "Attacks in the window (count)", "", n, description, height=max(360, 46 * len(table) + 170)
    )
    fig.layout.annotations[-1].text = fig.layout.annotations[-1].text.replace(f"{n} events", f"{n} attacks")
    return fig


def event_study_plot(study: pd.DataFrame, summary: pd.Series, window_days: int, title: str, n_events: int) -> Figure:
    """Attacks before vs after each strike episode, each line named by its dates, with the mean change and interval.

    Episodes with the same counts share one line; lines ending at the same count share one label, so no
    two labels print on top of each other. n_events is the number of attacks."""
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
    fig = _finish(
        fig,
        title.replace("? ", "?<br>", 1),  # a question, then the computed answer on its own line
        f"{window_days} days before the first strike / after the last",
        "Attacks in the window (count)",
        n_events,
        description,
    )
    fig.update_xaxes(range=[-0.3, 1.9])  # room for the date labels right of "after"
    # The legend above the plot, clear of the source note below it.
    fig.update_layout(legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0})
    # The two-line computed title needs room above the legend, and a smaller font to fit its numbers.
    fig.update_layout(margin={"t": 120}, title_font_size=15)
    fig.update_yaxes(rangemode="tozero")
    # The source note counts attacks here, not all events.
    fig.layout.annotations[-1].text = fig.layout.annotations[-1].text.replace(
        f"{n_events} events", f"{n_events} attacks"
    )
    return fig


def handover_map(handed: pd.DataFrame, before: pd.DataFrame, after: pd.DataFrame, title: str, n_events: int) -> Figure:
    """The handed-over bases, numbered and named, over circles sized by attacks per place before and after a cut-off.

    `before` and `after` are attacks with coordinates; each is drawn once per place, sized by its count."""
    points = handed.assign(
        label=[f"{o} {label_for(s)}" for o, s in zip(handed["order"], handed["site"].astype(str))],
        hover=[f"{label_for(s)}: handed over {d:%d %b %Y}" for s, d in zip(handed["site"].astype(str), handed["date"])],
    )
    fig = base_map(points, title, text="label", n_events=n_events)
    # Filled "after" discs first, open "before" rings over them, so neither hides the other.
    for rows, name, colour, symbol in [
        (after, "Attacks from the cut-off", OKABE_ITO["vermillion"], "circle"),
        (before, "Attacks before the cut-off", "#444444", "circle-open"),
    ]:
        placed = rows.dropna(subset=["latitude", "longitude"])
        counts = (
            placed.groupby(["latitude", "longitude"])
            .agg(n=("event_id", "size"), place=("site", lambda s: label_for(str(s.iloc[0]))))
            .reset_index()
        )
        fig.add_scatter(
            x=counts["longitude"],
            y=counts["latitude"],
            mode="markers",
            marker={
                "color": colour,
                "symbol": symbol,
                "size": 8 + 4 * counts["n"] ** 0.5,
                "opacity": 0.5 if symbol == "circle" else 0.9,
                "line": {"width": 2, "color": colour},
            },
            name=f"{name} ({int(counts['n'].sum())})",
            customdata=counts[["place", "n"]].to_numpy(),
            hovertemplate=f"{name}: " + "%{customdata[0]}, %{customdata[1]}<extra></extra>",
        )
    bases = [trace for trace in fig.data if trace.mode == "markers+text"]
    fig.data = [trace for trace in fig.data if trace.mode != "markers+text"] + bases  # the bases on top
    fig.update_layout(showlegend=True, legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0})
    description = (
        f"Map of the {len(handed)} handed-over bases, numbered in date order, with {len(before)} attacks before the "
        f"cut-off and {len(after)} after drawn as circles sized by count per place."
    )
    fig.update_layout(meta={"description": description})
    fig.layout.annotations[-1].text = fig.layout.annotations[-1].text.replace(
        f"{n_events} events", f"{n_events} attacks"
    )
    return fig


def option_ranking(ranked: pd.DataFrame, title: str) -> Figure:
    """Horizontal bars of the options' weighted scores, best on top."""
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
    fig.update_layout(
        title=title,
        xaxis_title="Weighted score (1 = poor, 5 = good)",
        template=_template(),
        height=360,
        meta={"description": description},
        margin={"l": 260, "b": 110},
    )
    return _note(fig, "Scores: the lesson's starting judgements, not data; change them and the weights.")
