"""Lesson 06 in JupyterLab in Chromium: a whole crisis played by clicking, with no network beyond this machine."""

import csv
import io
from urllib.parse import unquote

from lab_pages import ROOT, SCREENSHOTS, check_clean, open_notebook, run_all_cells
from titfortat import load_events, simulation
from titfortat.response import OPTIONS

PATH = ROOT / "notebooks" / "06_crisis_simulation.ipynb"
# One choice per decision point of the default cycle, cycling through the options.
CHOICES = list(OPTIONS)


def test_a_student_plays_the_whole_cycle_and_gets_the_comparison_and_the_csv(page, lab):
    points = simulation.decision_points(load_events(), "soleimani")
    open_notebook(page, lab, PATH)
    run_all_cells(page)
    room = page.locator(".jupyter-widgets.widget-vbox", has=page.locator("button", has_text="Decide")).first
    room.scroll_into_view_if_needed()
    outcome = room.locator(".widget-html", has_text="What was actually done")
    for index in range(len(points)):
        # the kernel's reply to "Next" reaches the page in several messages: wait for the new point to show
        room.locator(".widget-html", has_text=f"Decision {index + 1} of {len(points)}").wait_for(timeout=20_000)
        outcome.wait_for(state="detached", timeout=20_000)
        room.locator(".widget-radio-box label", has_text=OPTIONS[CHOICES[index]]).click()
        room.locator(".widget-textarea textarea").fill(f"My reason number {index + 1}")
        page.wait_for_timeout(300)
        assert outcome.count() == 0, "the reveal showed before the decision"
        room.locator("button", has_text="Decide").click()
        outcome.wait_for(timeout=20_000)
        assert "Recorded" in room.inner_text()
        if index == 0:
            room.screenshot(path=str(SCREENSHOTS / "06_crisis_simulation-reveal.png"))
        room.locator("button", has_text="Next decision" if index + 1 < len(points) else "See the comparison").click()
    room.locator(".widget-html", has_text="your choices beside the real ones").wait_for(timeout=20_000)
    link = room.locator("a[download]")
    href = link.get_attribute("href")
    assert href.startswith("data:text/csv")
    rows = list(csv.DictReader(io.StringIO(unquote(href.split(",", 1)[1]))))
    assert [row["your_choice"] for row in rows] == [OPTIONS[key] for key in CHOICES[: len(points)]]
    assert rows[-1]["your_reason"] == f"My reason number {len(points)}"
    comparison = room.locator(".widget-html", has_text="Download your choices")
    comparison.screenshot(path=str(SCREENSHOTS / "06_crisis_simulation-comparison.png"))
    check_clean(page, PATH.name)
