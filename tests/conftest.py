import pytest


@pytest.fixture(scope="session")
def events():
    import titfortat as tt

    return tt.load_events()
