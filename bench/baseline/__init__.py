"""A minimal app on raw asyncpg and msgspec: the practical limit the API is measured against."""
