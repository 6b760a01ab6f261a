"""The network's meetings (R2, R4, R10, R11; §1.2, §4.1-4.3): plenary and thematic sessions,
their draft agenda and papers, convocations, invited experts and attendance.

Convocations, invitations and attendance hang on the session as first written (its translations
are copies of it), like the answers of a request.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, Panel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageLogEntry, TranslatableMixin
from wagtail.search import index

from network_pages import access
from network_pages.accounts.models import MemberState
from network_pages.core.fields import IntroductionMixin, by_user
from network_pages.core.languages import CONTENT_LANGUAGES
from network_pages.core.routing import PathRouting, delegate
from network_pages.core.translations import original
from network_pages.files.models import NetworkDocument
from network_pages.sessions.page_forms import DATE_CHANGE_ACTION, SessionPageForm
from network_pages.sessions.working_days import CONVOCATION_WORKING_DAYS, last_compliant_date

# The views behind the pages' routes, imported only when a route is served (core.routing).
VIEWS = "network_pages.sessions.views."


class SessionIndexPage(IntroductionMixin, PathRouting, Page):
    """The list of sessions, one per intranet root: members only (invited experts reach their
    own session directly)."""

    parent_page_types = ["network_pages.IntranetHomePage"]
    subpage_types = ["network_pages.PlenarySessionPage", "network_pages.ThematicSessionPage"]
    max_count_per_parent = 1

    template = "network_pages/sessions/session_index_page.html"

    class Meta:
        verbose_name = _("sessions")
        verbose_name_plural = _("session lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sessions = access.viewable(request.user, SessionPage.objects.descendant_of(self)).specific()
        ordered = sorted(sessions, key=lambda session: session.starts_on)
        context["upcoming"] = [s for s in ordered if not s.is_over]
        context["past"] = [s for s in reversed(ordered) if s.is_over]
        return context


class SessionPage(RoutablePageMixin, PathRouting, Page):
    """What plenary and thematic sessions share; never created on its own."""

    is_creatable = False

    class Kind(models.TextChoices):
        PLENARY = "plenary", _("plenary session")
        THEMATIC = "thematic", _("thematic session")

    kind = None

    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    conclusions = RichTextField(
        _("conclusions"),
        blank=True,
        features=["h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_("After the meeting: its conclusions."),
    )
    # §1.2: experts and organisations may be invited to the network's meetings, which may be held
    # jointly with other networks and organisations.
    external_participants = models.BooleanField(
        _("with external participants"),
        default=False,
        help_text=_(
            "Experts or organisations from outside the network take part: the Office may invite "
            "them to the session."
        ),
    )
    held_jointly_with = models.CharField(
        _("held jointly with"),
        max_length=255,
        blank=True,
        help_text=_("Another network or organisation, if the session is held jointly."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("place"),
        index.SearchField("conclusions"),
        index.RelatedFields("agenda_items", [index.SearchField("title")]),
    ]

    template = "network_pages/sessions/session_page.html"
    base_form_class = SessionPageForm

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    @property
    def last_day(self):
        return self.ends_on or self.starts_on

    @property
    def is_over(self):
        """Past its last day (Europe/Paris): registrations and invitations are closed."""
        return self.last_day < timezone.localdate()

    @property
    def accepts_national_experts(self):
        return getattr(self, "participants", "members") != "members"

    def numbered_agenda(self):
        # The states credited with items come in the same query (modelcluster's in-memory sets,
        # in previews, accept it too).
        return list(enumerate(self.agenda_items.select_related("suggested_by"), start=1))

    def agenda_numbers(self):
        """{agenda item pk: its number in the agenda}: the numbers invitations name items by."""
        return {item.pk: number for number, item in self.numbered_agenda()}

    def clean(self):
        super().clean()
        errors = {}
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The last day cannot come before the first day.")
        if not self.place and not self.online_link:
            errors["place"] = _("Give a place, an online link, or both.")
        if errors:
            raise ValidationError(errors)

    ical = delegate("ical/", VIEWS + "ical_view")
    convene = delegate("convene/", VIEWS + "convene_view")
    invitation_list = delegate("invitations/", VIEWS + "invitations_view", name="invitations")
    confirm_invitation = delegate("invitations/<int:pk>/confirm/", VIEWS + "confirm_view")
    withdraw_invitation = delegate("invitations/<int:pk>/withdraw/", VIEWS + "withdraw_view")
    register_participants = delegate("attendance/", VIEWS + "register_view", name="attendance")
    register_participants_of = delegate(
        "attendance/<str:code>/",
        VIEWS + "register_view",
        name="attendance_of_state",
    )
    unregister = delegate("attendance/remove/<int:pk>/", VIEWS + "unregister_view")
    participant_list = delegate("participants/", VIEWS + "participants_view", name="participants")
    participant_export = delegate(
        "participants/<str:export>/",
        VIEWS + "participants_view",
        name="participants_export",
    )
    nominate = delegate("nominate/", VIEWS + "nominate_view")
    # (not `agenda_consultation`: that is the consultation's own reverse accessor)
    consult_on_agenda = delegate(
        "agenda/consultation/", VIEWS + "consultation_view", name="agenda_consultation"
    )
    suggest_items = delegate("agenda/suggest/", VIEWS + "suggest_view")
    decide_suggestion = delegate("agenda/suggestions/<int:pk>/", VIEWS + "suggestion_view")
    approve_agenda = delegate("agenda/approve/", VIEWS + "approval_view")
    record_adoption = delegate("agenda/adoption/", VIEWS + "adoption_view")

    def get_context(self, request, *args, **kwargs):
        # What the page shows comes from the domain's modules, which import this one: named by
        # dotted path, like the routes' views (core.routing), never imported here.
        context = super().get_context(request, *args, **kwargs)
        return import_string(VIEWS + "page_context")(self, request, context)


def last_convocation(page):
    """The last convocation of the session as first written (convocations hang on it), or None."""
    return original(page).convocations.first() if getattr(page, "pk", None) else None


class ConvocationDeadlinePanel(Panel):
    """The last day the convocation may be sent (30 working days ahead), as last saved, and the
    dates the last convocation announced, if one went."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "network_pages/admin/convocation_deadline_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            starts_on = getattr(self.instance, "starts_on", None)
            context["last_compliant_date"] = last_compliant_date(starts_on) if starts_on else None
            context["working_days"] = CONVOCATION_WORKING_DAYS
            context["convened"] = last_convocation(self.instance)
            return context


