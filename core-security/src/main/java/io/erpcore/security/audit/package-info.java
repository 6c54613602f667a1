/**
 * The tamper-evident audit trail, without a database: what an event records
 * ({@link io.erpcore.security.audit.AuditEvent}, {@link io.erpcore.security.audit.AuditAction},
 * {@link io.erpcore.security.audit.AuditSnapshot}, which refuses secrets), the ports that write
 * ({@link io.erpcore.security.audit.AuditSink}) and read ({@link io.erpcore.security.audit.AuditTrail})
 * a tenant's chain, the canonical form its links are hashed over
 * ({@link io.erpcore.security.audit.AuditHashes}) and the check that recomputes it
 * ({@link io.erpcore.security.audit.AuditChainCheck}).
 */
package io.erpcore.security.audit;
