"""Every finding lesson 02 states in prose holds in events.csv, under every parameter set it advertises."""

import re

import pandas as pd
import titfortat as tt
from claims import claim_tests, days_between, lesson_text, row

PARAMETER_SETS = [{"cycle": c, "window_days": d} for c in ("soleimani", "taji", "erbil") for d in (1, 12, 60)]


def _strike_days(events, cycle, days=60):
    rungs = tt.escalation_ladder(events, cycle, days)
    return sorted(set(rungs.loc[rungs["event_type"] == "us_strike", "date"]))


def _attacks_after_last_strike(events, cycle, days=60):
    rungs = tt.escalation_ladder(events, cycle, days)
    last = _strike_days(events, cycle, days)[-1]
    return len(tt.attacks(rungs[rungs["date"] > last]))


def _marker_size_grows_with_deaths(events, settings) -> bool:
    """In the lesson's ladder, of two rungs the one with more dead has the larger marker (up to the cap)."""
    rungs = tt.escalation_ladder(events, settings["cycle"], settings["window_days"])
    figure = tt.figures.ladder(rungs, "t")
    pairs = [
        (killed, size)
        for trace in figure.data
        for killed, size in zip(rungs.loc[rungs["side"] == trace.name, "killed"].fillna(0), trace.marker.size)
    ]
    capped = [(min(int(k), 15), s) for k, s in pairs]  # the lesson's chart stops growing past 15 dead
    return all((k1 < k2) == (s1 < s2) for k1, s1 in capped for k2, s2 in capped)


def _window_rejected(days) -> bool:
    try:
        tt.parameters("02", cycle="soleimani", window_days=days)
    except ValueError:
        return True
    return False


def _lesson_time_adds_up() -> bool:
    """The lesson's total time is the sum of its parts."""
    found = re.search(
        r"Time: (\d+) minutes \((\d+) reading, (\d+) figures and exercises, (\d+) discussion\)", lesson_text("02")
    )
    total, *parts = map(int, found.groups())
    return total == sum(parts)


