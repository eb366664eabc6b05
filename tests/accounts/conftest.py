import pytest

PERSONAS = ["officer", "secretary", "other_secretary", "inspector", "member_user", "outsider"]


@pytest.fixture
def persona(request):
    """persona("officer") -> that fixture's user."""
    return request.getfixturevalue
