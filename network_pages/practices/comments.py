"""The Office's comment on its review of a contribution, in the admin's workflow dialog: required
to ask for changes or to decline (the author's state reads it), optional to accept."""

from django.utils.translation import gettext_lazy as _

from wagtail.forms import TaskStateCommentForm


class RequiredCommentForm(TaskStateCommentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].required = True
        self.fields["comment"].help_text = _("The author's state reads it.")


def comment_form(action):
    return TaskStateCommentForm if action == "approve" else RequiredCommentForm
