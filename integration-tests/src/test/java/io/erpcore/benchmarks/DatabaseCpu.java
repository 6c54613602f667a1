package io.erpcore.benchmarks;

import io.erpcore.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The CPU time PostgreSQL spends for one server under load: the backends of the harness's database
 * whose {@code application_name} is that server's pool, found in {@code pg_stat_activity} and read
 * from {@code /proc}. Only where the database server runs on this machine (a loopback address and
 * {@code postgres} processes in {@code /proc}); elsewhere every reading is unknown.
 */
final class DatabaseCpu implements AutoCloseable {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    private static final String BACKENDS = "select pid from pg_stat_activity where datname = current_database()"
            + " and application_name = any(?)";

    private final Connection admin;
    private final boolean local;

    private DatabaseCpu(Connection admin, boolean local) {
        this.admin = admin;
        this.local = local;
    }

    /** Reads through {@code admin}, a superuser connection to the harness's database at {@code url}. */
    static DatabaseCpu of(Connection admin, DatabaseUrl url) {
        boolean local = url.hosts().stream().allMatch(host -> LOOPBACK.contains(host.host()) || host.host().startsWith("127."));
        return new DatabaseCpu(admin, local);
    }

    /** CPU nanoseconds used so far by each backend of the pools named {@code applicationNames}, by pid; empty when unknown. */
    Map<Long, Long> snapshot(String... applicationNames) {
        Map<Long, Long> cpu = new HashMap<>();
        if (!local) {
            return cpu;
        }
        try (PreparedStatement query = admin.prepareStatement(BACKENDS)) {
            query.setArray(1, admin.createArrayOf("text", applicationNames));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long pid = rows.getLong(1);
                    long nanos = ProcFacts.cpuNanos(pid);
                    if (nanos >= 0 && ProcFacts.command(pid).filter(name -> name.startsWith("postgres")).isPresent()) {
                        cpu.put(pid, nanos);
                    }
                }
            }
        } catch (SQLException e) {
            cpu.clear();
        }
        return cpu;
    }

    /** The CPU time used between two snapshots, in nanoseconds; -1 when either is unknown. */
    static long between(Map<Long, Long> before, Map<Long, Long> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return -1;
        }
        long used = 0;
        for (Map.Entry<Long, Long> backend : after.entrySet()) {
            used += backend.getValue() - before.getOrDefault(backend.getKey(), 0L);
        }
        return used;
    }

    @Override
    public void close() throws SQLException {
        admin.close();
    }
}
