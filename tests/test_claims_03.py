"""Every finding lesson 03 states in prose holds for the data under every parameter value it advertises.

Findings that change with the parameters are computed by the library (consolidation.handover_finding,
consolidation.shift_finding) and tested in test_consolidation.py; the sentences here must hold whatever
the student chooses."""

import re
from pathlib import Path

import pandas as pd
import pytest
import titfortat as tt
from titfortat import consolidation

LESSON = Path(__file__).resolve().parents[1] / "tools" / "lessons" / "03_base_consolidation.md"
DEFAULT_SITES = ["k1", "q_west", "taji", "ain_al_asad", "erbil_airport", "baghdad_airport", "us_embassy", "balad"]

# The defaults, the ends of each range, and the examples the parameters cell and rerun tests advertise.
PARAMETER_SETS = [
    {"cutoff": "2020-04-01", "window_days": 180, "sites": DEFAULT_SITES},
    {"cutoff": "2019-07-01", "window_days": 30, "sites": "k1"},
    {"cutoff": "2021-06-30", "window_days": 540, "sites": "us_embassy,baghdad,washington"},
    {"cutoff": "2019-07-01", "window_days": 540, "sites": DEFAULT_SITES},
    {"cutoff": "2021-06-30", "window_days": 30, "sites": DEFAULT_SITES},
]


def _handovers_2020(events):
    table = tt.handovers(events)
    return table[table["date"].dt.year == 2020]


def _most_attacked_places(events):
    """Sites by attacks, most first, without the stand-in points for events known only to a province."""
    counts = tt.count_by(tt.attacks(events), "site")
    stand_ins = tt.sites().index[tt.sites()["name"].str.contains("province")]
    return list(counts.index.difference(stand_ins, sort=False))


def _notes(events, event_id):
    return str(events.loc[events["event_id"] == event_id, "notes"].iloc[0])


def _date(events, event_id):
    return events.loc[events["event_id"] == event_id, "date"].iloc[0]


def _defaults_moved(events):
    regions = tt.before_after(events, "2020-04-01", 180, by="region")
    sites = tt.before_after(events, "2020-04-01", 180)
    return (
        regions.loc["Baghdad", "change"] > 0
        and regions.loc["South", "change"] > 0
        and regions["after"].sum() >= regions["before"].sum()
        and sites["change"].idxmax() == "baghdad_airport"
    )


def _first_southern_bomb(events):
    bombs = tt.of_types(events, ["ied_attack"])
    bombs = bombs[bombs["date"].dt.year == 2020]
    south = [consolidation.region_of(p, str(c)) == "South" for p, c in zip(bombs["province"], bombs["country"])]
    return bombs[south].sort_values("date").iloc[0]


_FELL = {}


def _fell_overall(events, window_days):
    # Cached: the key points check every window from 30 to 90 under each parameter set.
    key = (id(events), window_days)
    if key not in _FELL:
        table = tt.before_after(events, "2020-04-01", window_days, by="region")
        _FELL[key] = table["after"].sum() < table["before"].sum()
    return _FELL[key]


