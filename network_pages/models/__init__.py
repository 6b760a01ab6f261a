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
from .requests import (
    Answer,
    InformationRequestPage,
    Marking,
    RequestIndexPage,
    RequestQuestion,
    ResponseRevision,
    StateResponse,
)

__all__ = [
    "Answer",
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
