-- The runtime role reads which migrations succeeded, for the schema version that /health/detailed
-- shows. Column privileges only: not who applied a migration, when, nor its script or checksum.
-- ${flyway:defaultSchema} and ${flyway:table} are Flyway's names of its own history table.

GRANT SELECT (installed_rank, version, success) ON "${flyway:defaultSchema}"."${flyway:table}" TO "${runtime_role}";
