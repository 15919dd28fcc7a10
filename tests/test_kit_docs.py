"""The instructor's kit: readings, rubrics and role cards link to what exists, cover every lesson and quote the data."""

import re
from pathlib import Path

import pytest
import titfortat as tt

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
KIT = ["readings.md", "rubrics.md", "roles.md"]
LESSONS = ["00", "01", "02", "03", "04", "05", "06"]
ACTORS = [
    "US National Security Council",
    "The Iraqi prime minister's office",
    "Kataib Hezbollah",
    "The Quds Force",
    "The Sadrist movement",
    "The Kurdistan Regional Government",
]
CARD_PARTS = [
    "**Interests (argued).**",
    "**Red lines (stated).**",
    "**What you knew, and when",
    "**Your own reading.**",
    "**Read.**",
]

_MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
_AUTOLINK = re.compile(r"<([^>\s]+)>")
_EVENT_ID = re.compile(r"`(\d{4}-\d{2}-\d{2}-[a-z0-9_]+-[a-z0-9_]+)`")
_NUMBER_ROW = re.compile(r"^\| `(\w+)` \| ([^|]+) \|", re.M)


def _text(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, str]:
    """Each `## ` heading of a document mapped to the text under it."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def _entries(section: str) -> list[str]:
    """The list items of a section, each with its indented continuation lines."""
    return [" ".join(m.group(0).split()) for m in re.finditer(r"^- .*(?:\n  .*)*", section, re.M)]


def _quoted_numbers(events) -> dict[str, list[float]]:
    """Every number the rubric examples quote, recomputed from the events."""
    attacks = tt.attacks(events)
    per_year = tt.attacks_per_year(events)
    per_month = attacks.groupby(attacks["date"].dt.strftime("%Y-%m")).size()
    april = tt.before_after(events, "2020-04-01", 180, by="region")
    august = tt.before_after(events, "2020-08-23", 180, by="region")
    august_sites = tt.before_after(events, "2020-08-23", 180, by="site")
    rows = events.set_index("event_id")
    strikes = tt.of_types(events, ["us_strike"])
    weights = {"sovereignty": 2, "escalation_risk": 2, "deterrence": 1, "cost": 1}
    ranking = tt.rank_options(weights)["score"]
    k1 = rows.loc["2019-12-27-k1-rocket", "date"]
    first_strike = strikes.loc[strikes["date"] >= k1, "date"].min()

    def study(window):
        summary = tt.mean_change(tt.event_study(events, window))
        return [round(summary[k], 1) for k in ("mean_change", "low", "high")]

    def region(table, name):
        return [int(table.loc[name, "before"]), int(table.loc[name, "after"])]

    def total(table):
        return [int(table["before"].sum()), int(table["after"].sum())]

    return {
        "attacks_2019": [per_year[2019]],
        "attacks_2020": [per_year[2020]],
        "attacks_2020_08": [per_month["2020-08"]],
        "attacks_2020_09": [per_month["2020-09"]],
        "strike_2019_12_29_killed": [rows.loc["2019-12-29-al_qaim-strike", "other_killed"]],
        "april_baghdad": region(april, "Baghdad"),
        "april_south": region(april, "South"),
        "april_north": region(april, "North"),
        "april_total": total(april),
        "august_baghdad": region(august, "Baghdad"),
        "august_south": region(august, "South"),
        "august_total": total(august),
        "august_taji": region(august_sites, "taji"),
        "strike_days": [len(tt.event_study(events, 30))],
        "event_study_14": study(14),
        "event_study_30": study(30),
        "event_study_60": study(60),
        "matrix_iraqi_courts": [round(ranking["iraqi_courts"], 2)],
        "matrix_restraint": [round(ranking["restraint"], 2)],
        "k1_to_first_strike_days": [(first_strike - k1).days],
        "attacks_after_missiles": [len(tt.between(attacks, "2020-01-09", "2020-01-22"))],
        "attacks": [len(attacks)],
        "attacks_no_named_actor": [int((attacks["actor"] == "unknown").sum())],
        "attacks_claimed": [int((attacks["attribution"] == "claimed").sum())],
        "us_killed_in_attacks": [attacks["us_killed"].sum()],
        "others_killed_in_attacks": [attacks["other_killed"].sum()],
        "killed_in_us_strikes": [strikes["other_killed"].sum()],
        "attacks_2020_01_04_to_04_02": [len(tt.between(attacks, "2020-01-04", "2020-04-02"))],
    }


@pytest.mark.parametrize("name", KIT)
def test_every_link_in_the_kit_is_a_web_address_or_a_file_that_exists(name):
    text = _text(name)
    targets = _MARKDOWN_LINK.findall(text) + _AUTOLINK.findall(text)
    assert targets, f"{name} links to nothing"
    for target in targets:
        if re.match(r"https?://\S+\.\S+", target):
            continue
        assert not re.match(r"\w+:", target), f"{name}: {target} is neither http(s) nor a relative path"
        assert (DOCS / target.split("#")[0]).exists(), f"{name}: {target} does not exist"


def test_each_lesson_has_a_readings_section_with_three_to_six_entries():
    sections = _sections(_text("readings.md"))
    for lesson in LESSONS:
        headings = [h for h in sections if h.startswith(lesson + " ")]
        assert len(headings) == 1, f"lesson {lesson} needs exactly one readings section"
        entries = _entries(sections[headings[0]])
        assert 3 <= len(entries) <= 6, f"lesson {lesson} has {len(entries)} readings"


def test_each_reading_has_an_address_a_reason_and_says_how_much_was_read():
    sections = _sections(_text("readings.md"))
    for heading, body in sections.items():
        for entry in _entries(body):
            assert re.search(r"<https?://[^>]+>", entry), f"{heading}: no address in {entry[:60]!r}"
            assert "Why here:" in entry, f"{heading}: no reason in {entry[:60]!r}"
            assert re.search(r"(Opening read|Summary read|Summary only|Summary and opening read)", entry), entry[:60]


def test_every_event_the_kit_cites_is_a_row_of_the_dataset(events):
    ids = set(events["event_id"])
    for name in KIT:
        cited = set(_EVENT_ID.findall(_text(name)))
        assert not cited - ids, f"{name} cites rows that do not exist: {sorted(cited - ids)}"
    assert len(set(_EVENT_ID.findall(_text("roles.md")))) >= 30


def test_role_cards_cover_the_six_actors_each_with_its_five_parts():
    sections = _sections(_text("roles.md"))
    assert list(sections) == ACTORS
    for actor, body in sections.items():
        for part in CARD_PARTS:
            assert part in body, f"{actor}: missing {part}"


def test_rubrics_mark_every_task_the_guide_assesses_and_a_final_essay():
    guide = _sections(_text("instructor_guide.md"))["Lesson by lesson"]
    assessed = [
        m.group(1) for m in re.finditer(r"^### (\d\d) .*?\n(?:(?!### ).*\n)*?- \*\*Assess:\*\* (?!none)", guide, re.M)
    ]
    assert assessed, "the guide's Assess: lines were not found"
    rubrics = _sections(_text("rubrics.md"))
    for lesson in assessed + ["06"]:
        headings = [h for h in rubrics if h.startswith(lesson + " ")]
        assert len(headings) == 1, f"no rubric for lesson {lesson}"
    assert any(h.startswith("Final essay") for h in rubrics)
    for heading, body in rubrics.items():
        if re.match(r"\d\d |Final essay", heading):
            assert "| Criterion | 4 | 3 | 2 | 1 |" in body, heading
            for level in range(1, 5):
                assert f"**Level {level}" in body, f"{heading}: no example at level {level}"


def test_numbers_quoted_in_the_rubric_examples_are_the_data_s(events):
    quoted = {key: [float(v) for v in value.split(",")] for key, value in _NUMBER_ROW.findall(_text("rubrics.md"))}
    computed = _quoted_numbers(events)
    assert set(quoted) == set(computed)
    for key, values in computed.items():
        assert quoted[key] == pytest.approx([float(v) for v in values]), (
            f"{key}: rubrics say {quoted[key]}, data say {values}"
        )
