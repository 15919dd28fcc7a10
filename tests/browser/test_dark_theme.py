"""Each lesson, as stored, is readable in JupyterLab's dark theme: all text contrasts with what is behind it."""

from pathlib import Path

import pytest
from lab_pages import (
    NOTEBOOKS,
    SCREENSHOTS,
    check_clean,
    drawn_figures,
    open_notebook,
    screenshot_figures,
    wait_for_stored_figures,
)

LOW_CONTRAST = (Path(__file__).parent / "contrast.js").read_text()  # returns the texts below a contrast ratio


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_stored_lesson_is_readable_in_the_dark_theme(page, dark_lab, path):
    open_notebook(page, dark_lab, path)
    page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'", timeout=30_000)
    expected = wait_for_stored_figures(page, path)
    assert drawn_figures(page) == expected
    page.screenshot(path=str(SCREENSHOTS / f"{path.stem}-dark.png"))
    screenshot_figures(page, path.stem, "dark")
    # 3:1 is WCAG's floor for large text and graphics; body text should reach 4.5:1.
    assert page.evaluate(LOW_CONTRAST, 3.0) == []
    check_clean(page, path.name)


def test_the_contrast_check_catches_dark_text_on_the_dark_theme(page, dark_lab):
    open_notebook(page, dark_lab, NOTEBOOKS[0])
    page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'", timeout=30_000)
    wait_for_stored_figures(page, NOTEBOOKS[0])
    # Planted and checked in one call, so JupyterLab cannot re-render the cell in between.
    found = page.evaluate(
        f"""() => {{ const p = document.createElement('p'); p.textContent = 'dark grey text';
                    p.style.color = '#333333';
                    document.querySelector('.jp-Notebook .jp-RenderedMarkdown').appendChild(p);
                    return ({LOW_CONTRAST})(3.0); }}"""
    )
    assert [f for f in found if "dark grey text" in f]
