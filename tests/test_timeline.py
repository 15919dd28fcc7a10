import pandas as pd
import titfortat as tt
from frames import make_events

ROWS = [
    ("2020-01-05", "rocket_attack", "taji", "unknown"),
    ("2020-01-20", "ied_attack", "babil", "unknown"),
    ("2020-03-02", "rocket_attack", "taji", "kataib_hezbollah"),
    ("2020-03-03", "us_strike", "al_qaim", "united_states"),
    ("2020-03-04", "political", "baghdad", "iraq_parliament"),
]


def test_attacks_per_month_fills_empty_months_with_zero():
    monthly = tt.attacks_per_month(make_events(ROWS))
    assert list(monthly.index.strftime("%Y-%m")) == ["2020-01", "2020-02", "2020-03"]
    assert monthly.loc["2020-02-01"].sum() == 0
    assert monthly.loc["2020-01-01", "rocket_attack"] == 1 and monthly.loc["2020-01-01", "ied_attack"] == 1


def test_attacks_exclude_strikes_and_politics():
    assert list(tt.attacks(make_events(ROWS))["event_type"]) == ["rocket_attack", "ied_attack", "rocket_attack"]


def test_count_by_site_orders_largest_first():
    counts = tt.count_by(tt.attacks(make_events(ROWS)), "site")
    assert counts.to_dict() == {"taji": 2, "babil": 1}


def test_attacks_per_year_includes_years_with_none():
    frame = make_events([("2018-05-01", "rocket_attack", "taji", "unknown"), ("2020-05-01", "political", "x", "y")])
    assert tt.attacks_per_year(frame).to_dict() == {2018: 1, 2019: 0, 2020: 0}


def test_between_includes_both_ends():
    assert len(tt.between(make_events(ROWS), "2020-01-05", "2020-03-02")) == 3


def test_casualties_treat_unknown_as_zero():
    frame = make_events(
        [
            ("2020-01-01", "rocket_attack", "taji", "u", {"us_killed": 2}),
            ("2020-01-02", "rocket_attack", "taji", "u", {"other_killed": 3}),
        ]
    )
    assert tt.casualties(frame).to_dict() == {"us_killed": 2, "us_wounded": 0, "other_killed": 3}


def test_compare_with_published_counts_attacks_in_each_window(events):
    table = tt.timeline.compare_with_published(events)
    first = table.iloc[0]
    expected = len(tt.between(tt.attacks(events), first["start"], first["end"]))
    assert first["in_dataset"] == expected
    assert first["share"] == round(expected / first["count"], 2)
    # The counts as their reports give them: the coalition's spokesman on 4 Jan 2020, 13 attacks in two
    # months (Orient News, carrying Fox News); AFP's running tally, the Taji salvo of 11 Mar 2020 the 22nd
    # attack on US military interests since late October (Al Arabiya, 12 Mar 2020).
    published = table.set_index("end")["count"]
    assert (published[pd.Timestamp("2020-01-04")], published[pd.Timestamp("2020-03-11")]) == (13, 22)


def test_key_events_are_the_non_attack_turning_points():
    kinds = set(tt.key_events(make_events(ROWS))["event_type"])
    assert kinds == {"us_strike", "political"}
    assert list(tt.key_events(make_events(ROWS))["date"].astype(str)) == ["2020-03-03", "2020-03-04"]


def test_attacks_by_province_lists_every_province_and_counts_the_unplaced():
    events = make_events(
        [
            ("2020-01-01", "rocket_attack", "green_zone", "unknown", {"province": "Baghdad", "country": "Iraq"}),
            ("2020-01-02", "rocket_attack", "green_zone", "unknown", {"province": "Baghdad", "country": "Iraq"}),
            ("2020-01-03", "ied_attack", "babil", "unknown", {"province": "Babil", "country": "Iraq"}),
            ("2020-01-04", "us_strike", "al_qaim", "united_states", {"province": "Anbar", "country": "Iraq"}),
            ("2020-01-05", "rocket_attack", "iraq_nationwide", "unknown", {"province": "", "country": "Iraq"}),
        ]
    )
    counts = tt.timeline.attacks_by_province(events)
    assert len(counts) == 18
    assert counts.head(2).to_dict() == {"Baghdad": 2, "Babil": 1}
    assert counts["Anbar"] == 0  # a US strike is not an attack
    assert counts.attrs["unplaced"] == 1


