/**
 * Structured logging over SLF4J, free of any logging backend.
 *
 * <p>Will hold {@code LogContext} (correlation id, tenant, user, module and action carried in the
 * MDC through scopes that always restore what was there), {@code StructuredLogger} with the
 * security, audit, business and profiling calls of the specification, and the {@code Redactor}
 * that masks secrets in context maps and text.
 */
package io.erpcore.logging;
