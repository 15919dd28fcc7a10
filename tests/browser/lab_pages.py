"""Helpers for the browser tests: the lessons, their stored figures, and JupyterLab page actions."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"  # look at them after a run
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PLOTLY = "application/vnd.plotly.v1+json"
# Texts inside a figure (ticks, titles, legend, annotations, marker labels) that print over each other.
OVERLAPS = (Path(__file__).parent / "overlaps.js").read_text()


def stored_figures(path: Path) -> int:
    cells = json.loads(path.read_text())["cells"]
    return sum(PLOTLY in output.get("data", {}) for cell in cells for output in cell.get("outputs", []))


def widget_cells(path: Path) -> int:
    cells = json.loads(path.read_text())["cells"]
    return sum("tt.widgets." in "".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")


def open_notebook(page, lab, path: Path):
    page.goto(f"{lab['base']}/lab/tree/notebooks/{path.name}?reset&token={lab['token']}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_function("document.querySelector('.jp-Notebook') !== null", timeout=60_000)


# Plotly figures on the page that have at least one trace drawn in their SVG (a JavaScript function).
DRAWN_FIGURES = """() => [...document.querySelectorAll('.jp-Notebook .js-plotly-plot')]
               .filter(plot => !plot.parentElement.closest('.js-plotly-plot'))
               .filter(plot => plot.querySelectorAll('g.trace').length > 0).length"""


def drawn_figures(page):
    """Plotly figures on the page that have at least one trace drawn in their SVG."""
    return page.evaluate(DRAWN_FIGURES)


def wait_until_idle(page):
    page.wait_for_function(
        """() => { const prompts = [...document.querySelectorAll('.jp-Notebook .jp-InputArea-prompt')];
                   const status = document.querySelector('.jp-Notebook-ExecutionIndicator');
                   return prompts.length > 0 && prompts.every(p => !p.textContent.includes('*'))
                          && (!status || status.getAttribute('data-status') !== 'busy'); }""",
        timeout=120_000,
    )


def check_clean(page, name):
    assert not page.outside_requests, f"{name} asked for the internet: {page.outside_requests}"
    assert not page.console_errors, f"{name} logged console errors: {page.console_errors[:5]}"


def screenshot_figures(page, stem, suffix):
    selector = ".jp-RenderedPlotly, .widget-box .js-plotly-plot"
    for index, plot in enumerate(page.locator(selector).all()):
        plot.scroll_into_view_if_needed()
        plot.screenshot(path=str(SCREENSHOTS / f"{stem}-{suffix}-{index + 1}.png"))


def wait_for_stored_figures(page, path: Path) -> int:
    """Wait until the stored figures of an opened notebook have drawn; return how many are stored."""
    expected = stored_figures(path)
    page.wait_for_function(
        f"() => document.querySelectorAll('.jp-Notebook .js-plotly-plot g.trace').length > 0 || {expected} === 0",
        timeout=60_000,
    )
    page.wait_for_timeout(1500)
    return expected


def run_all_cells(page):
    """Run All Cells from the Run menu, as a student would, once the kernel is idle; wait until done."""
    page.wait_for_function(
        "() => (document.querySelector('#jp-main-statusbar') || {}).textContent?.includes('Idle')", timeout=60_000
    )
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    page.wait_for_timeout(1000)
    wait_until_idle(page)
