"""titfortat.article: the article check reads a blank toll as no recorded death, never as an error."""

import pandas as pd
from titfortat import article


def test_article_claims_with_a_blank_k1_toll_says_the_claim_does_not_hold(events):
    blank = events.copy()
    blank.loc[blank["event_id"] == "2019-12-27-k1-rocket", "us_killed"] = pd.NA
    k1 = article.article_claims(blank).iloc[1]
    assert k1["verdict"] == "does not hold"
    assert k1["what the data shows"].startswith("0 US killed; actor kataib_hezbollah")
