"""The eCRF's models, one module per part of the casebook.

core            studies, sites, roles, subjects, eligibility and enrolment
treatment       BAL sessions and their logs, device checks, protocol deviations
labs            lab panels and results, site reference ranges
adverse_events  adverse events, the SAE supplement, monitors' reviews and AE coding
clinical        medical history, liver-failure diagnosis, vital signs, clinical status,
                concomitant medications and procedures, liver imaging, disposition
audit           sign-in events; the protection of the audit trail's context rows
queries         data clarification queries on casebook records, and their threads
integrity       the idempotency keys of processed form submissions
signoff         source data verifications and electronic signatures
locking         data managers' freezes and locks of a study, a subject or a form
committee       the Safety Evaluation Committee's signed decisions; refused gate attempts
exports         the log of data exports (who, when, which format, how many rows)
accounts        what a user chooses for their own account (the interface language)
alerts          safety alerts to monitors and safety reviewers (in-app and e-mail)
caching         rendered casebook bodies kept while the subject's data is unchanged
versions        protocol versions published, in force at each site; subjects' re-consents
"""

from ecrf.models.accounts import (  # noqa: F401
    AccountPreference,
    PasswordChangeRequired,
    PasswordHistory,
)
from ecrf.models.adverse_events import (  # noqa: F401
    AdverseEvent,
    AdverseEventCoding,
    AdverseEventReview,
    SaeReport,
)
from ecrf.models.alerts import CLOCK_TRIGGERS, Alert, AlertTrigger  # noqa: F401
from ecrf.models.audit import AuditContext, ChangeReason, LoginEvent, LoginEventKind  # noqa: F401
from ecrf.models.caching import RenderedCasebook  # noqa: F401
from ecrf.models.clinical import (  # noqa: F401
    ClinicalStatus,
    ConcomitantMedication,
    Disposition,
    LiverFailureDiagnosis,
    LiverImaging,
    MedicalHistory,
    Procedure,
    VitalSigns,
)
from ecrf.models.committee import (  # noqa: F401
    CommitteeDecision,
    Decision,
    GateChannel,
    GateRefusal,
)
from ecrf.models.core import (  # noqa: F401
    DATA_ENTRY_ROLES,
    LOCK_SQLSTATE,
    Arm,
    CaseReportForm,
    EligibilityAnswer,
    Enrolment,
    FormStatus,
    Membership,
    RecordLocked,
    Role,
    ScreenFailure,
    Sex,
    Site,
    Study,
    StudyRecord,
    Subject,
    SubjectStatus,
    audited,
    today_in,
    validate_time_zone,
)
from ecrf.models.exports import ExportFormat, ExportLog, SiteArchive, SiteArchivePart  # noqa: F401
from ecrf.models.integrity import SubmissionKey  # noqa: F401
from ecrf.models.labs import LabPanel, LabResult, ReferenceRange  # noqa: F401
from ecrf.models.locking import DataLock, LockLevel  # noqa: F401
from ecrf.models.queries import DataQuery, DataQueryMessage, QueryStatus  # noqa: F401
from ecrf.models.signoff import (  # noqa: F401
    Signature,
    SignatureMeaning,
    SourceVerification,
)
from ecrf.models.treatment import (  # noqa: F401
    AnticoagulationCheck,
    Deviation,
    DeviceCheck,
    SessionInterruption,
    TreatmentSession,
)
from ecrf.models.versions import Reconsent, SiteVersion, StudyVersion  # noqa: F401
