/**
 * Structured logging over SLF4J, free of any logging backend.
 *
 * <ul>
 *   <li>{@link io.erpcore.logging.LogContext} carries the request's {@link io.erpcore.logging.LogField
 *       fields} (correlation id, tenant, user, module, action, trace id) in the MDC, through
 *       {@link io.erpcore.logging.LogScope scopes} that restore what they replaced, and takes them
 *       along to other threads ({@code wrap}, {@code propagating}).
 *   <li>{@link io.erpcore.logging.StructuredLogger} is the specification's logger: levels, the HTTP
 *       request line, security, audit and business events, and {@code profile} timing; events carry
 *       the {@link io.erpcore.logging.LogMarkers markers} and key-value pairs a backend encodes.
 *   <li>{@link io.erpcore.logging.Redactor} masks secrets in context maps and in text.
 * </ul>
 *
 * <p>A backend (Logback in {@code adapter-http}) reads the MDC keys of {@code LogField} and the
 * markers of {@code LogMarkers}; nothing here depends on one.
 */
package io.erpcore.logging;
