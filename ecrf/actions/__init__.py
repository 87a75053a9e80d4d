"""Every write that matters, as a named action, one module per part of the casebook.

core            subject_register, eligibility_record, subject_enrol, subject_screen_fail, ...
sessions        BAL sessions and the deviations their rules find
labs            lab panels, imports
adverse_events  adverse events, SAE supplements, monitors' reviews
committee       the Safety Evaluation Committee's signed decisions (committee_decide)
clinical        medical history, diagnosis, vital signs, medications, procedures, disposition
"""

from ecrf.actions.core import (  # noqa: F401
    Eligibility,
    ProtocolRefusal,
    eligibility_of,
    eligibility_record,
    protocol_sync,
    screening_protocol,
    subject_enrol,
    subject_register,
    subject_screen_fail,
    subject_update,
)