def _almost_ceased(events, window_days):
    around = consolidation.attacks_around_handovers(events, window_days)
    return around["after"].sum() <= max(1, around["before"].sum() // 4)


CLAIMS = {
    "03.attacks-grew-after-soleimani": (
        "Critics, including the news analysis lesson 04 checks, tie the move partly to the militias' frequent "
        "attacks, which grew after Soleimani's killing in January 2020.",
        lambda e, p: (
            len(tt.between(tt.attacks(e), "2020-01-04", "2020-07-01"))
            > len(tt.between(tt.attacks(e), "2019-07-06", "2020-01-02"))
        ),
    ),
    "03.all-eight-recorded": (
        "All eight 2020 handovers are recorded with the dates the coalition gave.",
        lambda e, p: len(_handovers_2020(e)) == 8,
    ),
    "03.coalition-said-pre-planned": (
        "The coalition said at the time that the transfers had been planned long before and were not a "
        "response to attacks or to COVID-19: see the notes of the rows `2020-03-29-k1-handover`, "
        "`2020-04-04-taqaddum-handover` and `2020-07-25-besmaya-handover`.",
        lambda e, p: (
            all(
                "unrelated" in _notes(e, i)
                for i in ["2020-03-29-k1-handover", "2020-04-04-taqaddum-handover", "2020-07-25-besmaya-handover"]
            )
            and "planned" in _notes(e, "2020-03-29-k1-handover") + _notes(e, "2020-07-25-besmaya-handover")
        ),
    ),
    "03.first-at-the-edges": (
        "The first handovers were at the edges: al-Qaim on the Syrian border, Q-West and K-1 in the north.",
        lambda e, p: list(_handovers_2020(e)["site"].astype(str).iloc[:3]) == ["al_qaim", "q_west", "k1"],
    ),
    "03.taji-last": (
        "Taji, north of Baghdad and one of the most attacked bases, was the last, in August.",
        lambda e, p: (
            _handovers_2020(e)["site"].iloc[-1] == "taji"
            and _handovers_2020(e)["date"].iloc[-1].month == 8
            and "taji" in _most_attacked_places(e)[:5]
        ),
    ),
    "03.province-bombs-on-capitals": (
        "Convoy bombs known only to a province sit on the province's capital.",
        lambda e, p: tt.sites().loc[["dhi_qar", "babil", "qadisiyah"], "name"].str.contains("provincial capital").all(),
    ),
    "03.defaults-moved": (
        "With the defaults (1 April 2020, 180 days), attacks did not disappear: they moved to Baghdad, above all "
        "to Baghdad airport, and, from mid-2020, to the roads in the south where Iraqi trucks carried coalition "
        "supplies.",
        lambda e, p: _defaults_moved(e),
    ),
    "03.convoy-bombs-began-in-july": (
        "The southern convoy bombs began only in July 2020 (`2020-07-22-al_batha-ied`).",
        lambda e, p: _first_southern_bomb(e)["event_id"] == "2020-07-22-al_batha-ied",
    ),
    "03.shorter-windows-fell": (
        "With windows of 90 days or less the after-window ends before the convoy bombs took off, and attacks "
        "fell overall:",
        lambda e, p: (
            all(_fell_overall(e, w) for w in range(30, 91))
            and pd.Timestamp("2020-04-01") + pd.Timedelta(days=90) < _first_southern_bomb(e)["date"]
        ),
    ),
    "03.kadhimi-raid-release": (
        "Iraq had a new prime minister, Mustafa al-Kadhimi, from May (`2020-05-06-baghdad-kadhimi_cabinet`), "
        "whose Counter-Terrorism Service raided a Kataib Hezbollah base in June (`2020-06-25-dora-kh_raid`); "
        "the men detained were freed within days (`2020-06-29-baghdad-kh_release`).",
        lambda e, p: (
            _date(e, "2020-05-06-baghdad-kadhimi_cabinet").month == 5
            and _date(e, "2020-06-25-dora-kh_raid").month == 6
            and 0 < (_date(e, "2020-06-29-baghdad-kh_release") - _date(e, "2020-06-25-dora-kh_raid")).days <= 7
        ),
    ),
    "03.september-cut": (
        "The cut from about 5,200 to 3,000 was announced in Iraq in September 2020, during the US presidential "
        "campaign and 17 days before the reported threat to close the embassy (`2020-09-09-iraq-troop_change`, "
        "`2020-09-26-us_embassy-political`; lesson 04).",
        lambda e, p: (
            (_date(e, "2020-09-26-us_embassy-political") - _date(e, "2020-09-09-iraq-troop_change")).days == 17
            and {"5,200", "3,000"}
            <= set(re.findall(r"\d,\d{3}", e.loc[e["event_id"] == "2020-09-09-iraq-troop_change", "summary"].iloc[0]))
        ),
    ),
    "03.key-eight-bases": (
        "The coalition handed eight bases to Iraq between March and August 2020.",
        lambda e, p: len(_handovers_2020(e)) == 8 and set(_handovers_2020(e)["date"].dt.month) <= set(range(3, 9)),
    ),
    "03.key-almost-ceased": (
        "Count each base from its own handover date: attacks on the handed-over bases almost ceased once the "
        "coalition had left them.",
        lambda e, p: _almost_ceased(e, p["window_days"]),
    ),
    "03.key-window-dependence": (
        "Attacks overall did not stop: at the default 180-day windows they moved to the sites still held and "
        "to the supply roads; with windows of 90 days or less they fell overall, so the conclusion depends on "
        "the window.",
        lambda e, p: _defaults_moved(e) and all(_fell_overall(e, w) for w in range(30, 91)),
    ),
}


def _normalised(text):
    return " ".join(text.split())


@pytest.mark.parametrize("values", PARAMETER_SETS, ids=[f"{v['cutoff']}-{v['window_days']}" for v in PARAMETER_SETS])
@pytest.mark.parametrize("claim", sorted(CLAIMS))
def test_claim_holds_under_every_advertised_parameter_set(events, claim, values):
    settings = tt.parameters("03", **values)
    sentence, holds = CLAIMS[claim]
    assert holds(events, settings), sentence


@pytest.mark.parametrize("claim", sorted(CLAIMS))
def test_claim_sentence_appears_verbatim_in_the_lesson(claim):
    assert _normalised(CLAIMS[claim][0]) in _normalised(LESSON.read_text())
