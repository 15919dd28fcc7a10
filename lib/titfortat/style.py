"""The house style of every figure: palette, colours, the Figure class with its text description, and the
finishing step (template, titles, source note) that every chart and map ends with."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files

import plotly.graph_objects as go
import plotly.io as pio

from .world import SIDE_ORDER

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
# One colour per side, in the order of titfortat.world.SIDE_ORDER (a side added there needs one here).
SIDE_COLOURS = dict(
    zip(SIDE_ORDER, [OKABE_ITO[c] for c in ("vermillion", "blue", "black", "green", "purple")], strict=True)
)
# The source note under every chart drawn from the data; {counted} is "events" unless a chart counts attacks.
SOURCE = "Data: data/events.csv, {n} {counted}; see data/README.md"


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
    """The figure's one-line text description.

    Parameters
    ----------
    fig : go.Figure
        A figure built here.

    Returns
    -------
    str
        "Figure: " and the description (or the title).
    """
    meta = fig.layout.meta or {}
    return f"Figure: {meta.get('description', fig.layout.title.text or '')}"


def colour_for(key: str) -> str:
    """The collection's colour for an event type or side, grey for anything else.

    Parameters
    ----------
    key : str
        A vocabulary, actor or site key.

    Returns
    -------
    str
        A hex colour.
    """
    return EVENT_TYPE_COLOURS.get(key) or SIDE_COLOURS.get(key) or OKABE_ITO["grey"]


@lru_cache(maxsize=1)
def _template() -> go.layout.Template:
    """plotly_white cut to what these figures use (its layout, and its bar and scatter defaults).

    The full template costs ~0.1 s to validate at a lesson's first figure and adds 4 KB of unused
    trace defaults to every stored figure.
    """
    whole = json.loads(files("plotly").joinpath("package_data/templates/plotly_white.json").read_text())
    return go.layout.Template(layout=whole["layout"], data={kind: whole["data"][kind] for kind in ("bar", "scatter")})


def _finish(
    fig: Figure,
    title: str,
    x: str,
    y: str,
    n: int,
    description: str,
    height: int = 460,
    counted: str = "events",
    legend_title: str = "",
    note: str | None = None,
    **layout,
) -> Figure:
    """The house finish every chart ends with: title, axis titles, template, font, description and source note.

    `counted` names what the note counts ("Data: data/events.csv, 12 attacks"); `note` replaces the note
    outright (for a chart drawn from judgements, not data); `layout` adds to the house layout (a dict
    such as `margin` merges with the house one)."""
    fig.update_layout(
        title=title,
        xaxis_title=x,
        yaxis_title=y,
        template=_template(),
        height=height,
        meta={"description": description},
        legend_title_text=legend_title,
        margin={"b": 110},
        font={"family": "Arial, sans-serif"},
    )
    fig.update_layout(**layout)
    return _note(fig, SOURCE.format(n=n, counted=counted) if note is None else note)


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