def test_events_per_month_keeps_the_top_categories_and_sums_the_rest_as_other():
    events = make_events(ROWS)
    monthly = tt.events_per_month(events, by="site", top=1)
    assert list(monthly.columns) == ["taji", "other"]
    assert monthly.to_numpy().sum() == len(events)
    assert list(tt.events_per_month(events, by="site", top=10).columns) == sorted(set(events["site"]))


def test_noun_for_says_attacks_only_when_every_type_is_an_attack():
    assert tt.timeline.noun_for(["rocket_attack", "ied_attack"]) == "Attacks"
    assert tt.timeline.noun_for(["rocket_attack", "us_strike"]) == "Events"


def test_weeks_with_events_counts_monday_to_sunday_weeks():
    frame = make_events(
        [("2020-01-06", "rocket_attack", "k1", "unknown"), ("2020-01-08", "rocket_attack", "k1", "unknown")]
    )
    assert tt.timeline.weeks_with_events(frame, "2020-01-06", "2020-01-19") == (1, 2)


def test_monthly_reading_states_total_busiest_empty_and_first_busy_month():
    frame = make_events(
        [(f"2020-0{m}-1{i}", "rocket_attack", "k1", "unknown") for m, n in [(2, 1), (3, 3)] for i in range(n)]
    )
    monthly = tt.attacks_per_month(frame, start="2020-01-01", end="2020-04-30")
    assert tt.timeline.monthly_reading(monthly, "attacks") == (
        "The chart counts 4 attacks over 4 months; the busiest month is March 2020, with 3, and 2 months have "
        "none. The first month with three or more is March 2020."
    )
    assert tt.timeline.monthly_reading(monthly.iloc[:1], "attacks") == "The chart holds no attacks for these settings."


def test_events_by_province_counts_whatever_rows_it_is_given():
    frame = make_events([("2020-01-06", "us_strike", "k1", "united_states", {"province": "Kirkuk"})])
    assert tt.timeline.events_by_province(frame)["Kirkuk"] == 1
    assert tt.timeline.attacks_by_province(frame)["Kirkuk"] == 0


def test_weekly_reading_states_weeks_with_an_event():
    frame = make_events([("2020-01-06", "rocket_attack", "k1", "unknown")])
    assert tt.timeline.weekly_reading(frame, "2020-01-06", "2020-01-19", "attack") == (
        "From 6 January 2020 to 19 January 2020, 1 of the 2 weeks (Monday to Sunday) had at least one recorded attack."
    )


def test_milestones_are_the_turning_points_in_date_order(events):
    marks = tt.timeline.milestones(events)
    assert list(marks["date"]) == sorted(marks["date"])
    assert len(marks) == len(tt.timeline.MILESTONES)
    dated = dict(zip(marks["label"], marks["date"].dt.strftime("%Y-%m-%d")))
    # K-1: the coalition's statement (via Kurdistan24); Soleimani: the row's sources (strike confirmed by the
    # Pentagon, shortly after midnight Baghdad time); Syria: Department of Defense (before dawn local time)
    assert dated["K-1 attack"] == "2019-12-27"
    assert dated["Soleimani killed"] == "2020-01-03"
    assert dated["US strike in Syria"] == "2021-02-26"
    summary = marks.set_index("label").loc["Soleimani killed", "summary"]
    assert "Soleimani" in summary and "al-Muhandis" in summary


def test_milestones_between_start_and_end_include_both_ends(events):
    marks = tt.timeline.milestones(events, "2019-12-27", "2020-01-03")
    assert list(marks["label"]) == ["K-1 attack", "Soleimani killed"]
    assert list(tt.timeline.milestones(events, "2019-12-28", "2020-01-02")["label"]) == []
    later = tt.timeline.milestones(events, start="2021-01-01")
    assert list(later["label"]) == ["US strike in Syria", "End of combat mission agreed"]
    earlier = tt.timeline.milestones(events, end="2018-12-31")
    assert list(earlier["label"]) == ["Trump at Ain al-Asad"]
