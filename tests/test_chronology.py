"""The printable timeline: its periods, which events each page lists, the cast names, escaping and page breaks."""

import re

import pandas as pd
from frames import make_events
from titfortat.chronology import periods, timeline_html, timeline_table
from titfortat.reference import cast
from titfortat.timeline import attacks

PAYLOAD = "</script><img src=x onerror=alert(1)>"


def _small_frame():
    frame = make_events(
        [
            ("2019-03-01", "rocket_attack", "k1", "kataib_hezbollah", {"us_killed": 1}),
            ("2019-03-02", "rocket_attack", "k1", "kataib_hezbollah", {"us_wounded": 2}),
            ("2019-03-03", "ied_attack", "k1", "unknown", {"other_killed": 0}),
            ("2019-03-04", "political", "baghdad", "iraq_parliament"),
            ("2020-01-03", "us_strike", "baghdad_airport", "united_states"),
        ]
    )
    frame.loc[3, "summary"] = PAYLOAD
    frame.loc[4, "source_name"] = PAYLOAD
    return frame


def test_pages_cover_each_data_period_without_gaps_or_overlaps():
    import titfortat as tt

    spans = [(pd.Timestamp(p.start), pd.Timestamp(p.end)) for p in periods()]
    for _, period in tt.data.periods().iterrows():
        inside = [(s, e) for s, e in spans if period["start"] <= s and e <= period["end"]]
        assert inside[0][0] == period["start"] and inside[-1][1] == period["end"]
        for (_, end), (start, _) in zip(inside, inside[1:]):
            assert start - end == pd.Timedelta(days=1)
    assert all(start <= end for start, end in spans)
    assert len(spans) == 5


def test_every_listed_event_falls_in_its_period(all_events):
    events = all_events
    for period in periods():
        table = timeline_table(events, period.start, period.end)
        assert len(table) > 0, period.title
        assert table["date"].between(pd.Timestamp(period.start), pd.Timestamp(period.end)).all(), period.title


def test_deadly_attacks_are_listed_and_attacks_without_a_death_are_not():
    table = timeline_table(_small_frame(), "2019-01-01", "2019-12-31")
    assert list(table["date"]) == [pd.Timestamp("2019-03-01"), pd.Timestamp("2019-03-04")]
    assert "US killed 1" in table.loc[0, "kind"]


def test_the_real_timeline_lists_every_deadly_attack_and_no_other_rocket_or_ied_attack(all_events):
    events = all_events
    found = attacks(events)
    deadly = found[(found["us_killed"].fillna(0) > 0) | (found["other_killed"].fillna(0) > 0)]
    listed = pd.concat([timeline_table(events, p.start, p.end) for p in periods()])
    assert set(deadly["summary"]) <= set(listed["what"])
    harmless = found[~found.index.isin(deadly.index) & found["event_type"].isin(["rocket_attack", "ied_attack"])]
    assert not set(harmless["summary"]) & set(listed["what"])


def test_who_is_the_cast_name_not_the_key(events):
    people = cast()
    table = timeline_table(events, "2020-01-01", "2020-12-31")
    assert (table["who"] == [people[key]["name"] for key in table["actor"]]).all()
    assert "kataib_hezbollah" not in set(table["who"])


def test_hostile_text_from_the_data_prints_as_text():
    page = timeline_html(_small_frame())
    assert PAYLOAD not in page
    assert "<img" not in page
    assert html_escaped(PAYLOAD) in page


def html_escaped(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_a_source_address_that_is_not_http_is_not_a_link():
    frame = _small_frame()
    frame.loc[3, "source_url"] = "javascript:alert(1)"
    assert 'href="javascript' not in timeline_html(frame)


def test_one_page_breaking_section_per_period_and_a_who_is_who_in_each(events):
    page = timeline_html(events)
    sections = re.findall(r'<section class="period">(.*?)</section>', page, flags=re.S)
    assert len(sections) == len(periods())
    assert re.search(r"section\.period \{[^}]*break-before: page", page)
    for section, period in zip(sections, periods()):
        assert f"<h2>{period.title}</h2>" in section
        assert "Who's who" in section
    assert not re.search(r'(src|href)="(https?:)?//[^"]*\.(css|js|woff2?)"', page), "must print offline"
    assert "<script" not in page and "<link" not in page
