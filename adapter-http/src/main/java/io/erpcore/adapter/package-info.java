/**
 * Every adapter that binds a core port to a technology, one sub-package per technology.
 *
 * <p>Will hold {@code io.erpcore.adapter.http} (Javalin), {@code io.erpcore.adapter.jdbi}
 * (HikariCP, Flyway, JDBI), {@code io.erpcore.adapter.micrometer} (Prometheus),
 * {@code io.erpcore.adapter.logback} (JSON and development layouts) and
 * {@code io.erpcore.adapter.ratelimit} (bucket4j, local and Redis). Implementations carry their
 * technology in their names: {@code JdbiRlsExecutor}, {@code MicrometerMetricsSink}.
 */
package io.erpcore.adapter;
