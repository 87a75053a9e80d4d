"""Placeholder: filled in by the capture work."""

urlpatterns = []
