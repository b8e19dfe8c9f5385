"""The Editors group: may add and change articles, quotes, people and places,
and nothing else (no deleting, no users, no groups)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["article", "quote", "person", "place"]
ACTIONS = ["add", "change", "view"]


def create_editors(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they
    # exist now so the group can be given them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    codenames = [f"{action}_{model}" for model in MODELS for action in ACTIONS]
    perms = Permission.objects.filter(content_type__app_label="archive", codename__in=codenames)
    group.permissions.set(perms)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
