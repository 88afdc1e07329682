"""yuqi warehouse: the DuckDB schema, migrations, the loader and the safe SQL door.

Every SQL statement of the project lives in this package (and in reports/ for
read-only report queries).
"""
