import numpy as np
import pandas as pd
import pytest
import titfortat as tt
from frames import make_events
from titfortat import response

ROWS = [
    ("2020-03-01", "rocket_attack", "taji", "unknown"),
    ("2020-03-05", "rocket_attack", "taji", "unknown"),
    ("2020-03-10", "us_strike", "karbala", "united_states"),
    ("2020-03-10", "us_strike", "jurf_al_sakhar", "united_states"),
    ("2020-03-12", "rocket_attack", "taji", "unknown"),
]


def test_strikes_on_the_same_day_count_once():
    days = tt.strike_days(make_events(ROWS))
    assert len(days) == 1 and days.loc[0, "sites"] == "jurf_al_sakhar, karbala"


def test_event_study_counts_attacks_either_side_excluding_strike_day():
    study = tt.event_study(make_events(ROWS), 10)
    assert study.loc[0, ["before", "after", "change"]].tolist() == [2, 1, -1]


def test_mean_change_interval_brackets_the_mean_and_is_repeatable(events):
    study = tt.event_study(events, 30)
    first, second = tt.mean_change(study), tt.mean_change(study)
    assert first["low"] <= first["mean_change"] <= first["high"]
    assert first.equals(second)


def test_rank_options_follows_the_weights():
    assert tt.rank_options({"deterrence": 1}).index[0] == "hold_iran"
    assert tt.rank_options({"cost": 1}).index[0] == "restraint"
    ranked = tt.rank_options({"escalation_risk": 1, "sovereignty": 1})
    assert ranked.index[0] == "restraint" and list(ranked["rank"]) == [1, 2, 3, 4, 5]
    assert tt.rank_options({"sovereignty": 1}).index[:2].tolist() == [
        "iraqi_courts",
        "restraint",
    ]  # a tie: "Press" < "Restraint"


STATES = [
    ("2020-01-01", "rocket_attack", "taji", "unknown", {"us_killed": 1, "other_killed": 2}),
    ("2020-01-08", "missile_strike", "ain_al_asad", "iran"),
    ("2020-01-05", "us_strike", "al_qaim", "united_states"),
    ("2020-01-09", "rocket_attack", "taji", "unknown"),  # casualty fields blank
]


def test_event_study_leaves_out_state_salvos_unless_asked():
    militia = tt.event_study(make_events(STATES), 10)
    assert militia.loc[0, ["before", "after"]].tolist() == [1, 1]
    states = tt.event_study(make_events(STATES), 10, include_states=True)
    assert states.loc[0, ["before", "after"]].tolist() == [1, 2]


def test_event_study_counts_deaths_and_the_attack_before_each_strike():
    study = tt.event_study(make_events(STATES), 10)
    assert study.loc[0, ["killed_before", "killed_after"]].tolist() == [3, 0]  # blank fields count as none
    assert study.loc[0, "last_attack"] == pd.Timestamp("2020-01-01") and study.loc[0, "days_since"] == 4


def _summary(mean, low, high, rose=3, fell=1):
    return pd.Series({"cases": 4, "rose": rose, "fell": fell, "mean_change": mean, "low": low, "high": high})


def test_headline_asks_and_states_the_uncertainty():
    spans = response.event_study_headline(_summary(1.6, -0.8, 4.0), 30)
    assert spans == (
        "Did attacks rise after US strikes? 30-day windows, 4 episodes: 3 rose, 1 fell; "
        "mean +1.6 (90% interval -0.8 to +4.0): the data cannot tell"
    )
    rose = response.event_study_headline(_summary(2.0, 0.2, 4.0), 14)
    assert rose.startswith("Did attacks rise") and rose.endswith(
        "a rise, but 4 cases chosen after attacks cannot show why"
    )
    assert response.event_study_headline(_summary(-2.0, -4.0, -0.5), 14).endswith(
        "a fall, but 4 cases chosen after attacks cannot show why"
    )


def test_sweep_finding_compares_strike_days_with_episodes():
    sweep = pd.DataFrame(
        {
            "per_strike_day": [2.0, 1.0, 0.5],
            "mean_change": [1.0, -0.5, 0.0],
            "interval": ["above zero", "spans zero", "spans zero"],
        },
        index=[10, 30, 60],
    )
    assert response.sweep_finding(sweep) == (
        "Counting each strike day as a case, the mean change runs from +0.5 to +2.0; counting episodes, so that no "
        "strike falls inside another's window, it runs from -0.5 to +1.0, and its 90% interval lies above zero at "
        "10 days; spans zero at 30, 60 days."
    )
    assert "spans zero at every window (10, 30, 60 days)" in response.sweep_finding(sweep.assign(interval="spans zero"))


EPISODES = [
    ("2020-01-01", "rocket_attack", "taji", "unknown", {"us_killed": 1, "other_killed": 0}),
    ("2020-01-05", "us_strike", "al_qaim", "united_states"),
    ("2020-01-08", "rocket_attack", "taji", "unknown"),
    ("2020-01-10", "us_strike", "karbala", "united_states"),
    ("2020-01-12", "rocket_attack", "taji", "unknown", {"us_killed": 0, "other_killed": 2}),
]


