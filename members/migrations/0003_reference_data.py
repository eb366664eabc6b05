"""Load the official lists (ethnic groups, religions) and give every existing member a
home membership, so that "members of X on date D" holds for records made before them."""

from datetime import date

from django.db import migrations


def load(apps, schema_editor):
    from members.models.reference import ETHNICITIES, RELIGIONS

    Ethnicity = apps.get_model("members", "Ethnicity")
    Religion = apps.get_model("members", "Religion")
    for code, name in ETHNICITIES:
        Ethnicity.objects.update_or_create(code=code, defaults={"name": name})
    for code, name in RELIGIONS:
        Religion.objects.update_or_create(code=code, defaults={"name": name})

    Member = apps.get_model("members", "Member")
    Membership = apps.get_model("members", "Membership")
    with_membership = Membership.objects.values("member_id")
    batch = []
    for member in Member.objects.exclude(pk__in=with_membership).iterator(chunk_size=2000):
        born = member.date_of_birth
        starts_on = member.admitted_on or date(born.year + 18, born.month, min(born.day, 28))
        batch.append(
            Membership(
                member_id=member.pk,
                organization_id=member.organization_id,
                kind="home",
                starts_on=starts_on,
            )
        )
        if len(batch) >= 2000:
            Membership.objects.bulk_create(batch)
            batch = []
    Membership.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [("members", "0002_register")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
