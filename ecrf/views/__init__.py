"""Screens, one module per part of the casebook. Each module lists its urlpatterns."""
