from django.apps import AppConfig


class ThirdStudyConfig(AppConfig):
    name = "tests.third_study"
    label = "third_study"
    verbose_name = "NCT99999993 made-up third BAL study (tests only)"
