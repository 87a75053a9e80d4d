from ecrf.migrations import RenderOnce  # noqa: F401 (this app's migrations use it too)
