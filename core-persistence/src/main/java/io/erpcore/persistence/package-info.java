/**
 * Tenant-scoped database work, expressed without a driver.
 *
 * <p>{@link io.erpcore.persistence.RlsExecutor} runs work in one transaction scoped to one tenant
 * (or in the explicit platform scope), which PostgreSQL's forced row-level security then enforces
 * whatever the SQL says. Around it: {@link io.erpcore.persistence.RetryPolicy} for transient
 * failures of idempotent work, {@link io.erpcore.persistence.TenantBulkhead} so one tenant cannot
 * hold the whole pool, {@link io.erpcore.persistence.SqlShape} for logging statements without
 * their values, the plain-SQL migrations under {@code db/migration}, and the tenancy lint that
 * checks the catalog.
 */
package io.erpcore.persistence;
