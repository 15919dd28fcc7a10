"""Every finding lesson 05 states in prose holds for the data under every parameter value it advertises.

What changes with the window or the countries counted (the event study, the sweep, the scorecard) is
computed by the library (titfortat.wave, titfortat.response) and tested in test_wave.py; the sentences
here must hold whatever the student chooses."""

import pandas as pd
import titfortat as tt
from claims import claim_tests, days_between, lesson_text, row
from titfortat import response, wave

# The defaults, both ends of the window's range (3 to 60) and Iraq alone.
PARAMETER_SETS = [
    {"window_days": 7, "include_syria_jordan": True},
    {"window_days": 3, "include_syria_jordan": True},
    {"window_days": 60, "include_syria_jordan": True},
    {"window_days": 7, "include_syria_jordan": False},
    {"window_days": 60, "include_syria_jordan": False},
]
TOWER = "2024-01-28-tower_22-drone"


def _wave():
    return tt.load_events(period="2023-2024")


def _counted(settings):
    return wave.restrict(_wave(), settings["include_syria_jordan"])


def _published():
    return tt.timeline.compare_with_published(_wave()).set_index("end")


def _coverage_falls_in_december_and_january():
    table = _published()
    before = table.loc[pd.Timestamp("2023-11-23")]
    later = table.loc[pd.Timestamp("2024-01-20")]
    share_between = (later["in_dataset"] - before["in_dataset"]) / (later["count"] - before["count"])
    return share_between < before["share"]


def _killed(rows):
    return rows["us_killed"].fillna(0) + rows["other_killed"].fillna(0)


def _deadly_share(events):
    found = tt.attacks(events)
    return (_killed(found) > 0).mean()


def _strike_days(events):
    return len(response.strike_days(events))


def _one_episode_after_is_the_quiet(settings):
    events = _counted(settings)
    study = tt.event_study(events, 30)
    last_strike = response.strike_days(events)["date"].max()
    later = tt.between(response.militia_attacks(events), last_strike + pd.Timedelta(days=1), "2024-03-31")
    return len(study) == 1 and int(study["after"].iloc[0]) == 0 and later.empty


def _within_days_of_tower(event_ids, days):
    events = _wave()
    return all(0 <= days_between(events, TOWER, i) <= days for i in event_ids)


