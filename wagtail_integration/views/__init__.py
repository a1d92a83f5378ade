"""The sub-pages of an integration concept (served through its ``RoutablePageMixin`` routes):
the measures overview, the open data exports and their data package, and the editors' import
in the admin."""
