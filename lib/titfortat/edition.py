"""The static HTML edition (`make site`): every lesson with its stored outputs, readable offline."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

from .chronology import timeline_html
from .data import load_events
from .rerun import NOTEBOOKS, ROOT, write_html


def lesson_title(path: Path) -> str:
    """The first heading of a notebook."""
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "markdown":
            first = "".join(cell["source"]).splitlines()[0]
            return first.lstrip("# ").strip()
    return path.stem


def build(target: Path = ROOT / "build" / "site", folder: Path = NOTEBOOKS) -> Path:
    """Write one HTML page per lesson (plotly.js inlined) and an index page; return the index."""
    target.mkdir(parents=True, exist_ok=True)
    items = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        copy = target / path.name
        shutil.copyfile(path, copy)
        page = write_html(copy)
        copy.unlink()
        items.append(f'<li><a href="{html.escape(page.name)}">{html.escape(lesson_title(path))}</a></li>')
    (target / "timeline.html").write_text(timeline_html(load_events(period=None)), encoding="utf-8")
    index = target / "index.html"
    index.write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>The rocket war in Iraq, 2017-2021: lessons</title></head>\n<body>"
        "<h1>The rocket war in Iraq, 2017-2021</h1>\n<p>The lessons with their stored outputs. "
        "Interactive widgets do not run here; each has a static figure beside it.</p>\n<ol>\n"
        + "\n".join(items)
        + '\n</ol>\n<p><a href="timeline.html">A printable timeline</a>, one page per period.</p></body></html>\n',
        encoding="utf-8",
    )
    return index


if __name__ == "__main__":
    print(build())
