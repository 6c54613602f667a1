/**
 * Security policy without a web framework or a database.
 *
 * <p>Will hold tokens (HS256 with key rotation), refresh-token rotation and its store port,
 * password hashing and policy, roles and permissions, API-key hashing, per-tenant field
 * encryption, rate-limit policies and the {@code RateLimiter} port, security-header and CORS
 * policy, webhook signatures, and the hash-chained audit trail with its {@code AuditSink} port.
 */
package io.erpcore.security;
