"""The project's audit actions: each domain registers its own with Wagtail's audit log."""


def log_actions(table):
    """A `register_log_actions` hook registering a domain's (action, label, message) rows."""

    def register(actions):
        for action, label, message in table:
            actions.register_action(action, label, message)

    return register
