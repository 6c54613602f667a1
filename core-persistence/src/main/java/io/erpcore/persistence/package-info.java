/**
 * Tenant-scoped database work, expressed without a driver.
 *
 * <p>Will hold the {@code RlsExecutor} port (work runs in one transaction scoped to one tenant, or
 * in an explicit platform scope), the retry, slow-query and per-tenant bulkhead policies, the
 * plain-SQL migrations and the tenancy lint that checks row-level security from the catalog.
 */
package io.erpcore.persistence;