CLAIMS = {
    "02.time": (
        "Time: 50 minutes (10 reading, 25 figures and exercises, 15 discussion).",
        lambda e, p: _lesson_time_adds_up(),
    ),
    "02.k1-opening": (
        "On 27 December 2019 a salvo of rockets hit the K-1 base near Kirkuk and killed a US contractor.",
        lambda e, p: (
            (k1 := row(e, "2019-12-27-k1-rocket"))["date"] == pd.Timestamp(tt.CYCLES["soleimani"]["start"])
            and (k1["event_type"], k1["site"], k1["province"]) == ("rocket_attack", "k1", "Kirkuk")
            and k1["us_killed"] == 1
            and "contractor" in k1["summary"]
        ),
    ),
    "02.two-later-cycles": (
        "two later cycles, in March 2020 and February 2021, that did not climb as far.",
        lambda e, p: (
            [tt.CYCLES[c]["start"][:7] for c in ("soleimani", "taji", "erbil")] == ["2019-12", "2020-03", "2021-02"]
        ),
    ),
    "02.three-cycles": (
        "compare three cycles (K-1, Taji 2020, Erbil 2021) and name what differed;",
        lambda e, p: (
            [(c["site"], c["start"][:4]) for c in tt.CYCLES.values()]
            == [("k1", "2019"), ("taji", "2020"), ("erbil_airport", "2021")]
        ),
    ),
    "02.window-1-to-60": (
        "a whole number from 1 to 60.",
        lambda e, p: (
            tt.cycle.MAX_WINDOW_DAYS == 60 and _window_rejected(0) and _window_rejected(61) and not _window_rejected(60)
        ),
    ),
    "02.marker-size": (
        "its row is the side that acted; its size grows with the number killed.",
        _marker_size_grows_with_deaths,
    ),
    "02.k1-blamed-kh": (
        "Rockets hit K-1 and killed a US contractor; the United States blamed Kataib Hezbollah.",
        lambda e, p: (
            row(e, "2019-12-27-k1-rocket")["us_killed"] == 1
            and (row(e, "2019-12-27-k1-rocket")["actor"], row(e, "2019-12-27-k1-rocket")["attribution"])
            == ("kataib_hezbollah", "blamed_by_us")
        ),
    ),
    "02.nsc-condemned": (
        "afterwards his government condemned them as a breach of sovereignty (row 2019-12-30-baghdad-nsc_statement).",
        lambda e, p: (
            days_between(e, "2019-12-29-al_qaim-strike", "2019-12-30-baghdad-nsc_statement") == 1
            and "breach of sovereignty" in row(e, "2019-12-30-baghdad-nsc_statement")["summary"]
        ),
    ),
    "02.embassy-stormed-then": (
        "Crowds of militia members and supporters then stormed the outer compound of the US embassy",
        lambda e, p: (
            row(e, "2019-12-31-us_embassy-assault")["actor"] == "pmf_supporters"
            and days_between(e, "2019-12-29-al_qaim-strike", "2019-12-31-us_embassy-assault") == 2
            and days_between(e, "2019-12-31-us_embassy-assault", "2020-01-03-baghdad_airport-strike") == 3
        ),
    ),
    "02.soleimani-3-january": (
        "On 3 January a US drone strike at Baghdad airport killed Soleimani and al-Muhandis;",
        lambda e, p: (
            (strike := row(e, "2020-01-03-baghdad_airport-strike"))["event_type"] == "us_strike"
            and strike["site"] == "baghdad_airport"
            and all(word in strike["summary"] for word in ("drone", "Soleimani", "al-Muhandis"))
        ),
    ),
    "02.soleimani-and-the-men-with-them": (
        "the strike of 3 January killed Soleimani, al-Muhandis and the men with them.",
        lambda e, p: row(e, "2020-01-03-baghdad_airport-strike")["other_killed"] > 2,
    ),
    "02.abdul-mahdi-resigned": (
        "(Abdul-Mahdi had resigned on 29 November 2019 after two months of the Tishreen protests,",
        lambda e, p: (
            row(e, "2019-11-29-baghdad-pm_resigns")["actor"] == "iraq_government"
            and "two months" in row(e, "2019-11-29-baghdad-pm_resigns")["summary"]
        ),
    ),
    "02.resignation-accepted": (
        "parliament had accepted it on 1 December: he governed as caretaker until a successor was chosen",
        lambda e, p: (
            days_between(e, "2019-11-29-baghdad-pm_resigns", "2019-12-01-baghdad-resignation_accepted") == 2
            and "caretaker" in row(e, "2019-12-01-baghdad-resignation_accepted")["notes"]
        ),
    ),
    "02.missiles-8-january": (
        "On 8 January Iran fired ballistic missiles at Ain al-Asad and Erbil.",
        lambda e, p: (
            set(e.loc[(e["event_type"] == "missile_strike") & (e["date"] == "2020-01-08"), "site"].astype(str))
            == {"ain_al_asad", "erbil_airport"}
            and set(e.loc[(e["event_type"] == "missile_strike") & (e["date"] == "2020-01-08"), "actor"]) == {"iran"}
        ),
    ),
    "02.29-december-killed-kh": (
        "In the Soleimani cycle the US strikes of 29 December killed Kataib Hezbollah fighters",
        lambda e, p: (
            (dec29 := e[(e["event_type"] == "us_strike") & (e["date"] == "2019-12-29")])["other_killed"].sum() > 0
            and dec29["summary"].str.contains("Kataib Hezbollah").all()
        ),
    ),
    "02.ps752-not-a-row": (
        "Two costs of the Soleimani cycle are outside the chart because they are not rows of this dataset.",
        lambda e, p: not (e["summary"] + " " + e["notes"]).str.contains("PS752|Callamard").any(),
    ),
    "02.exercise-erbil-14-days": (
        'Use the explorer (or set the cycle to "erbil" and the window to 14 days) and read the dates.',
        lambda e, p: (
            {
                "2021-02-18-brussels-nato",
                "2021-02-23-washington-call",
                "2021-02-26-abu_kamal-strike",
                "2021-02-20-balad-rocket",
            }
            <= set(tt.escalation_ladder(e, "erbil", 14)["event_id"])
        ),
    ),
    "02.exercise-taji-32-days": (
        'Set the cycle to "taji" and the window to 32 days (to 12 April 2020)',
        lambda e, p: pd.Timestamp(tt.CYCLES["taji"]["start"]) + pd.Timedelta(days=32) == pd.Timestamp("2020-04-12"),
    ),
    "02.exercise-22-fighters": (
        'A commentator writes that "the US strike in Syria of 26 February 2021 killed 22 fighters", and cites '
        "this dataset.",
        lambda e, p: (
            (syria := row(e, "2021-02-26-abu_kamal-strike"))["country"] == "Syria"
            and pd.isna(syria["other_killed"])
            and "22" in syria["notes"]
        ),
    ),
    "02.twelve-days": (
        "Twelve days later Iran fired ballistic missiles at US troops.",
        lambda e, p: days_between(e, "2019-12-27-k1-rocket", "2020-01-08-ain_al_asad-missile") == 12,
    ),
    "02.tbi": (
        "Iran's 8 January strike killed nobody, but the Pentagon later reported 110 US troops treated for "
        "traumatic brain injuries",
        lambda e, p: (
            (missiles := e[(e["event_type"] == "missile_strike") & (e["date"] == "2020-01-08")])[
                ["us_killed", "other_killed"]
            ]
            .sum()
            .sum()
            == 0
            and missiles["us_wounded"].sum() == 110
        ),
    ),
    "02.k1-thirty-rockets": (
        "The Pentagon counted more than thirty rockets and blamed Kataib Hezbollah",
        lambda e, p: (
            row(e, "2019-12-27-k1-rocket")["projectiles"] > 30
            and "Kataib Hezbollah" in row(e, "2019-12-27-k1-rocket")["notes"]
        ),
    ),
    "02.first-strike-two-days": (
        "Two days later US aircraft struck Kataib Hezbollah sites in Iraq and Syria and killed about two dozen "
        "fighters",
        lambda e, p: (
            days_between(e, "2019-12-27-k1-rocket", "2019-12-29-al_qaim-strike") == 2
            and 20 <= row(e, "2019-12-29-al_qaim-strike")["other_killed"] <= 30
        ),
    ),
    "02.non-binding": (
        "On 5 January Iraq's parliament passed a non-binding resolution asking the government to end the "
        "presence of foreign troops; most Kurdish and Sunni members stayed away from the vote",
        lambda e, p: (
            "non-binding" in row(e, "2020-01-05-baghdad-parliament_vote")["summary"]
            and "Kurdish and Sunni" in row(e, "2020-01-05-baghdad-parliament_vote")["notes"]
        ),
    ),
    "02.taji-opened-with-deaths": (
        "The March 2020 Taji cycle also opened with deaths (two US and one British service member) and a US "
        "strike followed within days.",
        lambda e, p: (
            row(e, "2020-03-11-taji-rocket")["us_killed"] == 2
            and row(e, "2020-03-11-taji-rocket")["other_killed"] == 1
            and tt.compare_cycles(e, 12).loc["taji", "days_to_first_us_strike"] <= 3
        ),
    ),
    "02.erbil-one-strike-in-syria": (
        "The February 2021 Erbil cycle drew a single US strike, in Syria rather than in Iraq, eleven days after "
        "the opening attack.",
        lambda e, p: (
            len(strikes := tt.escalation_ladder(e, "erbil", 60).query("event_type == 'us_strike'")) == 1
            and strikes["day"].iloc[0] == 11
            and row(e, strikes["event_id"].iloc[0])["country"] == "Syria"
        ),
    ),
    "02.retaliation-stopped-attacks-did-not": (
        "In both, US retaliation stopped after one round, but the attacks did not: Camp Taji was hit again on "
        "14 March 2020, three days after the first salvo, and a US contractor died of a heart attack while "
        "sheltering from rockets at Ain al-Asad on 3 March 2021, five days after the strike in Syria.",
        lambda e, p: (
            all(len(_strike_days(e, c)) == 1 and _attacks_after_last_strike(e, c) > 0 for c in ("taji", "erbil"))
            and days_between(e, "2020-03-11-taji-rocket", "2020-03-14-taji-rocket") == 3
            and days_between(e, "2021-02-26-abu_kamal-strike", "2021-03-03-ain_al_asad-rocket") == 5
            and row(e, "2021-03-03-ain_al_asad-rocket")["us_killed"] == 1
        ),
    ),
    "02.taji-strikes-killed-soldiers-police-civilian": (
        "In the Taji cycle the Iraqi military said the US strikes of 13 March 2020 killed Iraqi soldiers, police "
        "officers and a civilian worker at Karbala airport",
        lambda e, p: (
            "soldiers" in row(e, "2020-03-13-jurf_al_sakhar-strike")["notes"]
            and "police" in row(e, "2020-03-13-jurf_al_sakhar-strike")["notes"]
            and row(e, "2020-03-13-karbala_airport-strike")["other_killed"] == 1
        ),
    ),
    "02.key-twelve-days": (
        "The Soleimani cycle climbed from one deadly rocket salvo to a state's ballistic missiles in 12 days.",
        lambda e, p: (
            days_between(e, "2019-12-27-k1-rocket", "2020-01-08-ain_al_asad-missile") == 12
            and row(e, "2019-12-27-k1-rocket")["us_killed"] >= 1
        ),
    ),
    "02.key-most-dead-not-american": (
        "Most of the dead in the first 12 days of each cycle were not Americans",
        lambda e, p: all(
            (t := tt.compare_cycles(e, 12)).loc[c, "other_killed"] > t.loc[c, "us_killed"] for c in tt.CYCLES
        ),
    ),
    "02.key-retaliation-stopped": (
        "After the Taji and Erbil cycles US retaliation stopped after one round; the attacks did not.",
        lambda e, p: all(
            len(_strike_days(e, c)) == 1 and _attacks_after_last_strike(e, c) > 0 for c in ("taji", "erbil")
        ),
    ),
}


test_claim_is_quoted_from_the_lesson, test_every_claim_holds_in_the_data = claim_tests(
    "02", CLAIMS, PARAMETER_SETS, ids=lambda v: f"{v['cycle']}-{v['window_days']}"
)
