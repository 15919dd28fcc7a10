import pytest


@pytest.fixture(scope="session")
def events():
    """The rows the 2017-2021 lessons read: load_events() with its default period."""
    import titfortat as tt

    return tt.load_events()


@pytest.fixture(scope="session")
def all_events():
    """Every row of events.csv, both periods: what the data checks cover."""
    import titfortat as tt

    return tt.load_events(period=None)
