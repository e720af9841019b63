"""The reference data shipped with the service, in the same formats staff import."""

from __future__ import annotations

from pathlib import Path

import adapters.seed
from api.talent_list_import import decode_import, edition_from_import
from domain.talent_list import Edition

EDITIONS = Path(adapters.seed.__file__).parent / "talent_list"


def reference_editions() -> list[Edition]:
    """The Talent List editions of adapters/seed/talent_list/, oldest first."""
    editions = [edition_from_import(decode_import(path.read_bytes())) for path in EDITIONS.glob("*.json")]
    return sorted(editions, key=lambda e: e.effective_from)
