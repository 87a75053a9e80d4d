"""A MADE-UP third BAL study, kept under tests/ (issue 20 item 3): it exists to show that a
trial is one package. It is not a registered trial; its registry id NCT99999993 is a
placeholder no real trial has. Only the suite's settings (tests/settings.py) install it.

    apps.py       the Django app (label "third_study")
    protocol.py   arms, criteria, visits with their forms and panels, rules, device checks
    models.py     its one extra field, a part of the BAL session (AmmoniaClearance)
    migrations/   that model's table and audit trail
    forms.py      its session form (the extra field)
    admin.py      its model's admin page
"""
