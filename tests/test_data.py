"""The shipped CSV validates, and each kind of malformed file gets one clear error."""

import csv
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest
import titfortat as tt
from titfortat.data import DATAPACKAGE, EVENTS_CSV, DataError, field_enum, validate


@pytest.fixture(scope="module")
def events(all_events):
    """The data checks below cover every row, of both periods."""
    return all_events


def test_shipped_events_validate_and_load_with_types(events):
    validate(EVENTS_CSV, DATAPACKAGE)  # always the full check, whatever the cache remembers
    # Issue 12's target for the 2017-2021 record: at least 300 events, 25 of them before 2019.
    assert len(tt.between(events, "2017-01-01", "2021-12-31")) >= 300
    assert len(tt.between(events, "2017-01-01", "2018-12-31")) >= 25
    # Every line of the CSV loads, and the default period is its 2017-2021 lines, no more and no fewer
    # (counted here with the csv module).
    with EVENTS_CSV.open(encoding="utf-8", newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert sorted(events["event_id"]) == sorted(line["event_id"] for line in lines)
    first_period = [line["event_id"] for line in lines if "2017-01-01" <= line["date"] <= "2021-12-31"]
    assert sorted(tt.load_events()["event_id"]) == sorted(first_period)
    assert str(events["date"].dtype).startswith("datetime64")
    assert str(events["us_killed"].dtype) == "Int64"
    assert isinstance(events["event_type"].dtype, pd.CategoricalDtype)


def test_every_row_cites_a_web_source_and_has_a_summary(events):
    assert events["source_url"].str.match(r"https?://\S+$").all()
    assert (events["summary"].str.len() > 20).all()


def test_event_ids_start_with_the_event_date(events):
    assert (events["event_id"].str[:10] == events["date"].dt.strftime("%Y-%m-%d")).all()


def test_coordinates_are_the_site_table_coordinates(events):
    table = tt.sites()
    located = events.dropna(subset=["latitude"])
    expected = table.loc[located["site"].astype(str), ["latitude", "longitude"]].to_numpy(dtype=float)
    assert (abs(located[["latitude", "longitude"]].to_numpy() - expected) < 1e-4).all()


def test_every_site_with_coordinates_cites_where_they_came_from():
    table = tt.sites().dropna(subset=["latitude"])
    assert table["source_url"].str.startswith("http").all()


def test_rows_without_coordinates_are_only_political_or_troop_changes(events):
    blank = events[events["latitude"].isna()]
    assert set(blank["event_type"].astype(str)) <= {"political", "troop_change"}


def test_key_escalation_events_are_present(events):
    for day, kind in [
        ("2019-12-27", "rocket_attack"),
        ("2019-12-29", "us_strike"),
        ("2019-12-31", "assault"),
        ("2020-01-03", "us_strike"),
        ("2020-01-08", "missile_strike"),
        ("2020-03-11", "rocket_attack"),
    ]:
        assert ((events["date"] == day) & (events["event_type"] == kind)).any(), (day, kind)


# Values read in the rows' sources, pinned so that a count already wrong when the lessons' outputs were
# stored cannot pass. Blank counts are None.
PINNED = {
    # K-1, 27 Dec 2019. The coalition's statement (Kurdistan24, 27 Dec 2019) and Reuters: one US civilian
    # contractor killed. The row's source (Wikipedia, citing the Pentagon): four US service members
    # wounded, 31 107mm rockets by the US count (11-16 by Iraqi accounts).
    "2019-12-27-k1-rocket": {
        "event_type": "rocket_attack",
        "actor": "kataib_hezbollah",
        "attribution": "blamed_by_us",
        "projectiles": 31,
        "us_killed": 1,
        "us_wounded": 4,
    },
    # Ain al-Asad, 8 Jan 2020. AFP via ABS-CBN, 22 Feb 2020 (the row's source): nobody killed; the Pentagon's
    # final count of mild traumatic brain injuries was 110.
    "2020-01-08-ain_al_asad-missile": {
        "event_type": "missile_strike",
        "actor": "iran",
        "us_killed": 0,
        "us_wounded": 110,
    },
    # Camp Taji, 11 Mar 2020. The CJTF-OIR release of 12 Mar 2020 (the row's source): about 18 107mm rockets,
    # three coalition personnel killed; two Americans and a Briton (LA Times, citing the coalition). The
    # wounded (about 12) were not given by nationality, so us_wounded is blank.
    "2020-03-11-taji-rocket": {
        "event_type": "rocket_attack",
        "projectiles": 18,
        "us_killed": 2,
        "other_killed": 1,
        "us_wounded": None,
    },
    # Karbala airport, 13 Mar 2020. AFP via The Defense Post (the row's source): one civilian worker killed.
    "2020-03-13-karbala_airport-strike": {"event_type": "us_strike", "other_killed": 1},
    # Ain al-Asad, 3 Mar 2021. Military.com (the row's source): a US contractor died of a heart attack while
    # sheltering; no one was hit by the rockets.
    "2021-03-03-ain_al_asad-rocket": {"event_type": "rocket_attack", "us_killed": 1, "other_killed": 0},
    # Abu Kamal, 26 Feb 2021 (local time). The Pentagon gave no toll and reports range from 1 to 22
    # (notes): the row keeps the count blank.
    "2021-02-26-abu_kamal-strike": {"event_type": "us_strike", "country": "Syria", "other_killed": None},
}


@pytest.mark.parametrize("event_id", sorted(PINNED))
def test_pinned_values_are_the_ones_the_sources_give(events, event_id):
    row = events.set_index("event_id").loc[event_id]
    found = {key: (None if pd.isna(row[key]) else row[key]) for key in PINNED[event_id]}
    assert found == PINNED[event_id]


def _broken_copy(tmp_path: Path, edit) -> Path:
    rows = list(csv.DictReader(EVENTS_CSV.open(encoding="utf-8")))
    fields = list(rows[0])
    rows, fields = edit(rows, fields)
    target = tmp_path / "events.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    shutil.copy(DATAPACKAGE, tmp_path / "datapackage.json")
    return target


def _set(index, column, value):
    def edit(rows, fields):
        rows[index][column] = value
        return rows, fields

    return edit


@pytest.mark.parametrize(
    "edit, expected",
    [
        (_set(5, "date", "2020-13-45"), ["line 7", "column 'date'"]),
        (_set(5, "event_type", "nuclear_strike"), ["line 7", "column 'event_type'"]),
        (_set(5, "us_killed", "-2"), ["line 7", "column 'us_killed'"]),
        (_set(5, "latitude", "51.5"), ["line 7", "column 'latitude'"]),
        (_set(5, "source_url", ""), ["line 7", "column 'source_url'"]),
        (_set(5, "site", "atlantis"), ["line 7", "column 'site'"]),
    ],
)
def test_malformed_cell_names_file_line_event_and_column(tmp_path, edit, expected):
    path = _broken_copy(tmp_path, edit)
    event_id = list(csv.DictReader(EVENTS_CSV.open(encoding="utf-8")))[5]["event_id"]
    with pytest.raises(DataError) as error:
        tt.load_events(path, tmp_path / "datapackage.json")
    message = str(error.value)
    for part in ["events.csv", event_id, *expected]:
        assert part in message


def test_duplicate_event_id_is_refused(tmp_path):
    def edit(rows, fields):
        rows[6]["event_id"] = rows[5]["event_id"]
        return rows, fields

    with pytest.raises(DataError, match=r"line 8 .*column 'event_id'"):
        tt.load_events(_broken_copy(tmp_path, edit), tmp_path / "datapackage.json")


def test_missing_column_is_refused(tmp_path):
    def edit(rows, fields):
        return rows, [f for f in fields if f != "summary"]

    with pytest.raises(DataError, match="summary"):
        tt.load_events(_broken_copy(tmp_path, edit), tmp_path / "datapackage.json")


def test_attack_without_coordinates_is_refused(tmp_path):
    def edit(rows, fields):
        first_attack = next(r for r in rows if r["event_type"] == "rocket_attack")
        first_attack["latitude"] = first_attack["longitude"] = ""
        return rows, fields

    with pytest.raises(DataError, match="latitude and longitude are required"):
        tt.load_events(_broken_copy(tmp_path, edit), tmp_path / "datapackage.json")


def test_codebook_coverage_table_matches_the_data(events):
    codebook = (EVENTS_CSV.parent / "README.md").read_text()
    table = tt.timeline.compare_with_published(events)
    assert len(table) == len(tt.data.published_counts())  # every stored tally, of both periods
    for _, row in table.iterrows():
        assert f"| {row['count']} | {row['in_dataset']} |" in codebook.replace("at least ", "").replace(
            "more than ", ""
        )
    for period in tt.data.periods().index:
        rows = tt.load_events(period=period)
        assert f"{len(rows)} rows, {len(tt.attacks(rows))} of them attacks" in " ".join(codebook.split()), period


def test_every_row_falls_in_one_period_and_the_default_is_2017_2021(events):
    spans = tt.data.periods()
    inside = [events["date"].between(row["start"], row["end"]) for _, row in spans.iterrows()]
    assert (sum(inside) == 1).all()
    assert tt.load_events()["date"].max() <= pd.Timestamp("2021-12-31")
    assert len(tt.load_events()) + len(tt.load_events(period="2023-2024")) == len(events)


def test_an_unknown_period_is_refused_in_one_sentence():
    with pytest.raises(tt.ParameterError, match="Parameter 'period' got '2022'; allowed: .*2017-2021"):
        tt.load_events(period="2022")


def test_the_wave_meets_issue_13s_coverage_aims():
    # At least 120 rows for October 2023 - March 2024 and 60 % of the Pentagon's last count.
    wave = tt.load_events(period="2023-2024")
    assert len(wave) >= 120
    table = tt.timeline.compare_with_published(wave)
    assert table["in_dataset"].iloc[-1] / table["count"].iloc[-1] >= 0.6


def test_validation_runs_once_per_file_content(tmp_path, monkeypatch):
    from titfortat import data

    monkeypatch.setattr(data, "CACHE_DIR", tmp_path / "cache")
    calls = []
    monkeypatch.setattr(data, "validate", lambda *args: calls.append(args))
    copy = tmp_path / "events.csv"
    copy.write_bytes(EVENTS_CSV.read_bytes())
    data.validate_once(copy, DATAPACKAGE)
    data.validate_once(copy, DATAPACKAGE)
    assert len(calls) == 1
    copy.write_bytes(EVENTS_CSV.read_bytes() + b"\n")
    data.validate_once(copy, DATAPACKAGE)
    assert len(calls) == 2


# Natural Earth's admin-1 lines are coarse around Baghdad: Camp Taji and Abu Ghraib, both in Baghdad
# province, fall 13-15 km outside it. A point further out than this is a wrong coordinate or province.
PROVINCE_TOLERANCE_KM = 20


def test_every_iraqi_site_lies_in_the_province_it_names():
    table = tt.sites().dropna(subset=["latitude"])
    iraqi = table[(table["country"] == "Iraq") & (table["province"].fillna("") != "")]
    assert len(iraqi) >= 40
    outside = {
        site: round(tt.geography.km_outside(row["longitude"], row["latitude"], row["province"]), 1)
        for site, row in iraqi.iterrows()
    }
    assert {site: km for site, km in outside.items() if km > PROVINCE_TOLERANCE_KM} == {}


def test_the_province_check_catches_a_site_put_in_the_wrong_province():
    basra_airport = tt.sites().loc["basra_airport"]
    assert tt.geography.km_outside(basra_airport["longitude"], basra_airport["latitude"], "Baghdad") > 300


def test_each_event_at_a_site_in_a_province_names_that_province(events):
    # A site without a province (e.g. "Iraq, nationwide") leaves the event free to name where it happened.
    site_province = tt.sites()["province"].fillna("")
    located = events[events["site"].notna()]
    expected = site_province.loc[located["site"].astype(str)].to_numpy()
    named = expected != ""
    assert named.sum() > 150
    assert (located["province"].fillna("").to_numpy()[named] == expected[named]).all()


def test_every_iraqi_province_named_in_the_data_is_on_the_map(events):
    named = set(events.loc[events["country"] == "Iraq", "province"].dropna()) - {""}
    assert named <= set(tt.geography.provinces())


def test_every_attack_with_a_partial_casualty_tally_says_why_in_notes(events):
    # The codebook's rule: a count left blank beside a filled one needs a "Tally:" reason in notes.
    counts = tt.attacks(events)[["us_killed", "us_wounded", "other_killed"]]
    partial = tt.attacks(events)[counts.notna().any(axis=1) & counts.isna().any(axis=1)]
    assert len(partial) >= 10
    unexplained = partial.loc[~partial["notes"].fillna("").str.contains("Tally:", regex=False), "event_id"]
    assert list(unexplained) == []


# --- Sources and their kinds (x-source-kinds in datapackage.json) ---

SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu"}  # as in bbc.co.uk, thenews.com.pk


def _registrable_domain(url: str) -> str:
    """The host without subdomains: https://www.rudaw.net/x -> rudaw.net, https://a.b.co.uk -> b.co.uk."""
    parts = urlsplit(url).hostname.lower().split(".")
    if len(parts) >= 3 and parts[-2] in SECOND_LEVEL and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def _is_repost(url: str, reposts: list[str]) -> bool:
    """True when the URL's host is a listed repost site or a subdomain of one."""
    host = urlsplit(url).hostname.lower()
    return any(host == site or host.endswith("." + site) for site in reposts)


def _source_kinds(path: Path = DATAPACKAGE) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))["x-source-kinds"]


