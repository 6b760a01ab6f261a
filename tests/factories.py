from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import factory
import wagtail_factories

from network_pages.accounts.models import MemberState
from network_pages.intranet.models import IntranetPage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    language = "en"
    password = factory.PostGenerationMethodCall("set_password", "pass")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for name in extracted or ():
            self.groups.add(Group.objects.get(name=name))

    @factory.post_generation
    def state(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(MemberState.objects.get(code=extracted).group)


class IntranetPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = IntranetPage

    title = factory.Sequence(lambda n: f"Intranet page {n}")
    summary = "A summary"
