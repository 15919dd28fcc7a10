import titfortat as tt
from frames import make_events

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
    assert len(table) >= 8
    assert table["name"].notna().all()
