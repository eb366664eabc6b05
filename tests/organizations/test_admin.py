"""The Django admin of the tree loads for a superuser (treebeard + simple-history)."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model",
    [
        "organization",
        "organizationmove",
        "organizationsuccession",
        "residentialunit",
        "term",
        "committee",
    ],
)
def test_admin_changelists_load(client, tree, model):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    assert client.get(reverse(f"admin:organizations_{model}_changelist")).status_code == 200


def test_admin_organization_history(client, tree):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    url = reverse("admin:organizations_organization_history", args=[tree["cell_a"].pk])
    assert client.get(url).status_code == 200
