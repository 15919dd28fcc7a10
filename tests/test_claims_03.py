"""Every finding lesson 03 states in prose holds for the data under every parameter value it advertises.

Findings that change with the parameters are computed by the library (consolidation.handover_finding,
consolidation.shift_finding) and tested in test_consolidation.py; the sentences here must hold whatever
the student chooses."""

import re
from pathlib import Path

import pandas as pd
import titfortat as tt
from claims import claim_tests
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


def _summary(events, event_id):
    return str(events.loc[events["event_id"] == event_id, "summary"].iloc[0])


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


def _almost_ceased(events, window_days):
    around = consolidation.attacks_around_handovers(events, window_days)
    return around["after"].sum() <= max(1, around["before"].sum() // 4)


def _window_fell(events, window_days):
    before, after = consolidation.attacks_either_side(events, "2020-04-01", window_days)
    return len(after) < len(before)


CLAIMS = {
    "03.iraq-reading": (
        "Iraq's government had been asked to end the foreign presence: parliament voted on 5 January 2020 for "
        "foreign troops to leave (2020-01-05-baghdad-parliament_vote), and caretaker Prime Minister Abdul-Mahdi "
        "asked Washington for a delegation to work out how (2020-01-10-baghdad-withdrawal_request).",
        lambda e, p: (
            _date(e, "2020-01-05-baghdad-parliament_vote") == pd.Timestamp("2020-01-05")
            and "foreign troops" in _summary(e, "2020-01-05-baghdad-parliament_vote")
            and "delegation" in _summary(e, "2020-01-10-baghdad-withdrawal_request")
        ),
    ),
    "03.coalition-two-reasons": (
        "The coalition gave two reasons on 20 March 2020: moves planned long before, reflecting success against "
        "ISIS, and short-term moves against COVID-19, which sent trainers home after Iraq suspended training "
        "(2020-03-20-iraq_national-coalition_drawdown). It called the base transfers unrelated to the attacks "
        "(notes of 2020-03-29-k1-handover, 2020-04-04-taqaddum-handover, 2020-07-25-besmaya-handover).",
        lambda e, p: (
            _date(e, "2020-03-20-iraq_national-coalition_drawdown") == pd.Timestamp("2020-03-20")
            and all(w in _summary(e, "2020-03-20-iraq_national-coalition_drawdown") for w in ("COVID-19", "training"))
            and all(
                "unrelated" in _notes(e, i)
                for i in ["2020-03-29-k1-handover", "2020-04-04-taqaddum-handover", "2020-07-25-besmaya-handover"]
            )
        ),
    ),
    "03.attacks-grew-after-soleimani": (
        "Critics and the militias tie the move to the attacks, which grew after Soleimani's killing in January "
        "2020; one new militia name presented its rockets as a warning to the Americans to leave Iraq "
        "(2020-03-17-iraq_national-usbat_video).",
        lambda e, p: (
            len(tt.between(tt.attacks(e), "2020-01-04", "2020-07-01"))
            > len(tt.between(tt.attacks(e), "2019-07-06", "2020-01-02"))
            and "leave Iraq" in _summary(e, "2020-03-17-iraq_national-usbat_video")
        ),
    ),
    "03.all-eight-recorded": (
        "All eight 2020 handovers are recorded with the dates the coalition gave.",
        lambda e, p: len(_handovers_2020(e)) == 8,
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
    "03.taji-in-after-bars": (
        "with the default 1 April cut-off and 180-day windows, Taji, handed over in August, keeps its spring and "
        'summer attacks in the "after" bars.',
        lambda e, p: (
            len(tt.between(tt.attacks(e)[tt.attacks(e)["site"] == "taji"], "2020-04-01", "2020-08-22")) > 0
            and tt.before_after(e, "2020-04-01", 180).loc["taji", "handed_over"]
        ),
    ),
    "03.by-definition": (
        "Part of this is true by definition: the dataset counts attacks on US and coalition forces, so a base "
        "they had left drops out of it, and the coalition's leaving was what the militias demanded.",
        lambda e, p: "leave Iraq" in _summary(e, "2020-03-17-iraq_national-usbat_video"),
    ),
    "03.defaults-moved": (
        "With the defaults (1 April 2020, 180 days), attacks did not disappear: they moved to Baghdad, above all "
        "to Baghdad airport, and, from mid-2020, to the roads in the south where Iraqi trucks carried coalition "
        "supplies.",
        lambda e, p: _defaults_moved(e),
    ),
    "03.convoy-bombs-began-in-july": (
        "The southern convoy bombs began only in July 2020 (2020-07-22-al_batha-ied). That reading depends on "
        "the window: shorter windows end before the convoy bombs took off.",
        lambda e, p: (
            _first_southern_bomb(e)["event_id"] == "2020-07-22-al_batha-ied"
            and _window_fell(e, 90)
            and pd.Timestamp("2020-04-01") + pd.Timedelta(days=90) < _first_southern_bomb(e)["date"]
        ),
    ),
    "03.kadhimi-raid-release": (
        "Iraq had a new prime minister, Mustafa al-Kadhimi, from May (2020-05-06-baghdad-kadhimi_cabinet), "
        "whose Counter-Terrorism Service raided a Kataib Hezbollah base in June (2020-06-25-dora-kh_raid); "
        "the men detained were freed within days (2020-06-29-baghdad-kh_release).",
        lambda e, p: (
            _date(e, "2020-05-06-baghdad-kadhimi_cabinet").month == 5
            and _date(e, "2020-06-25-dora-kh_raid").month == 6
            and 0 < (_date(e, "2020-06-29-baghdad-kh_release") - _date(e, "2020-06-25-dora-kh_raid")).days <= 7
        ),
    ),
    "03.six-before-dialogue": (
        "Six of the eight handovers came before the first round of the Strategic Dialogue in June 2020, where "
        "the US said it would keep reducing its forces (2020-06-11-baghdad-strategic_dialogue).",
        lambda e, p: (
            (_handovers_2020(e)["date"] < _date(e, "2020-06-11-baghdad-strategic_dialogue")).sum() == 6
            and "reducing its forces" in _summary(e, "2020-06-11-baghdad-strategic_dialogue")
        ),
    ),
    "03.patriots-in-march": (
        "Patriot air-defence batteries had already arrived in March at Ain al-Asad and in the Erbil region; "
        "whether Iraq approved them is unclear (2020-03-30-ain_al_asad-patriot, 2020-03-30-harir-patriot).",
        lambda e, p: (
            _date(e, "2020-03-30-ain_al_asad-patriot").month == 3
            and _date(e, "2020-03-30-harir-patriot").month == 3
            and "Unclear whether Iraq" in _notes(e, "2020-03-30-ain_al_asad-patriot")
        ),
    ),
    "03.trump-kadhimi": (
        "Three days before the Taji handover, Trump received Prime Minister Kadhimi and said US troops would leave "
        "Iraq shortly, without a date (2020-08-20-washington-trump_kadhimi).",
        lambda e, p: (
            (_date(e, "2020-08-23-taji-handover") - _date(e, "2020-08-20-washington-trump_kadhimi")).days == 3
            and "set no date" in _summary(e, "2020-08-20-washington-trump_kadhimi")
        ),
    ),
    "03.september-cut": (
        "The cut from about 5,200 to 3,000 was announced in Iraq in September 2020, during the US presidential "
        "campaign and 11 days before Pompeo reportedly first warned President Salih that the embassy could close, "
        "on 20 September (2020-09-09-iraq-troop_change; notes of 2020-09-26-us_embassy-political, the row of his "
        "call to Kadhimi; lesson 04).",
        lambda e, p: (
            (pd.Timestamp("2020-09-20") - _date(e, "2020-09-09-iraq-troop_change")).days == 11
            and "Salih on 20 Sept" in _notes(e, "2020-09-26-us_embassy-political")
            and "al-Kadhimi" in _summary(e, "2020-09-26-us_embassy-political")
            and {"5,200", "3,000"} <= set(re.findall(r"\d,\d{3}", _summary(e, "2020-09-09-iraq-troop_change")))
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
        "Attacks overall did not stop: at the default 180-day windows they moved to Baghdad airport and to the "
        "supply roads; with windows of 120 days or less they fell overall, so the conclusion depends on the window.",
        lambda e, p: _defaults_moved(e) and all(_window_fell(e, w) for w in range(30, 121)),
    ),
}


test_claim_is_quoted_from_the_lesson, test_every_claim_holds_in_the_data = claim_tests(
    "03", CLAIMS, PARAMETER_SETS, ids=lambda v: f"{v['cutoff']}-{v['window_days']}"
)
