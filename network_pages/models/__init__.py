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

__all__ = [
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
