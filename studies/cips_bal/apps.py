from django.apps import AppConfig


class CipsBalConfig(AppConfig):
    name = "studies.cips_bal"
    label = "cips_bal"
    verbose_name = "NCT07312864 CiPS-BAL"
