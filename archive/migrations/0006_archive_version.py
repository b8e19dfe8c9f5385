from django.db import migrations, models


def create_row(apps, schema_editor):
    apps.get_model("archive", "ArchiveVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("archive", "0005_index_change")]

    operations = [
        migrations.CreateModel(
            name="ArchiveVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
