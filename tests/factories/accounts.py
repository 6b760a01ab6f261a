"""People: a user with roles (group names) and, for a correspondent, a member state."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import factory

from network_pages.accounts.models import MemberState


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