def _source_problems(rows: list[dict], package: dict) -> list[str]:
    """One line per row whose source_kind is missing, whose domain is unknown or listed under another kind,
    or that cites a repost."""
    kind_of = {domain: kind for kind, entry in package["kinds"].items() for domain in entry["domains"]}
    problems = []
    for row in rows:
        url, kind, event = row["source_url"], row["source_kind"], row["event_id"]
        domain = _registrable_domain(url)
        if not kind:
            problems.append(f"{event}: no source_kind")
        if _is_repost(url, package["reposts"]):
            problems.append(f"{event}: cites a repost site ({urlsplit(url).hostname})")
        elif domain not in kind_of:
            problems.append(f"{event}: domain {domain} is not in x-source-kinds")
        elif kind and kind_of[domain] != kind:
            problems.append(f"{event}: source_kind {kind}, but {domain} is listed as {kind_of[domain]}")
    return problems


def _rows() -> list[dict]:
    return list(csv.DictReader(EVENTS_CSV.open(encoding="utf-8")))


def test_source_kind_vocabulary_is_the_schema_enum_and_each_domain_has_one_kind():
    package = _source_kinds()
    assert list(package["kinds"]) == field_enum("source_kind")
    listed = [domain for entry in package["kinds"].values() for domain in entry["domains"]]
    assert len(listed) == len(set(listed))
    assert all(entry["definition"] for entry in package["kinds"].values())
    assert not set(package["reposts"]) & set(listed)


