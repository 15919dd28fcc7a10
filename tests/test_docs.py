"""The classroom kit: bibliography, static edition, citation file, palette and headings."""

import json
import re
import tomllib
from itertools import combinations
from pathlib import Path

import numpy as np
import titfortat as tt
import yaml
from titfortat import edition, figures
from titfortat.sources import bibliography, outlet

ROOT = Path(__file__).resolve().parents[1]


def test_sources_md_is_generated_from_the_current_csv(all_events):
    assert (ROOT / "docs" / "sources.md").read_text() == bibliography(all_events), "run `make sources`"


def test_bibliography_lists_every_cited_report_once_under_its_outlet(events):
    text = bibliography(events)
    for url in events["source_url"].unique():
        assert text.count(f"<{url}>") == 1
    assert outlet("Reuters via Hurriyet Daily News") == "Reuters"


def test_bibliography_counts_reports_outlets_and_events_and_puts_the_most_cited_outlet_first():
    from frames import make_events

    rows = make_events([("2020-01-0%d" % day, "rocket_attack", "taji", "unknown") for day in (1, 2, 3, 4)])
    rows["source_name"] = ["AP via Zee News", "Reuters", "AP", "AP via TIME"]
    rows["source_url"] = ["https://a.example/1", "https://r.example/1", "https://a.example/2", "https://a.example/2"]
    text = bibliography(rows)
    assert "3 reports from 2 outlets, for 4 events" in text
    sections = re.findall(r"^## (.+)$", text, re.M)
    assert sections == ["AP (2)", "Reuters (1)"]
    assert f"- <https://a.example/2>: `{rows['event_id'][2]}`, `{rows['event_id'][3]}`" in text


def test_static_edition_has_an_index_and_one_offline_page_per_lesson(tmp_path):
    index = edition.build(tmp_path)
    pages = sorted(p.name for p in tmp_path.glob("*.html"))
    lessons = [p.stem + ".html" for p in (ROOT / "notebooks").glob("0*.ipynb")]
    assert pages == sorted(["index.html", "timeline.html"] + lessons)
    for page in pages:
        assert f'href="{page}"' in index.read_text() or page == "index.html"
        assert not re.search(r'<script[^>]+src="https?://', (tmp_path / page).read_text())
    assert not list(tmp_path.glob("*.ipynb"))


def test_citation_file_has_the_required_fields_and_a_preferred_citation():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff["cff-version"] == "1.2.0"
    for key in ["message", "title", "authors", "license"]:
        assert cff[key]
    assert cff["preferred-citation"]["type"] and cff["preferred-citation"]["authors"]
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert cff["repository-code"] == pyproject["project"]["urls"]["Repository"]


# Machado, Oliveira & Fernandes (2009) simulation matrices, severity 1.0, on linear RGB.
SIMULATIONS = {
    "normal": np.eye(3),
    "protanopia": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    ),
    "deuteranopia": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    ),
    "tritanopia": np.array(
        [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
    ),
}


def _lab(hex_colour: str, matrix: np.ndarray) -> np.ndarray:
    srgb = np.array([int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    linear = np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    linear = np.clip(matrix @ linear, 0, 1)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_palette_colours_stay_distinguishable_under_colour_blindness():
    for group in [figures.EVENT_TYPE_COLOURS, figures.SIDE_COLOURS]:
        for simulation, matrix in SIMULATIONS.items():
            for (a, ca), (b, cb) in combinations(group.items(), 2):
                distance = np.linalg.norm(_lab(ca, matrix) - _lab(cb, matrix))
                assert distance > 12, f"{a} and {b} look alike under {simulation} (delta E {distance:.1f})"


def test_every_figure_in_the_lessons_carries_a_text_description():
    for path in (ROOT / "notebooks").glob("0*.ipynb"):
        for cell in json.loads(path.read_text())["cells"]:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if "application/vnd.plotly.v1+json" in data:
                    assert "".join(data["text/plain"]).startswith("Figure: "), path.name


def test_lesson_headings_never_skip_a_level():
    for path in (ROOT / "notebooks").glob("0*.ipynb"):
        levels = [
            len(m.group(1))
            for cell in json.loads(path.read_text())["cells"]
            if cell["cell_type"] == "markdown"
            for m in re.finditer(r"^(#+) ", "".join(cell["source"]), re.M)
        ]
        assert levels[0] == 1 and levels.count(1) == 1, path.name
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (path.name, levels)


def test_counts_stated_in_the_docs_are_the_data_counts(events):
    rows, attacks = len(events), len(tt.attacks(events))
    wave = len(tt.load_events(period="2023-2024"))
    stated = {
        "README.md": (r"events.csv`: (\d+) for 2017-2021, (\d+) for the wave", [rows, wave]),
        "docs/instructor_guide.md": (r"\((\d+) events, (\d+) attacks\)", [rows, attacks]),
        "data/README.md": (r"(\d+) rows, (\d+) of them attacks", [rows, attacks]),
    }
    for name, (pattern, expected) in stated.items():
        found = re.search(pattern, (ROOT / name).read_text().replace("\n", " "))
        assert found, f"{name} no longer states the counts"
        assert [int(g) for g in found.groups()] == expected, name
