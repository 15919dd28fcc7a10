"""Each lesson run top to bottom in JupyterLab in Chromium, with no network beyond this machine."""

import pytest
import titfortat as tt
from lab_pages import (
    DRAWN_FIGURES,
    NOTEBOOKS,
    OVERLAPS,
    ROOT,
    SCREENSHOTS,
    check_clean,
    drawn_figures,
    open_notebook,
    run_all_cells,
    screenshot_figures,
    stored_figures,
    widget_cells,
)
from titfortat import geography
from titfortat.exercises import EXERCISES

# How to move each lesson's widget: a click or a key press on its first control.
INTERACTIONS = {
    "01_history_2017_2020": lambda page: page.locator(".jupyter-widgets select").first.select_option("site"),
    "02_soleimani_cycle": lambda page: page.locator(".jupyter-widgets button", has_text="taji").first.click(),
    "03_base_consolidation": lambda page: _nudge_slider(page),
    "04_response_options": lambda page: _nudge_slider(page),
    "05_wave_2023_2024": lambda page: page.locator(".jupyter-widgets button", has_text="2017-2021").first.click(),
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
    run_all_cells(page)
    expected = stored_figures(path) + widget_cells(path)
    # A live widget draws after its kernel reply arrives, later than the static figures on a busy machine.
    try:
        page.wait_for_function(f"() => ({DRAWN_FIGURES})() >= {expected}", timeout=60_000)
    except Exception:
        pass  # the assertion below reports the count
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()[:500]
    assert drawn_figures(page) == expected
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
    assert page.evaluate(OVERLAPS) == [], "texts print over each other"
    check_clean(page, path.name)


def test_the_map_draws_country_and_province_outlines_from_shipped_borders(page, lab):
    path = ROOT / "notebooks" / "03_base_consolidation.ipynb"
    open_notebook(page, lab, path)
    page.wait_for_selector(".js-plotly-plot g.trace", timeout=60_000)
    # Plotly draws one line path per ring (the provinces' rings are split by gaps in a single trace).
    # The map is the figure with outline paths (the lesson's other figures draw bars or markers only).
    outlines = page.evaluate(
        """() => Math.max(-1, ...[...document.querySelectorAll('.js-plotly-plot')]
                   .map(p => p.querySelectorAll('g.trace.scatter path.js-line').length))"""
    )
    shipped = geography.borders()
    rings = sum(len(r) for r in shipped["countries"].values()) + sum(len(r) for r in shipped["provinces"].values())
    assert outlines == rings, "every country and province ring shipped should be drawn"
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


def test_an_exercise_answered_wrong_gets_a_hint_then_right_gets_a_tick(page, lab):
    path = ROOT / "notebooks" / "04_response_options.ipynb"
    open_notebook(page, lab, path)
    run_all_cells(page)
    events = tt.load_events()
    # The lesson's first exercise with a numeric answer, so a wrong try can be "too high".
    key = next(k for k, e in EXERCISES.items() if k.startswith("04.") and isinstance(e.expected(events), int))
    right = EXERCISES[key].expected(events)
    cell = page.locator(".jp-CodeCell", has_text=f'tt.check("{key}"')
    for answer, expected in [(right + 4, f"not quite: {right + 4} is too high. Hint:"), (right, "correct.")]:
        cell.locator(".cm-content").click()
        page.keyboard.press("Control+a")
        page.keyboard.type(f'answer = {answer}\ntt.check("{key}", answer, events)')
        page.keyboard.press("Control+Enter")
        cell.locator(".jp-OutputArea-output", has_text=expected).wait_for(timeout=30_000)
    cell.screenshot(path=str(SCREENSHOTS / "04_response_options-exercise.png"))
    check_clean(page, path.name)