class DateChangeReasonPanel(FieldPanel):
    """The reason for a late change of the first day (a field of SessionPageForm, not of the
    model), shown where it counts: on the convened session as first written."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            page = self.instance
            return (
                super().is_shown()
                and last_convocation(page) is not None
                and original(page).pk == page.pk
            )


SESSION_PANELS = [
    FieldPanel("title"),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            ConvocationDeadlinePanel(heading=_("Convocation")),
            DateChangeReasonPanel("date_change_reason", disable_comments=True),
            FieldPanel("place"),
            FieldPanel("online_link"),
        ],
        heading=_("When and where"),
    ),
]
OUTSIDE_PANELS = [FieldPanel("external_participants"), FieldPanel("held_jointly_with")]
SESSION_PANELS_AFTER = [
    InlinePanel("agenda_items", label=_("Draft agenda")),
    InlinePanel("papers", label=_("Papers")),
    FieldPanel("conclusions"),
]


class PlenarySessionPage(SessionPage):
    """A closed-door plenary session, chaired by the SRSG (§4.1); at least one a year."""

    kind = SessionPage.Kind.PLENARY

    represented_by = models.CharField(
        _("SRSG represented by"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty when the SRSG chairs in person."),
    )

    parent_page_types = ["network_pages.SessionIndexPage"]
    subpage_types = ["network_pages.ThematicSessionPage"]

    content_panels = (
        SESSION_PANELS
        + [
            FieldPanel("represented_by"),
            MultiFieldPanel(OUTSIDE_PANELS, heading=_("External participants")),
        ]
        + SESSION_PANELS_AFTER
    )
    template = SessionPage.template

    class Meta:
        verbose_name = _("plenary session")
        verbose_name_plural = _("plenary sessions")


class ThematicSessionPage(SessionPage):
    """A thematic session (§4.2), under a plenary or on its own."""

    kind = SessionPage.Kind.THEMATIC

    class Participants(models.TextChoices):
        MEMBERS = "members", _("Network members")
        NATIONAL_EXPERTS = "experts", _("National experts")
        BOTH = "both", _("Network members and national experts")

    participants = models.CharField(
        _("participants"), max_length=10, choices=Participants.choices, default=Participants.MEMBERS
    )

    parent_page_types = ["network_pages.SessionIndexPage", "network_pages.PlenarySessionPage"]
    subpage_types = []

    content_panels = (
        SESSION_PANELS
        + [
            MultiFieldPanel(
                [FieldPanel("participants"), *OUTSIDE_PANELS], heading=_("Participants")
            )
        ]
        + SESSION_PANELS_AFTER
    )
    template = SessionPage.template

    class Meta:
        verbose_name = _("thematic session")
        verbose_name_plural = _("thematic sessions")


class AgendaItem(TranslatableMixin, Orderable):
    page = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(_("item"), max_length=255)
    description = models.TextField(_("details"), blank=True)
    suggested_by = models.ForeignKey(
        MemberState,
        verbose_name=_("suggested by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The state whose suggestion the SRSG accepted."),
    )

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("suggested_by")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title


class SessionPaper(Orderable):
    """A document of the session: whoever may see the session may open it."""

    page = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="papers")
    document = models.ForeignKey(
        NetworkDocument, verbose_name=_("document"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Leave empty for the document's own.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("paper")
        verbose_name_plural = _("papers")

    def __str__(self):
        return self.title or self.document.title


class Convocation(models.Model):
    """A convocation sent: when, by whom, to whom, for which dates, and why it was late if it
    was. A notice of new dates (`changes_dates`), sent when a convened session is published with
    other dates, is recorded the same way: the last row holds the dates people were told."""

    session = models.ForeignKey(
        SessionPage,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="convocations",
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    # The SRSG, who convenes (§4.1): the Office sends the convocation on the SRSG's behalf.
    convened_by = by_user(_("convened by"))
    sent_by = by_user(_("sent by"), blank=False)
    recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("recipients"), related_name="convocations"
    )
    last_compliant_date = models.DateField(_("last compliant date"), null=True, blank=True)
    late = models.BooleanField(_("sent after the last compliant date"), default=False)
    override_reason = models.TextField(_("reason for sending late"), blank=True)
    starts_on = models.DateField(_("first day announced"), null=True, blank=True)
    ends_on = models.DateField(_("last day announced"), null=True, blank=True)
    changes_dates = models.BooleanField(_("notice of new dates"), default=False)

    class Meta:
        ordering = ["-sent_at", "-pk"]  # the last sent first, even within one second
        verbose_name = _("convocation")
        verbose_name_plural = _("convocations")

    def __str__(self):
        return f"{self.session} · {self.sent_at:%Y-%m-%d}"

    @property
    def last_day(self):
        return self.ends_on or self.starts_on

    def announced_dates(self):
        """The dates announced, written in the active language ("" if not recorded)."""
        if self.starts_on is None:
            return ""
        first = date_format(self.starts_on, "DATE_FORMAT")
        if self.last_day == self.starts_on:
            return first
        return f"{first} – {date_format(self.last_day, 'DATE_FORMAT')}"

    def date_change_reason(self, starts_on):
        """The reason the Office gave, since this was sent, for moving the first day to
        `starts_on` late (the audit log keeps it, `DATE_CHANGE_ACTION`), or ""."""
        entry = (
            PageLogEntry.objects.filter(
                page_id=self.session_id,
                action=DATE_CHANGE_ACTION,
                timestamp__gte=self.sent_at,
                data__new=starts_on.isoformat(),
            )
            .order_by("-timestamp", "-pk")
            .first()
        )
        return entry.data.get("reason", "") if entry else ""


class InvitationQuerySet(models.QuerySet):
    """An invitation opens its session while it is confirmed and not past its end date."""

    def current(self, today=None):
        return self.filter(status=Invitation.Status.CONFIRMED, ends_on__gte=today or _today())

    def past_end(self, today=None):
        """Confirmed, but past the end date: due to be ended."""
        return self.filter(status=Invitation.Status.CONFIRMED, ends_on__lt=today or _today())

    def lapsed(self, today=None):
        """Withdrawn, ended, or past the end date: they no longer open anything."""
        closed = [Invitation.Status.WITHDRAWN, Invitation.Status.ENDED]
        return self.filter(status__in=closed) | self.past_end(today)


def _today():
    return timezone.localdate()


class Invitation(models.Model):
    """A person invited to one session: an external expert invited by the Office, or a national
    expert nominated by a state's correspondent and confirmed by the Office. While confirmed and
    not past its end date, it opens that session to the person: a thematic session with its
    papers; a plenary (closed-door: the people the network invites, not the public) alone, with the
    papers the Office chose for them, never the thematic sessions under it.

    A nominee is kept as named (address, names, language) without an account: the account is
    made, or found, only when the Office confirms, with the names the Office confirms."""

    class Kind(models.TextChoices):
        EXTERNAL = "external", _("External expert")
        NATIONAL = "national", _("National expert")

    class Status(models.TextChoices):
        NOMINATED = "nominated", _("nominated, awaiting the Office")
        CONFIRMED = "confirmed", _("invited")
        WITHDRAWN = "withdrawn", _("withdrawn")
        ENDED = "ended", _("ended")

    session = models.ForeignKey(
        SessionPage, verbose_name=_("session"), on_delete=models.CASCADE, related_name="invitations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
        help_text=_("Empty while a nomination waits for the Office."),
    )
    email = models.EmailField(_("e-mail address"))
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    language = models.CharField(
        _("preferred language"), max_length=2, choices=CONTENT_LANGUAGES, default="en"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    position = models.CharField(_("position"), max_length=255, blank=True)
    member_state = models.ForeignKey(
        MemberState,
        verbose_name=_("credited to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    ends_on = models.DateField(_("access until"))
    agenda_items = models.ManyToManyField(
        AgendaItem,
        verbose_name=_("views sought on"),
        blank=True,
        related_name="invitations",
        help_text=_("The agenda items (of the session as first written) the person speaks to."),
    )
    papers = models.ManyToManyField(
        SessionPaper,
        verbose_name=_("papers received"),
        blank=True,
        related_name="invitations",
        help_text=_("For a plenary: the papers the person receives, among the session's."),
    )
    nominated_by = by_user(_("nominated by"))
    decided_by = by_user(_("invited or withdrawn by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["session", "last_name", "first_name"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.name} → {self.session}"

    @property
    def name(self):
        """The account's name once there is one; before, the name given with the nomination."""
        if self.user_id:
            return str(self.user)
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def address(self):
        return self.user.email if self.user_id else self.email


