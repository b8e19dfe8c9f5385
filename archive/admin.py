"""The editors' admin. Labels and messages are written for editors, not
for developers, and no widget offers to delete a person or place from
inside another record's form."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html

from archive import editing
from archive.directory import find_person
from archive.extraction.parts import extract_text
from archive.ingest import apply_extraction
from archive.models import Article, ArticlePlace, Person, Place, Quote, Report, fingerprint


class SafeRelatedWidgets:
    """The red cross beside a related record (a quote's speaker, an article's
    place) deletes that record everywhere, not the link: editors never see it."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(field.widget, RelatedFieldWidgetWrapper):
            field.widget.can_delete_related = False
        return field


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


class QuoteForm(forms.ModelForm):
    class Meta:
        model = Quote
        fields = "__all__"
        labels = {"person": "Speaker", "text": "Quotation", "role": "Speaker's role", "position": "Where in the text"}
        help_texts = {
            "text": "The speaker's words as the article gives them, without the quotation marks.",
            "role": "As the article describes the speaker here, e.g. “leader of the city council”.",
            "position": "Filled in when quotations are found automatically: how many characters into the "
            "article the quotation starts. Leave it at 0 for a quotation you add; the page finds "
            "the words in the text.",
            "kind": "Reported speech is the article's paraphrase, shown without quotation marks.",
        }


class QuoteInline(SafeRelatedWidgets, admin.StackedInline):
    model = Quote
    form = QuoteForm
    extra = 0
    autocomplete_fields = ["person"]
    fields = [("person", "kind", "by_editor"), "text", ("role", "position")]
    verbose_name = "quotation"


class ArticlePlaceForm(forms.ModelForm):
    class Meta:
        model = ArticlePlace
        fields = "__all__"
        labels = {"mentions": "Times mentioned"}
        error_messages = {NON_FIELD_ERRORS: {"unique_together": "This place is listed twice for the article."}}


class ArticlePlaceInline(SafeRelatedWidgets, admin.TabularInline):
    model = ArticlePlace
    form = ArticlePlaceForm
    extra = 0
    autocomplete_fields = ["place"]
    verbose_name = "place mentioned"
    verbose_name_plural = "places mentioned"


