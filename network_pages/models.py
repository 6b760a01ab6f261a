"""Every model of the app, for Django's model loading: each is defined in its domain's package.

Domain code imports `<domain>.models` directly, never this module."""

from network_pages.access.models import PageGroupObjectPermission, PageUserObjectPermission
from network_pages.accounts.models import (
    Designation,
    MemberProfile,
    MemberState,
    NationalNetworkActor,
    User,
)
from network_pages.activities.models import ActivityIndexPage, ActivityUpdatePage, Committee
from network_pages.decisions.models import Decision
from network_pages.directory.models import DirectoryPage
from network_pages.files.models import NetworkDocument, NetworkImage, NetworkRendition
from network_pages.groups.models import (
    GroupIndexPage,
    Rapporteur,
    ThematicGroupPage,
    WorkspaceInvitation,
    WorkspaceItemPage,
    WorkspacePage,
)
from network_pages.information_requests.models import (
    AddressedState,
    Answer,
    InformationRequestPage,
    Marking,
    RequestIndexPage,
    RequestQuestion,
    ResponseReminder,
    ResponseRevision,
    StateResponse,
)
from network_pages.intranet.models import IntranetHomePage, IntranetPage
from network_pages.methods.models import (
    MethodsSuggestion,
    ObjectivesPage,
    TextRevision,
    WorkingMethodsPage,
)
from network_pages.notifications.models import Notification
from network_pages.practices.models import (
    BestPracticePage,
    Contribution,
    ContributionReviewTask,
    PracticeAttachment,
    PracticeIndexPage,
    PracticeSettings,
    Theme,
)
from network_pages.release.models import ReleaseProposal
from network_pages.sessions.models import (
    AgendaApproval,
    AgendaConsultation,
    AgendaItem,
    AgendaSuggestion,
    Attendance,
    CalendarFeed,
    Convocation,
    Invitation,
    PlenarySessionPage,
    SessionIndexPage,
    SessionPage,
    SessionPaper,
    ThematicSessionPage,
)
from network_pages.sessions.working_days import ClosureDay

__all__ = [
    "ActivityIndexPage",
    "ActivityUpdatePage",
    "AddressedState",
    "AgendaApproval",
    "AgendaConsultation",
    "AgendaItem",
    "AgendaSuggestion",
    "Answer",
    "Attendance",
    "BestPracticePage",
    "CalendarFeed",
    "ClosureDay",
    "Committee",
    "Contribution",
    "ContributionReviewTask",
    "Convocation",
    "Decision",
    "Designation",
    "DirectoryPage",
    "GroupIndexPage",
    "InformationRequestPage",
    "IntranetHomePage",
    "IntranetPage",
    "Invitation",
    "Marking",
    "MemberProfile",
    "MemberState",
    "MethodsSuggestion",
    "NationalNetworkActor",
    "NetworkDocument",
    "NetworkImage",
    "NetworkRendition",
    "Notification",
    "ObjectivesPage",
    "PageGroupObjectPermission",
    "PageUserObjectPermission",
    "PlenarySessionPage",
    "PracticeAttachment",
    "PracticeIndexPage",
    "PracticeSettings",
    "Rapporteur",
    "ReleaseProposal",
    "RequestIndexPage",
    "RequestQuestion",
    "ResponseReminder",
    "ResponseRevision",
    "SessionIndexPage",
    "SessionPage",
    "SessionPaper",
    "StateResponse",
    "TextRevision",
    "ThematicGroupPage",
    "ThematicSessionPage",
    "Theme",
    "User",
    "WorkingMethodsPage",
    "WorkspaceInvitation",
    "WorkspaceItemPage",
    "WorkspacePage",
]
