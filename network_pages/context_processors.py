from network_pages.access import Level, level


def network(request):
    user_level = level(request.user)
    return {
        "network_level": int(user_level),
        "in_network": user_level >= Level.EXPERT,
    }
