"""The maps: Iraq and its neighbours drawn from the shipped borders (no tiles, no network), finished as charts are."""

from __future__ import annotations

import pandas as pd

from . import geography
from .style import OKABE_ITO, Figure, _finish
from .world import label_for


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


LONGITUDE, LATITUDE = "Longitude (degrees east)", "Latitude (degrees north)"


def _draw_iraq(fig: Figure) -> None:
    """Iraq (filled), its neighbours' borders and its provinces' outlines, framed on Iraq."""
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
    _frame_iraq(fig, axes_visible=True)


def _add_places(fig: Figure, points: pd.DataFrame, text: str, colour: str, size) -> None:
    """The points as labelled markers; hover shows the `hover` column where there is one, else the label."""
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


def base_map(
    points: pd.DataFrame,
    title: str,
    text: str = "name",
    colour: str = OKABE_ITO["green"],
    size: pd.Series | None = None,
    n_events: int | None = None,
) -> Figure:
    """Points on a map of Iraq and its neighbours, drawn from shipped borders (no map tiles, no network).

    Parameters
    ----------
    points : DataFrame
        Columns longitude, latitude, the `text` column, and optionally hover.
    title : str
        The figure's title.
    text : str
        The column whose values label the points.
    colour : str
        The markers' colour.
    size : Series or None
        Marker sizes (default 12).
    n_events : int or None
        The events the source note counts (default: the total drawn).

    Returns
    -------
    Figure
        Borders, province outlines and one marker trace.
    """
    fig = Figure()
    _draw_iraq(fig)
    _add_places(fig, points, text, colour, size)
    description = (
        f"Map of Iraq and its provinces with {len(points)} places marked: " + ", ".join(map(str, points[text])) + "."
    )
    n = n_events if n_events is not None else len(points)
    return _finish(fig, title, LONGITUDE, LATITUDE, n, description, height=620)


# Sequential bins, light to dark (ColorBrewer OrRd): they differ in lightness, which colour-blind
# readers see as well as anyone. The first bin is "none".
PROVINCE_BINS = [(0, 0), (1, 4), (5, 9), (10, 29), (30, None)]
PROVINCE_COLOURS = ["#f7f7f7", "#fdd49e", "#fc8d59", "#d7301f", "#7f0000"]


def _bin_label(low: int, high: int | None) -> str:
    return "none" if high == 0 else f"{low}+" if high is None else f"{low}-{high}"


def _bin_of(value: int) -> int:
    return next(i for i, (low, high) in enumerate(PROVINCE_BINS) if value >= low and (high is None or value <= high))


def province_map(counts: pd.Series, title: str, n_events: int | None = None, unit: str = "Attacks") -> Figure:
    """Iraq's provinces shaded by a count (binned), with the number printed in each; hover names the province.

    Parameters
    ----------
    counts : Series
        A count per province (events_by_province()); provinces missing count as 0.
    title : str
        The figure's title.
    n_events : int or None
        The events the source note counts (default: the total drawn).
    unit : str
        What is counted, as the legend's title.

    Returns
    -------
    Figure
        One filled trace per province ring, shaded in PROVINCE_BINS.
    """
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
        small = geography.ring_area(ring) < 0.2
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
    n = int(counts.sum()) if n_events is None else n_events
    return _finish(fig, title, "", "", n, description, height=620, legend_title=unit)


def handover_map(handed: pd.DataFrame, before: pd.DataFrame, after: pd.DataFrame, title: str, n_events: int) -> Figure:
    """The handed-over bases, numbered and named, over circles sized by attacks per place before and after a cut-off.

    `before` and `after` are attacks with coordinates; each is drawn once per place, sized by its count.

    Parameters
    ----------
    handed : DataFrame
        A handovers() result: columns order, site, date, latitude, longitude.
    before : DataFrame
        Attacks before the cut-off, with latitude and longitude.
    after : DataFrame
        Attacks from the cut-off.
    title : str
        The figure's title.
    n_events : int
        The attacks in both windows (the note counts attacks).

    Returns
    -------
    Figure
        Borders, the two attack traces and the bases on top.
    """
    points = handed.assign(
        label=[f"{o} {label_for(s)}" for o, s in zip(handed["order"], handed["site"].astype(str))],
        hover=[f"{label_for(s)}: handed over {d:%d %b %Y}" for s, d in zip(handed["site"].astype(str), handed["date"])],
    )
    fig = Figure()
    _draw_iraq(fig)
    # Filled "after" discs first, open "before" rings over them, so neither hides the other; the bases on top.
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
    _add_places(fig, points, "label", OKABE_ITO["green"], None)
    description = (
        f"Map of the {len(handed)} handed-over bases, numbered in date order, with {len(before)} attacks before the "
        f"cut-off and {len(after)} after drawn as circles sized by count per place."
    )
    return _finish(
        fig,
        title,
        LONGITUDE,
        LATITUDE,
        n_events,
        description,
        height=620,
        counted="attacks",
        showlegend=True,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
    )
