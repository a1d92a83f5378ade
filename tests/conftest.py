import pytest
from wagtail.models import Site


@pytest.fixture
def home_page(db):
    """The root page of the default site, as Wagtail's migrations create it."""
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser(
        username="admin", email="admin@example.org", password="password"
    )


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client
