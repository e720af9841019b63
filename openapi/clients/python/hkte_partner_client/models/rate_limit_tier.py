from enum import StrEnum


class RateLimitTier(StrEnum):
    BULK = "bulk"
    ELEVATED = "elevated"
    STANDARD = "standard"

    def __str__(self) -> str:
        return str(self.value)