def test_strike_days_inside_each_others_window_form_one_episode():
    events = make_events(EPISODES)
    assert [len(g) for g in response.episodes(events, 4)] == [1, 1]
    assert [len(g) for g in response.episodes(events, 5)] == [2]
    merged = tt.event_study(events, 10)
    # Before the first strike: 1 Jan; after the last: 12 Jan; the attack between the strikes is in neither.
    assert merged.loc[0, ["before", "after", "change"]].tolist() == [1, 1, 0]
    assert merged.loc[0, "episode"] == "05 Jan 2020 + 10 Jan 2020"
    by_day = tt.event_study(events, 10, merge=False)
    assert by_day["before"].tolist() == [1, 2] and by_day["after"].tolist() == [2, 1]


def test_lethality_counts_each_attack_once_across_overlapping_windows():
    sentence = response.lethality_finding(make_events(EPISODES), 10)
    assert sentence.startswith("Recorded deaths in those attacks, each attack counted once: 1 in the 10 days before")
    assert "and 2 in the 10 days after" in sentence


def test_mean_change_uses_a_t_interval_wider_than_the_range_of_few_cases():
    study = pd.DataFrame({"before": [0, 0, 0, 0], "after": [3, 1, -1, -3]}).assign(change=lambda t: t["after"])
    summary = tt.mean_change(study)
    # mean 0, sd 2.582, n 4: half-width 2.353 * 2.582 / 2
    assert summary["mean_change"] == 0 and summary["high"] == pytest.approx(3.04, abs=0.01)
    assert (summary["rose"], summary["fell"], summary["cases"]) == (2, 2, 4)


def test_t_quantiles_match_simulated_t_distributions():
    rng = np.random.default_rng(0)
    for df, quantile in response.T_90.items():
        simulated = np.quantile(rng.standard_t(df, 400_000), 0.95)
        assert simulated == pytest.approx(quantile, rel=0.02)


def test_answered_attacks_follow_the_strike_rows(events):
    answered = response.answered_attacks(events).set_index("strike_day")
    assert answered.loc[pd.Timestamp("2019-12-29"), "event_ids"] == ["2019-12-27-k1-rocket"]
    assert answered.loc[pd.Timestamp("2020-01-03"), "answered"] == 0
    june = answered.loc[pd.Timestamp("2021-06-28")]
    assert june["answered"] > 0 and june["killed"] == 0  # drone attacks that killed no one
    rows = events.set_index("event_id")
    assert "K-1" in rows.loc["2019-12-29-al_qaim-strike", "summary"]
    assert "Taji" in rows.loc["2020-03-13-karbala_airport-strike", "summary"]
    assert "Erbil" in rows.loc["2021-02-26-abu_kamal-strike", "summary"]
    assert "drone attacks" in rows.loc["2021-06-28-abu_kamal-strike", "summary"]


def test_regression_note_names_the_deadly_attacks_strikes_answered(events):
    note = response.regression_note(events, 30)
    deadly = response.answered_attacks(events).query("killed > 0")
    assert f"But {len(deadly)} of the 5 strike days answered attacks that had killed people" in note
    assert "29 Dec 2019" in note
    drones = response.answered_attacks(events).set_index("strike_day").loc[pd.Timestamp("2021-06-28"), "answered"]
    assert f"The strikes of 28 Jun 2021 answered {drones} attacks in which no death was recorded." in note
    assert note.endswith(
        "The other strike day answered no single attack (a run of attacks, or a threat the US said it pre-empted)."
    )


def test_typical_window_is_the_mean_rate_over_the_study_period():
    rows = [("2020-01-10", "us_strike", "al_qaim", "united_states")] + [
        (f"2020-01-{day:02d}", "rocket_attack", "taji", "unknown") for day in (1, 5, 15)
    ]
    # 21 days from 31 Dec to 20 Jan hold 3 attacks: 1 per 7 days.
    assert response.typical_window(make_events(rows), 10) == pytest.approx(10 / 7)


def test_monthly_counts_fills_quiet_months_with_zero():
    counts = response.monthly_counts(make_events(STATES), ["2019-12", "2020-01"])
    assert counts.to_dict() == {"2019-12": 0, "2020-01": 2}


def test_article_claims_call_weekly_an_average_when_a_gap_exceeds_a_week(events):
    claims = response.article_claims(events).set_index("verdict")
    weekly = response.article_claims(events).iloc[3]
    assert "longest gap" in weekly["what the data shows"]
    gap = int(weekly["what the data shows"].rsplit(" ", 2)[-2])
    assert (weekly["verdict"] == "holds on average only") == (gap > 7)
    assert "the data cannot say" in claims.index


