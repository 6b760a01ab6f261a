from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Public site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.signals import page_published, page_unpublished, post_page_move

        from home.context_processors import forget_footer_pages

        for signal in (page_published, page_unpublished, post_page_move, post_delete, post_save):
            signal.connect(forget_footer_pages, dispatch_uid=f"home.footer_pages.{id(signal)}")
