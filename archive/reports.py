"""Readers report a wrong attribution; editors fix it from the admin queue
(see ReportAdmin). No account needed, so each client may send only a few."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django_ratelimit.decorators import ratelimit

from archive.models import Quote, Report


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["note", "suggested_speaker"]
        labels = {
            "note": "What is wrong?",
            "suggested_speaker": "Who said it, if you know (optional)",
        }
        help_texts = {
            "note": "For example: “These are the reporter’s words, not the minister’s.” At most 2,000 characters.",
        }
        widgets = {"note": forms.Textarea(attrs={"rows": 5, "cols": 60, "maxlength": 2000})}
        error_messages = {
            "note": {
                "required": "Please say in a few words what is wrong with this attribution.",
                "max_length": "Please keep your note under 2,000 characters (it has %(show_value)d).",
            },
            "suggested_speaker": {"max_length": "A name of at most 200 characters, please."},
        }


@ratelimit(key="ip", rate=settings.REPORT_RATE, method="POST", block=True)
def report_quote(request, pk):
    quote = get_object_or_404(Quote.objects.published().with_related(), pk=pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = form.save(commit=False)
        report.quote = quote
        report.save()
        messages.success(request, "Thank you. An editor will look at your report.")
        return redirect(quote)
    status = 400 if request.method == "POST" else 200
    return render(request, "archive/report_form.html", {"quote": quote, "form": form}, status=status)


def too_many_requests(request, exception=None):
    """django-ratelimit's RATELIMIT_VIEW: a page that says when to come back."""
    return render(request, "429.html", status=429)
