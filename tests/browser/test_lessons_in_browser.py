"""What a student sees: each lesson opened in JupyterLab in Chromium, with no network beyond this machine."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"  # the conftest creates it
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PLOTLY = "application/vnd.plotly.v1+json"


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


def drawn_figures(page):
    """Plotly figures on the page that have at least one trace drawn in their SVG."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.jp-Notebook .js-plotly-plot')]
               .filter(plot => !plot.parentElement.closest('.js-plotly-plot'))
               .filter(plot => plot.querySelectorAll('g.trace').length > 0).length"""
    )


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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_stored_outputs_render_without_running(page, lab, path):
    open_notebook(page, lab, path)
    expected = stored_figures(path)
    page.wait_for_function(
        f"() => document.querySelectorAll('.jp-Notebook .js-plotly-plot g.trace').length > 0 || {expected} === 0",
        timeout=60_000,
    )
    page.wait_for_timeout(1500)
    assert drawn_figures(page) == expected
    screenshot_figures(page, path.stem, "stored")
    check_clean(page, path.name)


# How to move each lesson's widget: a click or a key press on its first control.
INTERACTIONS = {
    "01_history_2017_2020": lambda page: page.locator(".jupyter-widgets select").first.select_option("site"),
    "02_soleimani_cycle": lambda page: page.locator(".jupyter-widgets button", has_text="taji").first.click(),
    "03_base_consolidation": lambda page: _nudge_slider(page),
    "04_response_options": lambda page: _nudge_slider(page),
}


def _nudge_slider(page):
    handle = page.locator(".jupyter-widgets .noUi-handle").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")


WIDGET_SVG = "() => (document.querySelector('.widget-box .js-plotly-plot .main-svg') || {}).outerHTML || ''"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_run_all_draws_every_figure_and_the_widget_responds(page, lab, path):
    open_notebook(page, lab, path)
    page.wait_for_function(
        "() => (document.querySelector('#jp-main-statusbar') || {}).textContent?.includes('Idle')", timeout=60_000
    )
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    page.wait_for_timeout(1000)
    wait_until_idle(page)
    page.wait_for_timeout(2000)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()[:500]
    assert drawn_figures(page) == stored_figures(path) + widget_cells(path)
    if path.stem in INTERACTIONS:
        before = page.evaluate(WIDGET_SVG)
        assert before, "the widget's figure did not draw"
        INTERACTIONS[path.stem](page)
        page.wait_for_function(
            "before => { const p = document.querySelector('.widget-box .js-plotly-plot .main-svg');"
            " return p && p.outerHTML !== before; }",
            arg=before,
            timeout=20_000,
        )
    screenshot_figures(page, path.stem, "run")
    check_clean(page, path.name)


def test_the_map_draws_country_outlines_from_shipped_borders(page, lab):
    path = ROOT / "notebooks" / "03_base_consolidation.ipynb"
    open_notebook(page, lab, path)
    page.wait_for_selector(".js-plotly-plot g.trace", timeout=60_000)
    outlines = page.evaluate(
        """() => { const map = [...document.querySelectorAll('.js-plotly-plot')]
                     .find(p => (p.querySelector('.gtitle') || {}).textContent?.includes('handed to Iraq'));
                   return map ? map.querySelectorAll('g.trace.scatter path.js-line').length : -1; }"""
    )
    assert outlines >= 7, "Iraq and its six neighbours should be outlined"
    check_clean(page, path.name)


def test_a_wrong_parameter_typed_by_a_student_shows_one_sentence(page, lab):
    path = ROOT / "notebooks" / "02_soleimani_cycle.ipynb"
    open_notebook(page, lab, path)
    page.wait_for_function(
        "() => (document.querySelector('#jp-main-statusbar') || {}).textContent?.includes('Idle')", timeout=60_000
    )
    editor = page.locator(".jp-CodeCell .cm-content").first
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type('cycle = "tajj"\nwindow_days = 12\n')
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")
    error = page.locator(".jp-OutputArea-output", has_text="ParameterError")
    error.wait_for(timeout=60_000)
    assert error.inner_text().strip() == (
        "ParameterError: Parameter 'cycle' got 'tajj'; allowed: one of soleimani, taji, erbil."
    )
    error.screenshot(path=str(SCREENSHOTS / "02_soleimani_cycle-wrong-parameter.png"))
    check_clean(page, path.name)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_static_html_copy_draws_every_figure_offline(page, tmp_path, path):
    from titfortat.rerun import write_html

    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    page.goto(write_html(copy).as_uri())
    page.wait_for_timeout(1500)
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')]"
        ".filter(p => p.querySelectorAll('g.trace').length > 0).length"
    )
    assert drawn == stored_figures(path)
    page.screenshot(path=str(SCREENSHOTS / f"{path.stem}-static-html.png"))
    check_clean(page, copy.name)
