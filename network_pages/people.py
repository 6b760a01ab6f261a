"""Kept so that logged-in sessions survive: Django keeps a session only while the backend path
stored in it (`network_pages.people.DesignationBackend`) is listed in AUTHENTICATION_BACKENDS."""

from network_pages.accounts.designations import DesignationBackend

__all__ = ["DesignationBackend"]
