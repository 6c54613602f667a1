/**
 * Logback output for ERP Core: the JSON layout of DESIGN section 3 (logstash-logback-encoder
 * providers), the one-line development layout of the specification, the asynchronous appender
 * that counts what it drops, and start-up configuration from {@code LOG_LEVEL} and
 * {@code LOG_FORMAT}.
 */
package io.erpcore.adapter.logback;
