"""Contains all the data models used in inputs/outputs"""

from .admission_scheme import AdmissionScheme
from .attempt_out import AttemptOut
from .attendance_mode import AttendanceMode
from .audit_out import AuditOut
from .audit_out_details import AuditOutDetails
from .audit_page import AuditPage
from .auth_method import AuthMethod
from .authorization_server_metadata import AuthorizationServerMetadata
from .batch_item import BatchItem
from .batch_result import BatchResult
from .change_message import ChangeMessage
from .change_page import ChangePage
from .change_type import ChangeType
from .changed_resource import ChangedResource
from .client_create import ClientCreate
from .client_create_jwks_type_0 import ClientCreateJwksType0
from .client_out import ClientOut
from .client_page import ClientPage
from .client_secret_out import ClientSecretOut
from .client_update import ClientUpdate
from .client_update_status_type_1 import ClientUpdateStatusType1
from .client_update_status_type_2_type_1 import ClientUpdateStatusType2Type1
from .client_update_status_type_3_type_1 import ClientUpdateStatusType3Type1
from .consent_in import ConsentIn
from .consent_in_notice_language import ConsentInNoticeLanguage
from .consent_method import ConsentMethod
from .consent_out import ConsentOut
from .data_subject_export import DataSubjectExport
from .delivery_out import DeliveryOut
from .delivery_page import DeliveryPage
from .delivery_state import DeliveryState
from .diff_talent_list_editions_lang_type_1 import DiffTalentListEditionsLangType1
from .diff_talent_list_editions_lang_type_2_type_1 import DiffTalentListEditionsLangType2Type1
from .diff_talent_list_editions_lang_type_3_type_1 import DiffTalentListEditionsLangType3Type1
from .edition_diff_out import EditionDiffOut
from .edition_import import EditionImport
from .edition_list import EditionList
from .edition_out import EditionOut
from .edition_summary import EditionSummary
from .edition_text import EditionText
from .event_create import EventCreate
from .event_out import EventOut
from .event_page import EventPage
from .event_partner import EventPartner
from .event_patch import EventPatch
from .event_status import EventStatus
from .event_text import EventText
from .event_type import EventType
from .field_error import FieldError
from .get_event_lang_type_1 import GetEventLangType1
from .get_event_lang_type_2_type_1 import GetEventLangType2Type1
from .get_event_lang_type_3_type_1 import GetEventLangType3Type1
from .get_jwks_response_200 import GetJwksResponse200
from .get_profession_lang_type_1 import GetProfessionLangType1
from .get_profession_lang_type_2_type_1 import GetProfessionLangType2Type1
from .get_profession_lang_type_3_type_1 import GetProfessionLangType3Type1
from .get_talent_list_edition_lang_type_1 import GetTalentListEditionLangType1
from .get_talent_list_edition_lang_type_2_type_1 import GetTalentListEditionLangType2Type1
from .get_talent_list_edition_lang_type_3_type_1 import GetTalentListEditionLangType3Type1
from .get_talent_list_lang_type_1 import GetTalentListLangType1
from .get_talent_list_lang_type_2_type_1 import GetTalentListLangType2Type1
from .get_talent_list_lang_type_3_type_1 import GetTalentListLangType3Type1
from .health import Health
from .interest import Interest
from .introspection import Introspection
from .lead_create import LeadCreate
from .lead_history import LeadHistory
from .lead_out import LeadOut
from .lead_page import LeadPage
from .lead_patch import LeadPatch
from .lead_status import LeadStatus
from .list_changes_type_type_0_item import ListChangesTypeType0Item
from .list_clients_status_type_1 import ListClientsStatusType1
from .list_clients_status_type_2_type_1 import ListClientsStatusType2Type1
from .list_clients_status_type_3_type_1 import ListClientsStatusType3Type1
from .list_events_lang_type_1 import ListEventsLangType1
from .list_events_lang_type_2_type_1 import ListEventsLangType2Type1
from .list_events_lang_type_3_type_1 import ListEventsLangType3Type1
from .list_professions_lang_type_1 import ListProfessionsLangType1
from .list_professions_lang_type_2_type_1 import ListProfessionsLangType2Type1
from .list_professions_lang_type_3_type_1 import ListProfessionsLangType3Type1
from .list_talent_list_editions_lang_type_1 import ListTalentListEditionsLangType1
from .list_talent_list_editions_lang_type_2_type_1 import ListTalentListEditionsLangType2Type1
from .list_talent_list_editions_lang_type_3_type_1 import ListTalentListEditionsLangType3Type1
from .move_online import MoveOnline
from .names import Names
from .names_out import NamesOut
from .o_auth_error import OAuthError
from .partner_create import PartnerCreate
from .partner_out import PartnerOut
from .partner_page import PartnerPage
from .partner_status import PartnerStatus
from .partner_type import PartnerType
from .partner_update import PartnerUpdate
from .partner_update_status_type_1 import PartnerUpdateStatusType1
from .partner_update_status_type_2_type_1 import PartnerUpdateStatusType2Type1
from .partner_update_status_type_3_type_1 import PartnerUpdateStatusType3Type1
from .person_in import PersonIn
from .person_out import PersonOut
from .person_patch import PersonPatch
from .problem import Problem
from .profession_change_out import ProfessionChangeOut
from .profession_detail import ProfessionDetail
from .profession_in import ProfessionIn
from .profession_list import ProfessionList
from .profession_out import ProfessionOut
from .public_keys import PublicKeys
from .public_keys_jwks import PublicKeysJwks
from .publication import Publication
from .purpose import Purpose
from .rate_limit_tier import RateLimitTier
from .reschedule import Reschedule
from .resource import Resource
from .scope import Scope
from .secret_rotation import SecretRotation
from .sector_in import SectorIn
from .sector_out import SectorOut
from .status_change_in import StatusChangeIn
from .status_change_out import StatusChangeOut
from .subject_record import SubjectRecord
from .submit_lead_batch_body import SubmitLeadBatchBody
from .text import Text
from .token_operation import TokenOperation
from .token_request import TokenRequest
from .token_response import TokenResponse
from .venue_in import VenueIn
from .venue_out import VenueOut
from .webhook_create import WebhookCreate
from .webhook_create_event_types_item import WebhookCreateEventTypesItem
from .webhook_created import WebhookCreated
from .webhook_list import WebhookList
from .webhook_out import WebhookOut
from .webhook_patch import WebhookPatch
from .webhook_patch_event_types_type_0_item import WebhookPatchEventTypesType0Item
from .webhook_secret import WebhookSecret
from .webhook_secret_rotation import WebhookSecretRotation

