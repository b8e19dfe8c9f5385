from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count

from archive.ingest import apply_extraction
from archive.models import Article, ArticlePlace, Person, Place, Quote


class YearFilter(admin.SimpleListFilter):
    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Article.objects.dates("published", "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(published__year=int(self.value()))
        return queryset


class QuoteInline(admin.StackedInline):
    model = Quote
    extra = 0
    autocomplete_fields = ["person"]
    fields = [("person", "kind", "by_editor"), "text", ("role", "position")]


class ArticlePlaceInline(admin.TabularInline):
    model = ArticlePlace
    extra = 0
    autocomplete_fields = ["place"]


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = "__all__"
        widgets = {"body": forms.Textarea(attrs={"rows": 25, "cols": 100})}

    def clean_body(self):
        # Kept exactly as entered (no stripping): quote positions index into it.
        body = self.data.get(self.add_prefix("body"), "")
        if not body.strip():
            raise forms.ValidationError("An article needs a body.")
        return body


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = ["headline", "outlet", "published", "precision", "quote_count"]
    list_filter = ["outlet", YearFilter, "precision", "places"]
    search_fields = ["headline", "body", "outlet"]
    date_hierarchy = "published"
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [QuoteInline, ArticlePlaceInline]
    actions = ["rerun_extraction"]
    readonly_fields = ["fingerprint", "created", "updated"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_quotes=Count("quotes"))

    @admin.display(description="quotes", ordering="_quotes")
    def quote_count(self, obj):
        return obj._quotes

    def save_formset(self, request, form, formset, change):
        # A quote an editor adds or changes here is theirs from then on.
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for obj in instances:
            if isinstance(obj, Quote):
                obj.by_editor = True
            obj.save()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Extraction runs after the inlines are saved, so that the editor's
        # own quotes are already there to be respected.
        if not change or "body" in form.changed_data:
            apply_extraction(form.instance)

    @admin.action(description="Re-run quotation extraction (editors' quotes are kept)")
    def rerun_extraction(self, request, queryset):
        for article in queryset:
            with transaction.atomic():
                apply_extraction(article)
        self.message_user(request, f"Extraction re-run on {queryset.count()} article(s).", messages.SUCCESS)


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "article", "by_editor"]
    list_filter = ["kind", "by_editor"]
    search_fields = ["text", "person__name", "article__headline"]
    autocomplete_fields = ["person", "article"]
    list_select_related = ["person", "article"]

    def save_model(self, request, obj, form, change):
        obj.by_editor = True
        super().save_model(request, obj, form, change)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "honorific", "kind", "quote_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge_people"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_quotes=Count("quotes"))

    @admin.display(description="quotes", ordering="_quotes")
    def quote_count(self, obj):
        return obj._quotes

    @admin.action(description="Merge selected people into the one with most quotes")
    def merge_people(self, request, queryset):
        people = sorted(queryset, key=lambda p: (-p._quotes, p.pk))
        if len(people) < 2:
            self.message_user(request, "Select at least two people to merge.", messages.WARNING)
            return
        keep, others = people[0], people[1:]
        keep.merge(others)
        names = ", ".join(p.name for p in others)
        self.message_user(request, f"Merged {names} into {keep.name}.", messages.SUCCESS)


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["parent"]


admin.site.site_header = "News quote archive"
admin.site.site_title = "Archive admin"
