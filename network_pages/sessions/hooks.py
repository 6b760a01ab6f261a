from wagtail import hooks

from network_pages.access import is_editor
from network_pages.sessions.admin import ClosureDayViewSet, PlenaryScheduleWarning


@hooks.register("register_admin_viewset")
def register_closure_day_viewset():
    return ClosureDayViewSet("closure-days")


@hooks.register("construct_homepage_panels")
def warn_about_the_plenary_schedule(request, panels):
    from network_pages.sessions.convocations import plenary_schedule_problem

    if is_editor(request.user):
        problem = plenary_schedule_problem()
        if problem:
            panels.append(PlenaryScheduleWarning(problem))