__all__ = (
    "AdmissionScheme",
    "AttemptOut",
    "AttendanceMode",
    "AuditOut",
    "AuditOutDetails",
    "AuditPage",
    "AuthMethod",
    "AuthorizationServerMetadata",
    "BatchItem",
    "BatchResult",
    "ChangedResource",
    "ChangeMessage",
    "ChangePage",
    "ChangeType",
    "ClientCreate",
    "ClientCreateJwksType0",
    "ClientOut",
    "ClientPage",
    "ClientSecretOut",
    "ClientUpdate",
    "ClientUpdateStatusType1",
    "ClientUpdateStatusType2Type1",
    "ClientUpdateStatusType3Type1",
    "ConsentIn",
    "ConsentInNoticeLanguage",
    "ConsentMethod",
    "ConsentOut",
    "DataSubjectExport",
    "DeliveryOut",
    "DeliveryPage",
    "DeliveryState",
    "DiffTalentListEditionsLangType1",
    "DiffTalentListEditionsLangType2Type1",
    "DiffTalentListEditionsLangType3Type1",
    "EditionDiffOut",
    "EditionImport",
    "EditionList",
    "EditionOut",
    "EditionSummary",
    "EditionText",
    "EventCreate",
    "EventOut",
    "EventPage",
    "EventPartner",
    "EventPatch",
    "EventStatus",
    "EventText",
    "EventType",
    "FieldError",
    "GetEventLangType1",
    "GetEventLangType2Type1",
    "GetEventLangType3Type1",
    "GetJwksResponse200",
    "GetProfessionLangType1",
    "GetProfessionLangType2Type1",
    "GetProfessionLangType3Type1",
    "GetTalentListEditionLangType1",
    "GetTalentListEditionLangType2Type1",
    "GetTalentListEditionLangType3Type1",
    "GetTalentListLangType1",
    "GetTalentListLangType2Type1",
    "GetTalentListLangType3Type1",
    "Health",
    "Interest",
    "Introspection",
    "LeadCreate",
    "LeadHistory",
    "LeadOut",
    "LeadPage",
    "LeadPatch",
    "LeadStatus",
    "ListChangesTypeType0Item",
    "ListClientsStatusType1",
    "ListClientsStatusType2Type1",
    "ListClientsStatusType3Type1",
    "ListEventsLangType1",
    "ListEventsLangType2Type1",
    "ListEventsLangType3Type1",
    "ListProfessionsLangType1",
    "ListProfessionsLangType2Type1",
    "ListProfessionsLangType3Type1",
    "ListTalentListEditionsLangType1",
    "ListTalentListEditionsLangType2Type1",
    "ListTalentListEditionsLangType3Type1",
    "MoveOnline",
    "Names",
    "NamesOut",
    "OAuthError",
    "PartnerCreate",
    "PartnerOut",
    "PartnerPage",
    "PartnerStatus",
    "PartnerType",
    "PartnerUpdate",
    "PartnerUpdateStatusType1",
    "PartnerUpdateStatusType2Type1",
    "PartnerUpdateStatusType3Type1",
    "PersonIn",
    "PersonOut",
    "PersonPatch",
    "Problem",
    "ProfessionChangeOut",
    "ProfessionDetail",
    "ProfessionIn",
    "ProfessionList",
    "ProfessionOut",
    "Publication",
    "PublicKeys",
    "PublicKeysJwks",
    "Purpose",
    "RateLimitTier",
    "Reschedule",
    "Resource",
    "Scope",
    "SecretRotation",
    "SectorIn",
    "SectorOut",
    "StatusChangeIn",
    "StatusChangeOut",
    "SubjectRecord",
    "SubmitLeadBatchBody",
    "Text",
    "TokenOperation",
    "TokenRequest",
    "TokenResponse",
    "VenueIn",
    "VenueOut",
    "WebhookCreate",
    "WebhookCreated",
    "WebhookCreateEventTypesItem",
    "WebhookList",
    "WebhookOut",
    "WebhookPatch",
    "WebhookPatchEventTypesType0Item",
    "WebhookSecret",
    "WebhookSecretRotation",
)
