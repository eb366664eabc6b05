"""DOC-02 / MTG-03: "minutes written up in full" is computed from the minutes' content;
the secretary's tick now attests only the signatures (the one part the data cannot
know). The column is renamed, so earlier ticks carry over as "signed"."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0002_signed_scans_scoring_sum"),
    ]

    operations = [
        migrations.RenameField(
            model_name="meeting", old_name="minutes_complete", new_name="minutes_signed"
        ),
        migrations.RenameField(
            model_name="historicalmeeting", old_name="minutes_complete", new_name="minutes_signed"
        ),
        migrations.AlterField(
            model_name="meeting",
            name="minutes_signed",
            field=models.BooleanField(
                default=False, verbose_name="biên bản đã có chữ ký của chủ trì và thư ký"
            ),
        ),
        migrations.AlterField(
            model_name="historicalmeeting",
            name="minutes_signed",
            field=models.BooleanField(
                default=False, verbose_name="biên bản đã có chữ ký của chủ trì và thư ký"
            ),
        ),
    ]
