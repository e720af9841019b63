from enum import StrEnum


class AdmissionScheme(StrEnum):
    ASMTP = "ASMTP"
    GEP = "GEP"
    IANG = "IANG"
    QMAS = "QMAS"
    TECHTAS = "TECHTAS"
    TTPS = "TTPS"

    def __str__(self) -> str:
        return str(self.value)