class ArticleForm(forms.ModelForm):
    # What the form was opened from (archive.editing): a stale copy is refused.
    loaded_state = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = "__all__"
        widgets = {"body": forms.Textarea(attrs={"rows": 25, "cols": 100})}
        labels = {
            "slug": "Web address",
            "published": "Date published",
            "precision": "How exact the date is",
            "url": "Source URL",
            "outlet": "Newspaper or site",
        }
        help_texts = {
            "slug": "The end of the article's address, as in /articles/council-backs-the-bridge/. "
            "Filled in from the headline.",
            "precision": "When only the month or year is known, the article is listed under that month or "
            "year and never shown with a made-up day.",
            "url": "Where the article was first published, if it is online.",
        }
        error_messages = {"slug": {"unique": "Another article already has this web address; add a word to it."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["loaded_state"] = editing.opened(self.instance, self.article_fields())

    def article_fields(self):
        return [name for name in self.fields if name != "loaded_state"]

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk:
            self.refuse_if_stale()
        return cleaned_data

    def refuse_if_stale(self):
        loaded = editing.read(self.data.get(self.add_prefix("loaded_state")))
        if loaded is None:
            raise forms.ValidationError(
                "This form does not say which version of the article it was opened "
                "from: open the article again, and make your changes there."
            )
        since, parts = loaded
        rows = Article.objects.all()
        if transaction.get_connection().in_atomic_block:
            # The admin saves in one transaction: holding the row until it
            # commits makes two saves at once check one after the other.
            rows = rows.select_for_update()
        current = rows.get(pk=self.instance.pk)
        changed = editing.changed_parts(current, self.article_fields(), parts)
        if changed:
            labels = {name: str(field.label or name) for name, field in self.fields.items()}
            raise forms.ValidationError(editing.conflict_message(current, changed, labels, since))

    def clean_body(self):
        # Kept exactly as entered (no stripping): quote positions index into it.
        body = self.data.get(self.add_prefix("body"), "")
        if not body.strip():
            raise forms.ValidationError("An article needs its text.")
        twin = Article.objects.filter(fingerprint=fingerprint(body)).exclude(pk=self.instance.pk).first()
        if twin is not None:
            raise forms.ValidationError(f"This text is already in the archive, as “{twin.headline}”.")
        return body


@admin.register(Article)
class ArticleAdmin(SafeRelatedWidgets, admin.ModelAdmin):
    form = ArticleForm
    list_display = ["headline", "outlet", "published", "precision", "quote_count"]
    list_filter = ["outlet", YearFilter, "precision", "places"]
    search_fields = ["headline", "body", "outlet"]
    ordering = ["-published", "-created"]
    date_hierarchy = "published"
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [QuoteInline, ArticlePlaceInline]
    actions = ["rerun_extraction"]
    readonly_fields = ["created", "updated"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_quotes=Count("quotes"))

    @admin.display(description="quotations", ordering="_quotes")
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

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Django saves inside a transaction, and SQLite's (IMMEDIATE) takes the
        # write lock as it opens: a new text is extracted before, so that a
        # long article never holds everyone else's writes (logins too) while
        # it is read.
        if request.method == "POST":
            request.extraction = self.extract_posted(request, object_id)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def extract_posted(self, request, object_id):
        """(body, extraction) for a posted text the article does not have yet."""
        body = request.POST.get("body", "")
        article = self.get_object(request, object_id) if object_id else None
        if not body.strip() or (article is not None and article.body == body):
            return None
        return body, extract_text(body)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Extraction is applied after the inlines are saved, so that the
        # editor's own quotes are already there to be respected.
        if not change or "body" in form.changed_data:
            posted = getattr(request, "extraction", None)
            result = posted[1] if posted and posted[0] == form.instance.body else None
            apply_extraction(form.instance, result)

    @admin.action(description="Find the quotations again (editors' quotations are kept)")
    def rerun_extraction(self, request, queryset):
        for article in queryset:  # each extracted before its own transaction opens
            apply_extraction(article)
        n = queryset.count()
        self.message_user(request, f"Quotations found again in {n} article{'s' if n != 1 else ''}.", messages.SUCCESS)


@admin.register(Quote)
class QuoteAdmin(SafeRelatedWidgets, admin.ModelAdmin):
    form = QuoteForm
    list_display = ["__str__", "kind", "article", "by_editor"]
    list_filter = ["kind", "by_editor"]
    search_fields = ["text", "person__name", "article__headline"]
    autocomplete_fields = ["person", "article"]
    list_select_related = ["person", "article"]

    def save_model(self, request, obj, form, change):
        obj.by_editor = True
        super().save_model(request, obj, form, change)


class AliasesField(forms.CharField):
    """Other forms of a name, one a line, instead of the JSON the model stores."""

    widget = forms.Textarea(attrs={"rows": 3, "cols": 40})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class PersonForm(forms.ModelForm):
    aliases = AliasesField(required=False, help_text="Other forms of the name in articles, one a line.")

    class Meta:
        model = Person
        fields = "__all__"
        labels = {"slug": "Web address", "kind": "A person or an organisation"}
        help_texts = {"slug": "The end of the page's address, as in /people/jane-example/. Filled in from the name."}
        error_messages = {"slug": {"unique": "Someone else already has this web address; add a word to it."}}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    form = PersonForm
    list_display = ["name", "honorific", "kind", "quote_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases"]
    # Explicit: the quote count's GROUP BY drops the model's default ordering,
    # and the speaker lookup pages through this queryset.
    ordering = ["name", "pk"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge_people"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_quotes=Count("quotes"))

    @admin.display(description="quotations", ordering="_quotes")
    def quote_count(self, obj):
        return obj._quotes

    @admin.action(description="Merge the selected people into the one quoted most")
    def merge_people(self, request, queryset):
        people = sorted(queryset, key=lambda p: (-p._quotes, p.pk))
        if len(people) < 2:
            self.message_user(request, "Select at least two people to merge.", messages.WARNING)
            return
        keep, others = people[0], people[1:]
        keep.merge(others)
        names = ", ".join(p.name for p in others)
        self.message_user(request, f"Merged {names} into {keep.name}.", messages.SUCCESS)


class PlaceForm(forms.ModelForm):
    class Meta:
        model = Place
        fields = "__all__"
        labels = {"slug": "Web address", "parent": "Inside"}
        help_texts = {"parent": "The region or country the place is in, e.g. West Midlands for Birmingham."}
        error_messages = {
            "slug": {"unique": "Another place already has this web address; add a word to it."},
            NON_FIELD_ERRORS: {"unique_together": "A place of this kind with this name is already in the archive."},
        }


@admin.register(Place)
class PlaceAdmin(SafeRelatedWidgets, admin.ModelAdmin):
    form = PlaceForm
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name"]
    ordering = ["name", "pk"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["parent"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """The queue of readers' reports. Each report's page offers one-click
    fixes (see templates/admin/archive/report/change_form.html)."""

    list_display = ["quote_start", "speaker", "note_start", "suggested_speaker", "created", "state"]
    list_filter = ["state"]
    list_select_related = ["quote__person", "quote__article"]
    search_fields = ["note", "suggested_speaker", "quote__text"]
    date_hierarchy = "created"
    fields = [
        "quotation",
        "speaker",
        "article",
        "note",
        "suggested_speaker",
        "created",
        "state",
        "resolved",
        "new_speaker",
    ]
    readonly_fields = ["quotation", "speaker", "article", "note", "suggested_speaker", "created", "state", "resolved"]
    autocomplete_fields = ["new_speaker"]
    actions = ["withdraw_quotes", "dismiss"]
    FIXES = ("_reassign", "_reassign_suggested", "_withdraw", "_dismiss")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "new_speaker":
            # Only choosing: the wrapper's buttons would edit or delete the person.
            widget = field.widget
            widget.can_add_related = widget.can_change_related = widget.can_delete_related = False
        return field

    def has_add_permission(self, request):
        return False  # reports come from readers

    def has_delete_permission(self, request, obj=None):
        return False  # kept as the record of what was corrected and why

    @admin.display(description="quotation")
    def quotation(self, report):
        quote = report.quote
        return format_html('“{}” <a href="{}">(public page)</a>', quote.text[:120], quote.get_absolute_url())

    @admin.display(description="quotation")
    def quote_start(self, report):
        text = report.quote.text
        return f"“{text if len(text) < 80 else text[:77] + '...'}”"

    @admin.display(description="attributed to")
    def speaker(self, report):
        return report.quote.person or "nobody"

    @admin.display(description="article")
    def article(self, report):
        url = reverse("admin:archive_article_change", args=[report.quote.article_id])
        return format_html('<a href="{}">{}</a>', url, report.quote.article.headline)

    @admin.display(description="note")
    def note_start(self, report):
        return report.note if len(report.note) < 80 else report.note[:77] + "..."

    def suggested_person(self, report):
        return find_person(report.suggested_speaker) if report.suggested_speaker.strip() else None

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["suggested_person"] = obj and self.suggested_person(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, report, form, change):
        super().save_model(request, report, form, change)
        fix = next((name for name in self.FIXES if name in request.POST), None)
        if fix is None:
            return
        quote = report.quote
        if fix == "_dismiss":
            report.close(Report.DISMISSED)
            self.message_user(request, "Report dismissed; the quotation is unchanged.", messages.SUCCESS)
            return
        if fix == "_withdraw":
            quote.withdraw()
            message = "The words are no longer shown as a quotation."
        else:
            person = report.new_speaker if fix == "_reassign" else self.suggested_person(report)
            if person is None:
                self.message_user(
                    request,
                    "Choose who said it in “New speaker” first, then press “Reassign the speaker”.",
                    messages.ERROR,
                )
                return
            quote.reassign(person)
            message = f"The quotation is now attributed to {person}."
        report.close(Report.FIXED)
        self.message_user(request, message + " Readers see it as corrected today.", messages.SUCCESS)

    @admin.action(description="Not a quotation: hide the reported quotations")
    def withdraw_quotes(self, request, queryset):
        for report in queryset.select_related("quote"):
            report.quote.withdraw()
            report.close(Report.FIXED)
        self.message_user(request, f"{queryset.count()} quotation(s) hidden from readers.", messages.SUCCESS)

    @admin.action(description="Dismiss the selected reports (nothing to fix)")
    def dismiss(self, request, queryset):
        for report in queryset:
            report.close(Report.DISMISSED)
        self.message_user(request, f"{queryset.count()} report(s) dismissed.", messages.SUCCESS)


admin.site.site_header = "News quote archive"
admin.site.site_title = "Archive admin"
