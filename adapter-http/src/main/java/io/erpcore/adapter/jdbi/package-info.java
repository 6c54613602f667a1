/**
 * PostgreSQL through HikariCP, Flyway and JDBI: the runtime pool, migrations as the owner role,
 * {@link io.erpcore.adapter.jdbi.JdbiRlsExecutor} with its scope riding on the first statement,
 * statement metrics and slow-query logs, the health probe, and provisioning of the two roles.
 */
package io.erpcore.adapter.jdbi;
