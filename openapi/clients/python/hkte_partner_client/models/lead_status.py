from enum import StrEnum


class LeadStatus(StrEnum):
    APPLIED = "applied"
    APPROVED = "approved"
    ARRIVED = "arrived"
    CONTACTED = "contacted"
    DECLINED = "declined"
    DUPLICATE = "duplicate"
    NOT_ELIGIBLE = "not_eligible"
    RECEIVED = "received"
    UNDER_REVIEW = "under_review"
    UNREACHABLE = "unreachable"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
