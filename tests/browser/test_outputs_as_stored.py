"""What a student sees first: each lesson opened without running, and its static HTML copy, offline."""

import pytest
from lab_pages import (
    NOTEBOOKS,
    OVERLAPS,
    SCREENSHOTS,
    check_clean,
    drawn_figures,
    open_notebook,
    screenshot_figures,
    stored_figures,
    wait_for_stored_figures,
)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_stored_outputs_render_without_running(page, lab, path):
    open_notebook(page, lab, path)
    expected = wait_for_stored_figures(page, path)
    assert drawn_figures(page) == expected
    assert page.evaluate(OVERLAPS) == [], "texts print over each other"
    screenshot_figures(page, path.stem, "stored")
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


def test_the_overlap_check_catches_a_label_printed_over_another(page, lab):
    path = NOTEBOOKS[0]
    open_notebook(page, lab, path)
    wait_for_stored_figures(page, path)
    # Planted and checked in one call, so nothing can redraw the figure in between.
    found = page.evaluate(
        f"""() => {{ const tick = document.querySelector('.js-plotly-plot g.xtick text');
                    tick.parentNode.appendChild(tick.cloneNode(true));
                    return ({OVERLAPS})(); }}"""
    )
    assert found


def test_printable_timeline_opens_offline_with_every_period_and_prints_a_page_each(page, tmp_path, events):
    import re

    from titfortat.chronology import periods, timeline_html

    path = tmp_path / "timeline.html"  # as the static edition writes it
    path.write_text(timeline_html(events), encoding="utf-8")
    page.goto(path.as_uri())
    headings = page.locator("section.period h2").all_inner_texts()
    assert headings == [period.title for period in periods()]
    breaks = page.evaluate(
        "() => [...document.querySelectorAll('section.period')].map(s => getComputedStyle(s).breakBefore)"
    )
    assert breaks[1:] == ["page"] * (len(periods()) - 1)
    page.screenshot(path=str(SCREENSHOTS / "timeline-static-html.png"))
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= len(periods())
    check_clean(page, path.name)
