import pandas as pd
import titfortat as tt
from frames import make_events
from titfortat import consolidation

ROWS = [
    ("2020-01-10", "rocket_attack", "k1", "unknown", {"province": "Kirkuk"}),
    ("2020-02-10", "rocket_attack", "taji", "unknown", {"province": "Baghdad"}),
    ("2020-03-29", "base_handover", "k1", "coalition", {"province": "Kirkuk"}),
    ("2020-05-10", "rocket_attack", "us_embassy", "unknown", {"province": "Baghdad"}),
    ("2020-05-20", "ied_attack", "babil", "unknown", {"province": "Babil"}),
]


def test_before_after_counts_equal_windows_and_flags_handed_over_sites():
    table = tt.before_after(make_events(ROWS), "2020-04-01", 90)
    assert table.loc["k1", "before"] == 1 and table.loc["k1", "after"] == 0 and table.loc["k1", "handed_over"]
    assert table.loc["us_embassy", "after"] == 1 and not table.loc["us_embassy", "handed_over"]
    assert table.loc["taji", "change"] == -1


def test_before_after_by_region_groups_provinces():
    table = tt.before_after(make_events(ROWS), "2020-04-01", 90, by="region")
    assert table.loc["Baghdad"].to_dict()["before"] == 1
    assert table.loc["South", "after"] == 1 and table.loc["North", "before"] == 1


def test_held_sites_after_skips_handed_over_sites():
    counts = tt.held_sites_after(make_events(ROWS), "2020-01-01")
    assert counts.to_dict() == {"taji": 1, "us_embassy": 1, "babil": 1}


def test_handovers_carry_the_site_name(events):
    table = tt.handovers(events)
    assert table["name"].notna().all()
    assert list(table["order"]) == list(range(1, len(table) + 1))


def test_handovers_of_2020_are_the_eight_the_coalition_counted(events):
    in_2020 = tt.handovers(events).query("date.dt.year == 2020")
    # Camp Taji, handed over on 23 Aug 2020, was the coalition's eighth base returned to Iraqi forces since
    # March (Reuters via Daily Sabah, quoting the coalition; Just the News, the row's source: seven before
    # it). The first was al-Qaim on 17 Mar 2020 (OIR spokesman, via Al-Masdar News, the row's source).
    assert len(in_2020) == 8
    assert (in_2020["site"].iloc[-1], in_2020["date"].iloc[-1]) == ("taji", pd.Timestamp("2020-08-23"))
    assert (in_2020["site"].iloc[0], in_2020["date"].iloc[0]) == ("al_qaim", pd.Timestamp("2020-03-17"))
    # Q-West on 26 Mar (Military Times) and K-1 on 29 Mar (A News), the rows' sources
    dated = dict(zip(in_2020["site"], in_2020["date"].dt.strftime("%Y-%m-%d")))
    assert (dated["q_west"], dated["k1"]) == ("2020-03-26", "2020-03-29")


def test_before_after_keeps_the_chosen_sites_in_order_with_zeros():
    table = tt.before_after(make_events(ROWS), "2020-04-01", 90, sites=["us_embassy", "balad", "k1"])
    assert list(table.index) == ["us_embassy", "balad", "k1"]
    assert table.loc["balad", ["before", "after", "change"]].tolist() == [0, 0, 0]
    assert table.loc["k1", "handed_over"] and not table.loc["us_embassy", "handed_over"]


def test_held_sites_after_stops_at_the_end_date():
    counts = tt.held_sites_after(make_events(ROWS), "2020-01-01", "2020-05-15")
    assert counts.to_dict() == {"taji": 1, "us_embassy": 1}


HANDED = [
    ("2020-03-01", "rocket_attack", "taji", "unknown"),
    ("2020-08-01", "rocket_attack", "taji", "unknown"),  # after an April cut-off, before Taji's own handover
    ("2020-08-23", "base_handover", "taji", "coalition"),
    ("2020-03-29", "base_handover", "k1", "coalition"),
    ("2020-04-20", "rocket_attack", "k1", "unknown"),
]


def test_attacks_around_handovers_counts_from_each_base_own_date():
    around = consolidation.attacks_around_handovers(make_events(HANDED), 180).set_index("site")
    assert around.loc["taji", ["before", "after"]].tolist() == [2, 0]
    assert around.loc["k1", ["before", "after"]].tolist() == [0, 1]


def test_handover_finding_states_the_totals_and_names_bases_hit_after():
    around = consolidation.attacks_around_handovers(make_events(HANDED), 180)
    sentence = consolidation.handover_finding(around, 180)
    assert "2 handed-over bases had 2 attacks" in sentence and "and 1 in the 180 days after (at k1)" in sentence


def _regions(before, after, index):
    table = pd.DataFrame({"before": before, "after": after}, index=index)
    return table.assign(change=table["after"] - table["before"])


def test_shift_finding_says_moved_only_when_the_total_held_up():
    moved = consolidation.shift_finding(_regions([5, 0], [4, 3], ["Baghdad", "South"]), 180)
    assert "from 5 to 7" in moved and "rose in South and fell in Baghdad, so they moved" in moved
    fell = consolidation.shift_finding(_regions([6, 0], [0, 1], ["Baghdad", "South"]), 30)
    assert "fell overall, though they rose in South" in fell and "moved" not in fell
    everywhere = consolidation.shift_finding(_regions([4, 2], [1, 2], ["Baghdad", "South"]), 90)
    assert "fell or held level in every region (Baghdad fell)" in everywhere


def test_window_totals_count_attacks_either_side_at_each_window():
    rows = [
        ("2020-03-25", "rocket_attack", "taji", "unknown"),
        ("2020-02-20", "rocket_attack", "taji", "unknown"),
        ("2020-04-05", "rocket_attack", "taji", "unknown"),
        ("2020-05-20", "rocket_attack", "taji", "unknown"),
        ("2020-05-25", "rocket_attack", "taji", "unknown"),
    ]
    totals = consolidation.window_totals(make_events(rows), "2020-04-01", [10, 60])
    assert totals.loc[10].tolist() == [1, 1, 0] and totals.loc[60].tolist() == [2, 3, 1]


def test_window_finding_names_the_longest_window_that_fell_and_the_first_that_rose():
    totals = pd.DataFrame({"change": [-5, -2, 0, 3, -1, 4]}, index=[30, 60, 90, 120, 150, 180])
    assert consolidation.window_finding(totals, "2020-04-01") == (
        "Around 01 April 2020, attacks fell or held level overall at every window from 30 to 90 days; they first "
        "rose at 120 days, and rose at 2 of the 6 windows tried up to 180 days."
    )
    assert "fell or held level at every window tried" in consolidation.window_finding(
        totals.clip(upper=0), "2020-04-01"
    )