def test_every_row_has_a_known_source_domain_of_its_kind_and_no_repost():
    assert _source_problems(_rows(), _source_kinds()) == []


@pytest.mark.parametrize(
    "column, value, expected",
    [
        ("source_kind", "", "no source_kind"),
        ("source_url", "https://dinardetectives.com/rudaw-786/", "cites a repost site (dinardetectives.com)"),
        ("source_url", "https://digital-stage.thehill.com/policy/x/amp", "cites a repost site"),
        ("source_url", "https://www.example-news.org/story", "domain example-news.org is not in x-source-kinds"),
        ("source_kind", "official", "source_kind official, but"),
    ],
)
def test_source_check_catches_a_bad_row(column, value, expected):
    rows = _rows()
    plain = next(r for r in rows if r["source_kind"] == "news_outlet")
    plain[column] = value
    problems = _source_problems(rows, _source_kinds())
    assert len(problems) == 1
    assert problems[0].startswith(plain["event_id"]) and expected in problems[0]


def test_registrable_domain_drops_subdomains_but_keeps_country_second_levels():
    assert _registrable_domain("https://www.rudaw.net/english/x") == "rudaw.net"
    assert _registrable_domain("https://en.m.wikipedia.org/wiki/X") == "wikipedia.org"
    assert _registrable_domain("https://www.thenews.com.pk/print/1") == "thenews.com.pk"
    assert _registrable_domain("https://ina.iq/eng/1.html") == "ina.iq"


def _codebook_list(heading: str) -> list[str]:
    """The event ids listed as `- `id`` lines under a codebook heading, up to the next heading."""
    text = (EVENTS_CSV.parent / "README.md").read_text(encoding="utf-8")
    section = text.split(heading, 1)[1].split("\n#", 1)[0]
    return re.findall(r"^- `([^`]+)`", section, flags=re.MULTILINE)


def test_codebook_lists_exactly_the_rows_resting_on_state_media_or_a_militia_channel(events):
    partisan = events[events["source_kind"].isin(["state_media", "militia_channel"])]
    listed = _codebook_list("### Rows resting on state media or a militia channel")
    assert len(listed) == len(set(listed))
    assert set(listed) == set(partisan["event_id"])
