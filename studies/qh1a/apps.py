from django.apps import AppConfig


class Qh1aConfig(AppConfig):
    name = "studies.qh1a"
    label = "qh1a"
    verbose_name = "NCT06996392 QH-1A"
