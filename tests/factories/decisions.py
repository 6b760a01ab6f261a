"""Decisions of the Network."""

import datetime

from network_pages.decisions.models import Decision


def make_decision(subject="Thematic group on integration created", **fields):
    """A decision, validated as the admin's form validates it: taken at `session` when one is
    given, else by a written consultation (opened and closed before the date) unless `means` says
    otherwise. Other fields go to the record as they are."""
    session = fields.get("session")
    decided_on = fields.pop("decided_on", datetime.date(2026, 3, 20))
    if session is not None:
        fields.setdefault("means", Decision.Means.SESSION)
    else:
        fields.setdefault("means", Decision.Means.WRITTEN)
    if fields["means"] == Decision.Means.WRITTEN:
        fields.setdefault("consulted_from", decided_on - datetime.timedelta(days=14))
        fields.setdefault("consulted_until", decided_on - datetime.timedelta(days=1))
        fields.setdefault("how_asked", "E-mail to every correspondent, with the draft attached.")
    decision = Decision(
        subject=subject,
        kind=fields.pop("kind", Decision.Kind.GROUP),
        outcome=fields.pop("outcome", "Adopted without objection."),
        decided_on=decided_on,
        **fields,
    )
    decision.full_clean()
    decision.save()
    return decision
