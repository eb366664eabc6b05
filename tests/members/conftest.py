import pytest

from tests.factories import MemberFactory


@pytest.fixture
def member_a(tree):
    """A member of cell_a without an account (someone else's record for member_user)."""
    return MemberFactory(full_name="Lê Văn Đức", organization=tree["cell_a"])


@pytest.fixture
def member_b(tree):
    return MemberFactory(full_name="Hà Thị Mai", organization=tree["cell_b"])


@pytest.fixture
def member_other(tree):
    return MemberFactory(full_name="Vi Văn Hùng", organization=tree["other_cell"])


@pytest.fixture
def persona(request):
    return request.getfixturevalue


@pytest.fixture
def coded_tree(tree):
    """The test tree with ORG-05 codes (the import tests match organizations by code)."""
    from tests.members.import_support import set_codes

    return set_codes(tree)
