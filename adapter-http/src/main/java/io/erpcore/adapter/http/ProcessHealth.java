package io.erpcore.adapter.http;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process's own components of {@code /health/detailed}: heap, disk, uptime and version. They
 * are informative: none of them decides readiness, since a replica short of heap or disk is better
 * restarted or alerted on than taken out of the load balancer by its own probe.
 */
final class ProcessHealth {

    /** Below this much usable space, the disk component is DOWN (a warning for operators, not readiness). */
    static final long DISK_FREE_MINIMUM_BYTES = 100L * 1024 * 1024;

    private static final long MEGABYTE = 1024L * 1024;

    private ProcessHealth() {
    }

    /** Heap used and its maximum, in MB, and the share used; always UP. */
    static ComponentHealth heap() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("usedMb", heap.getUsed() / MEGABYTE);
        details.put("maxMb", max / MEGABYTE);
        details.put("usedPercent", Math.round(100.0 * heap.getUsed() / max));
        return ComponentHealth.up(details);
    }

    /** Free and total space of the file system holding {@code directory}; DOWN under {@link #DISK_FREE_MINIMUM_BYTES}. */
    static ComponentHealth disk(Path directory) {
        File file = directory.toAbsolutePath().toFile();
        long total = file.getTotalSpace();
        long free = file.getUsableSpace();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("freeMb", free / MEGABYTE);
        details.put("totalMb", total / MEGABYTE);
        details.put("thresholdMb", DISK_FREE_MINIMUM_BYTES / MEGABYTE);
        if (total == 0) {
            details.put("problem", "cannot read the file system of " + file);
            return ComponentHealth.down(details);
        }
        return free < DISK_FREE_MINIMUM_BYTES ? ComponentHealth.down(details) : ComponentHealth.up(details);
    }

    /** When the JVM started and how long ago, in seconds; always UP. */
    static ComponentHealth uptime() {
        long millis = ManagementFactory.getRuntimeMXBean().getUptime();
        Instant startedAt = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        return ComponentHealth.up(Map.of("startedAt", startedAt.toString(), "seconds", Duration.ofMillis(millis).toSeconds()));
    }

    /** The Implementation-Version of the ERP Core jar, or "unpackaged build" when run from classes; always UP. */
    static ComponentHealth version() {
        String version = ProcessHealth.class.getPackage().getImplementationVersion();
        return ComponentHealth.up(Map.of("version", version == null ? "unpackaged build" : version));
    }
}
