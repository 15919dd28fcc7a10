"""Static HTML copies of executed notebooks, readable offline: plotly.js embedded once, live widgets replaced
by a note. Used by the runner (`make rerun`), the static edition (`make site`) and `make store`."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# Shown in place of a live widget in stored and static copies: its model lives only in a running kernel.
WIDGET_NOTE = (
    "Interactive widget: run this cell in a live notebook to use it; the static figure above shows the same data."
)


def without_live_widgets(notebook):
    """The notebook with each widget output replaced by WIDGET_NOTE and no stored widget state.

    Parameters
    ----------
    notebook : NotebookNode
        A notebook read with nbformat.

    Returns
    -------
    NotebookNode
        The same notebook, changed in place.
    """
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if WIDGET_VIEW in output.get("data", {}):
                output["data"] = {"text/plain": WIDGET_NOTE}
    return notebook


def script_json(value) -> str:
    """JSON safe inside an HTML <script> element: no '</script>' or '<!--' in data can end or bend it.

    Parameters
    ----------
    value : any
        Data that json.dumps accepts.

    Returns
    -------
    str
        JSON text with <, >, &, U+2028 and U+2029 escaped.
    """
    text = json.dumps(value)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


@lru_cache(maxsize=1)
def _html_exporter():
    # One per process: building it parses and compiles the Jinja templates again (~0.2 s a page).
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab")


def write_html(notebook_path: Path) -> Path:
    """A static HTML copy with plotly.js embedded once, so figures draw with no network.

    Parameters
    ----------
    notebook_path : Path
        An executed notebook.

    Returns
    -------
    Path
        The HTML file written beside the notebook.
    """
    import nbformat

    notebook = without_live_widgets(nbformat.read(notebook_path, as_version=4))
    count = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            figure = output.get("data", {}).get("application/vnd.plotly.v1+json")
            if figure is None:
                continue
            count += 1
            div = f"plotly-figure-{count}"
            caption = html.escape(str(output["data"].get("text/plain", "")))
            height = figure.get("layout", {}).get("height", 450)
            height = height if isinstance(height, (int, float)) and not isinstance(height, bool) else 450
            output["data"]["text/html"] = (
                f'<figure><div id="{div}" style="height:{height:.0f}px"></div>'
                f"<script>Plotly.newPlot('{div}', {script_json(figure['data'])}, {script_json(figure['layout'])}, "
                f"{{displaylogo: false}});</script><figcaption>{caption}</figcaption></figure>"
            )
    body, _ = _html_exporter().from_notebook_node(notebook)
    plotly_js = files("plotly").joinpath("package_data/plotly.min.js").read_text(encoding="utf-8")
    body = body.replace("</head>", f'<script type="text/javascript">{plotly_js}</script>\n</head>', 1)
    # nbconvert's lab template links require.js and MathJax from a CDN; the lessons need neither offline.
    body = re.sub(r'<script[^>]+src="https://[^"]+"[^>]*>\s*</script>', "", body)
    target = notebook_path.with_suffix(".html")
    target.write_text(body, encoding="utf-8")
    return target