# A small record on which every claim of the article holds; each test below breaks one claim.
ARTICLE_ROWS = [
    ("2019-12-27", "rocket_attack", "k1", "kataib_hezbollah", {"us_killed": 1}),
    ("2019-12-29", "us_strike", "al_qaim", "united_states"),
    ("2019-12-31", "assault", "us_embassy", "pmf_supporters"),
    ("2020-01-03", "us_strike", "baghdad_airport", "united_states"),
    ("2020-01-08", "missile_strike", "ain_al_asad", "iran"),
    ("2020-03-26", "base_handover", "q_west", "coalition"),
    ("2020-03-29", "base_handover", "k1", "coalition"),
    *[(f"2020-07-{day:02d}", "rocket_attack", "taji", "unknown") for day in (1, 8, 15, 22, 29)],
    ("2020-08-23", "base_handover", "taji", "coalition"),
    ("2021-02-26", "us_strike", "abu_kamal", "united_states", {"country": "Syria"}),
    ("2021-05-02", "rocket_attack", "baghdad_airport", "unknown"),
    ("2021-05-03", "rocket_attack", "balad", "unknown"),
    ("2021-05-04", "rocket_attack", "ain_al_asad", "unknown"),
]


def _article_events(drop=(), **changes):
    """ARTICLE_ROWS without the rows dated in `drop`, with {date: {column: value}} changes applied."""
    frame = make_events([r for r in ARTICLE_ROWS if r[0] not in drop])
    frame.loc[frame["date"] == "2020-01-03", "summary"] = "Drone strike kills Qasem Soleimani"
    for day, values in changes.items():
        for column, value in values.items():
            frame.loc[frame["date"] == day.replace("_", "-"), column] = value
    return frame


def _verdicts(frame):
    return list(response.article_claims(frame)["verdict"])


def test_article_claims_all_hold_on_a_record_that_bears_them_out():
    assert _verdicts(_article_events()) == ["holds"] * 6 + ["the data cannot say"]


@pytest.mark.parametrize(
    "frame, claim, verdict",
    [
        (lambda: _article_events(drop=["2021-05-03"]), 0, "not found in the data"),
        (lambda: _article_events(**{"2019_12_27": {"us_killed": 0}}), 1, "does not hold"),
        (lambda: _article_events(**{"2019_12_27": {"actor": "unknown"}}), 1, "does not hold"),
        (lambda: _article_events(drop=["2019-12-31"]), 2, "does not hold"),  # no storming of the embassy
        (lambda: _article_events(**{"2020_01_08": {"date": pd.Timestamp("2019-12-30")}}), 2, "does not hold"),
        (lambda: _article_events(drop=["2020-07-08"]), 3, "holds on average only"),  # a 14-day gap
        (lambda: _article_events(drop=["2020-07-08", "2020-07-22"]), 3, "not shown by the data (a lower bound)"),
        (lambda: _article_events(**{"2021_02_26": {"country": "Iraq"}}), 4, "not found in the data"),
        (lambda: _article_events(drop=["2020-08-23"]), 5, "partly"),
    ],
    ids=[
        "two-days-running",
        "k1-no-death",
        "k1-not-kh",
        "no-embassy-storming",
        "missiles-before-soleimani",
        "gap-over-a-week",
        "three-attacks-in-july",
        "strike-in-iraq",
        "taji-kept",
    ],
)
def test_article_claim_verdict_changes_when_the_record_does(frame, claim, verdict):
    assert _verdicts(frame())[claim] == verdict


def test_article_claims_on_the_dataset_match_the_rows_read_by_hand(events):
    claims = response.article_claims(events)
    # Rows 2021-05-02-baghdad_airport-rocket (Reuters), 2021-05-03-balad-rocket (AFP) and
    # 2021-05-04-ain_al_asad-rocket (Reuters): three days running.
    assert claims.iloc[0]["what the data shows"] == (
        "02 May 2021 baghdad_airport; 03 May 2021 balad; 04 May 2021 ain_al_asad"
    )
    assert claims.iloc[0]["verdict"] == "holds"
    # July 2020's attacks, read in the CSV: 5 Jul (rocket, US embassy), 22 Jul (IED, al-Batha), 24 Jul
    # (rocket, Besmaya), 27 Jul (rocket, Taji), 30 Jul (rocket, Baghdad airport). Five, one a week on
    # average, but none between 5 and 22 July: 17 days.
    assert claims.iloc[3]["what the data shows"] == (
        "5 attacks recorded in July 2020; the longest gap between two of them was 17 days"
    )
    assert claims.iloc[3]["verdict"] == "holds on average only"
    # K-1: one US contractor killed, Kataib Hezbollah blamed by US officials (the Pentagon, 29 Dec 2019).
    assert claims.iloc[1]["what the data shows"] == "1 US killed; actor kataib_hezbollah (blamed_by_us)"
    # The only US strike in Syria in February 2021 is Abu Kamal's (Department of Defense).
    assert claims.iloc[4]["what the data shows"] == "26 Feb 2021 at abu_kamal"