CLAIMS = {
    "05.coverage": (
        "The dataset holds a little under two thirds of the attacks the Pentagon counted, fewer in December "
        "and January",
        lambda e, s: 0.5 <= _published()["share"].iloc[-1] < 2 / 3 and _coverage_falls_in_december_and_january(),
    ),
    "05.truce": (
        "The attacks paused in the Gaza truce of 24 November to 1 December: the Pentagon reported none in its "
        "first days, and the dataset records one in it, a rocket that missed Mission Support Site Euphrates on "
        "29 November, the first a US official counted since 23 November",
        lambda e, s: list(tt.between(tt.attacks(_wave()), "2023-11-24", "2023-12-01")["event_id"])
        == ["2023-11-29-conoco-rocket"],
    ),
    "05.denser": (
        "more attacks in five and a half months than in any single year of 2017-2021",
        lambda e, s: len(tt.attacks(_wave())) > tt.attacks_per_year(e).max(),
    ),
    "05.claimed": (
        "most of its attacks were claimed, where in 2017-2021 few were",
        lambda e, s: (
            (tt.attacks(_wave())["attribution"] == "claimed").mean() > 0.5
            and (tt.attacks(e)["attribution"] == "claimed").mean() < 0.2
        ),
    ),
    "05.deaths-rare": (
        "Deaths were rare in both: most attacks on fortified bases killed no one",
        lambda e, s: _deadly_share(e) < 0.1 and _deadly_share(_wave()) < 0.1,
    ),
    "05.tower-first-us-deaths": (
        "the first US troops killed by enemy fire in the wave",
        lambda e, s: tt.attacks(_wave()).query("us_killed > 0")["event_id"].iloc[0] == TOWER,
    ),
    "05.same-12-days": (
        "Here is the same kind of ladder lesson 02 drew for the Soleimani cycle, now starting from Tower 22 and "
        "over the same 12 days",
        lambda e, s: "window_days = 12" in (lesson_text("02")),
    ),
    "05.qaani-next-day": (
        "met the factions at Baghdad airport the next day",
        lambda e, s: days_between(_wave(), TOWER, "2024-01-29-baghdad_airport-qaani_meeting") == 1,
    ),
    "05.suspension-30-jan": (
        "On 30 January Kataib Hezbollah announced it was suspending its operations against US forces",
        lambda e, s: row(_wave(), wave.SUSPENSION)["date"] == pd.Timestamp("2024-01-30"),
    ),
    "05.strikes-2-3-feb": (
        "The US struck in Iraq and Syria on the night of 2-3 February",
        lambda e, s: (
            {"Iraq", "Syria"}
            <= set(tt.of_types(tt.between(_wave(), "2024-02-03", "2024-02-03"), ["us_strike"])["country"].astype(str))
        ),
    ),
    "05.more-strike-days": (
        "In the wave the US struck on many more days in a few months",
        lambda e, s: _strike_days(_wave()) >= 2 * _strike_days(e),
    ),
    "05.one-episode": (
        'At 30 days (the sweep\'s last row) there is one episode: nothing to average over, and its "after" is '
        "simply the quiet once the wave was over.",
        lambda e, s: _one_episode_after_is_the_quiet(s),
    ),
    "05.answers": (
        "Strikes were again answers, chosen after attacks",
        lambda e, s: (response.answered_attacks(_counted(s))["answered"] > 0).sum() >= 3,
    ),
    "05.baghdad-killings": (
        "Not since January 2020, when the strike on Soleimani also killed the PMF's deputy chief al-Muhandis, "
        "had the US killed faction commanders in Baghdad; in the wave it did so twice",
        lambda e, s: (
            tt.of_types(e, ["us_strike"]).query("province == 'Baghdad'")["date"].max() == pd.Timestamp("2020-01-03")
            and len(tt.of_types(_wave(), ["us_strike"]).query("site == 'baghdad'")) == 2
        ),
    ),
    "05.order": (
        "The suspension was announced before the US strikes of 2-3 February, though after earlier US strikes",
        lambda e, s: (
            row(_wave(), wave.SUSPENSION)["date"] < pd.Timestamp("2024-02-03")
            and (response.strike_days(_wave())["date"] < row(_wave(), wave.SUSPENSION)["date"]).any()
        ),
    ),
    "05.last-attack": (
        "the last attack the Pentagon recorded came on 4 February",
        lambda e, s: response.militia_attacks(_wave())["date"].max() == pd.Timestamp("2024-02-04"),
    ),
    "05.baghdad-condemned-both": (
        "condemned US strikes on its soil and the attack on Tower 22 alike",
        lambda e, s: (
            days_between(_wave(), TOWER, "2024-01-29-baghdad-tower22_condemnation") == 1
            and wave._objections(_wave())[0] > 0
        ),
    ),
    "05.sdf": (
        "The six dead of the last attack, at al-Omar on 4 February, were fighters of the Syrian Democratic Forces",
        lambda e, s: (
            row(_wave(), "2024-02-04-al_omar-drone")["other_killed"] == 6
            and "SDF" in row(_wave(), "2024-02-04-al_omar-drone")["summary"]
        ),
    ),
    "05.key-answered-within-days": (
        "An attack that killed Americans was again answered within days; the attacks then stopped, unlike after "
        "the Taji and Erbil cycles",
        lambda e, s: (
            wave.outcomes(_wave(), s["window_days"], s["include_syria_jordan"])
            .loc[["deaths_bring_strike", "attacks_stop"], "happened"]
            .eq("yes")
            .all()
        ),
    ),
    "05.key-within-a-week": (
        "a suspension, Iranian and Iraqi pressure and US strikes all came within a week of Tower 22",
        lambda e, s: _within_days_of_tower(
            ["2024-01-29-baghdad_airport-qaani_meeting", wave.SUSPENSION, "2024-02-03-al_qaim-us_strike"], 7
        ),
    ),
    "05.key-merge": (
        "as the window grows they merge into fewer episodes and then one",
        lambda e, s: (
            [len(response.episodes(_wave(), w)) for w in (3, 7, 14, 30)]
            == sorted([len(response.episodes(_wave(), w)) for w in (3, 7, 14, 30)], reverse=True)
            and len(response.episodes(_wave(), 30)) == 1
        ),
    ),
}

test_claim_is_quoted_from_the_lesson, test_every_claim_holds_in_the_data = claim_tests(
    "05", CLAIMS, PARAMETER_SETS, ids=lambda v: f"{v['window_days']}-{v['include_syria_jordan']}"
)