class Attendance(models.Model):
    """A participant a state registered for a session."""

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        ONLINE = "online", _("online")

    session = models.ForeignKey(
        SessionPage, verbose_name=_("session"), on_delete=models.CASCADE, related_name="attendance"
    )
    member_state = models.ForeignKey(
        MemberState, verbose_name=_("member state"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=255)
    email = models.EmailField(_("e-mail"))
    position = models.CharField(_("position and institution"), max_length=255, blank=True)
    mode = models.CharField(_("attends"), max_length=10, choices=Mode.choices)
    registered_by = by_user(_("registered by"), blank=False)
    registered_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        ordering = ["member_state__name_en", "name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "email"], name="one_registration_per_person_and_session"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.member_state.code})"


class CalendarFeed(models.Model):
    """A person's own calendar of the sessions they may see, at a secret address
    (`sessions.calendar`); resetting the secret stops the old address at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token = models.CharField(_("secret"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    reset_at = models.DateTimeField(_("last reset"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)


class AgendaConsultation(models.Model):
    """The Office consults the correspondents on a session's agenda (R12, §4.4) until a closing
    date: each suggests items on behalf of their state. It hangs on the session as first
    written."""

    session = models.OneToOneField(
        SessionPage,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="agenda_consultation",
    )
    closes_on = models.DateField(_("suggestions until"))
    opened_by = by_user(_("opened by"), blank=False)
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)

    class Meta:
        verbose_name = _("agenda consultation")
        verbose_name_plural = _("agenda consultations")

    def __str__(self):
        return f"{self.session} · {self.closes_on:%Y-%m-%d}"

    def is_open(self, today=None):
        return (today or timezone.localdate()) <= self.closes_on


class AgendaSuggestion(models.Model):
    """An item a state's correspondent suggests for a session's agenda, and its outcome."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting the SRSG")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    consultation = models.ForeignKey(
        AgendaConsultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="suggestions",
    )
    member_state = models.ForeignKey(
        MemberState, verbose_name=_("member state"), on_delete=models.PROTECT, related_name="+"
    )
    suggested_by = by_user(_("suggested by"))
    title = models.CharField(_("item"), max_length=255)
    rationale = models.TextField(_("why"), max_length=4000)
    # Owned by the suggestion (files.models): who may read it follows who may read the suggestion.
    document = models.ForeignKey(
        NetworkDocument,
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(_("reason given"), blank=True)
    created_at = models.DateTimeField(_("suggested"), auto_now_add=True)
    decided_by = by_user(_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # The agenda item an accepted suggestion became (its key is the same in every revision and
    # every language).
    agenda_item_key = models.UUIDField(_("agenda item"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["consultation", "created_at", "pk"]
        verbose_name = _("agenda suggestion")
        verbose_name_plural = _("agenda suggestions")

    def __str__(self):
        return self.title


class AgendaApproval(models.Model):
    """The SRSG's approval of a session's draft agenda (§4.1, §4.4), without which the session is
    not convened, and the Office's record of the agenda's adoption at the session: until then the
    agenda is a draft. It hangs on the session as first written."""

    session = models.OneToOneField(
        SessionPage,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="agenda_approval",
    )
    approved_by = by_user(_("approved by"), blank=False)
    approved_at = models.DateTimeField(_("approved"), auto_now_add=True)
    # The revision of the session whose agenda the SRSG approved.
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision approved"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    adopted_on = models.DateField(_("adopted at the session on"), null=True, blank=True)
    adoption_recorded_by = by_user(_("adoption recorded by"))
    adoption_recorded_at = models.DateTimeField(_("adoption recorded"), null=True, blank=True)

    class Meta:
        verbose_name = _("agenda approval")
        verbose_name_plural = _("agenda approvals")

    def __str__(self):
        return f"{self.session} · {self.approved_at:%Y-%m-%d}"
