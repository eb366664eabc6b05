"""training.views.common: both home pages start at the first organization of the user's
reach; a user who reaches none gets a 404."""

from django.urls import reverse


def test_home_pages_redirect_to_first_root(login, officer, member_user, tree):
    client = login(officer)
    commune = tree["commune"].pk
    assert client.get(reverse("training:home"))["Location"] == reverse(
        "training:course_list", args=[commune]
    )
    assert client.get(reverse("training:study_home"))["Location"] == reverse(
        "training:directive_list", args=[commune]
    )
    assert login(member_user).get(reverse("training:home")).status_code == 404
