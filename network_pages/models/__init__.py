from .accounts import MemberState, User
from .directory import (
    Designation,
    DirectoryPage,
    MemberProfile,
    NationalNetworkActor,
)
from .files import NetworkDocument, NetworkImage, NetworkRendition
from .notifications import Notification
from .pages import IntranetHomePage, IntranetPage
from .permissions import PageGroupObjectPermission, PageUserObjectPermission
from .requests import InformationRequestPage, RequestIndexPage, RequestQuestion
from .responses import (
    AddressedState,
    Answer,
    Marking,
    ResponseReminder,
    ResponseRevision,
    StateResponse,
)
from .sessions import (
    AgendaItem,
    Attendance,
    ClosureDay,
    Convocation,
    Invitation,
    PlenarySessionPage,
    SessionIndexPage,
    SessionPage,
    SessionPaper,
    ThematicSessionPage,
)

__all__ = [
    "AgendaItem",
    "Attendance",
    "ClosureDay",
    "Convocation",
    "Invitation",
    "PlenarySessionPage",
    "SessionIndexPage",
    "SessionPage",
    "SessionPaper",
    "ThematicSessionPage",
    "AddressedState",
    "Answer",
    "ResponseReminder",
    "Marking",
    "ResponseRevision",
    "StateResponse",
    "Designation",
    "DirectoryPage",
    "MemberProfile",
    "NationalNetworkActor",
    "InformationRequestPage",
    "IntranetHomePage",
    "IntranetPage",
    "MemberState",
    "NetworkDocument",
    "NetworkImage",
    "NetworkRendition",
    "Notification",
    "PageGroupObjectPermission",
    "PageUserObjectPermission",
    "RequestIndexPage",
    "RequestQuestion",
    "User",
]
