/**
 * Security policy without a web framework or a database.
 *
 * <p>Holds the rate limits: the {@link io.erpcore.security.RateLimiter} port with its fixed-window
 * {@link io.erpcore.security.RateLimit}s, the named limits of {@code RATE_LIMIT_*}
 * ({@link io.erpcore.security.RateLimitPolicies}) and the progressive
 * {@link io.erpcore.security.SlowDown}. Will hold tokens (HS256 with key rotation), refresh-token
 * rotation and its store port, password hashing and policy, roles and permissions, API-key
 * hashing, per-tenant field encryption, security-header and CORS policy, webhook signatures, and
 * the hash-chained audit trail with its {@code AuditSink} port.
 */
package io.erpcore.security;
