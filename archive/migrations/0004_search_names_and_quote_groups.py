import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    """Name forms for the people and quote groups for the quotes already stored."""
    from archive.search import duplicates
    from archive.search.names import stored_keys

    Person = apps.get_model("archive", "Person")
    for person in Person.objects.all().iterator():
        names = list(dict.fromkeys([person.name, *(person.aliases or [])]))
        person.search_names = stored_keys(names, person.kind == "organisation", person.honorific)
        person.save(update_fields=["search_names"])
    Quote = apps.get_model("archive", "Quote")
    duplicates.regroup(Quote.objects.order_by("pk"), Quote, apps.get_model("archive", "QuoteFingerprint"))


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0003_reader_reports'),
    ]

    operations = [
        migrations.AddField(
            model_name='person',
            name='search_names',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.AddField(
            model_name='quote',
            name='text_group',
            field=models.BigIntegerField(blank=True, db_index=True, editable=False, null=True),
        ),
        migrations.CreateModel(
            name='QuoteFingerprint',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('value', models.BigIntegerField(db_index=True)),
                ('quote', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='fingerprints', to='archive.quote')),
            ],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
