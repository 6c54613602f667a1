package io.erpcore.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Linux's {@code /proc} and {@code /etc/os-release} tell about a process and about the
 * machine. Every reader answers -1 or "unknown" where the file is missing or unreadable (another
 * system), so a report says so rather than failing.
 */
final class ProcFacts {

    // USER_HZ, the unit of utime and stime in /proc/<pid>/stat: 100 on every Linux architecture user space sees.
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcFacts() {
    }

    /** A {@code kB} line of {@code /proc/<pid>/status} ({@code VmHWM}, {@code VmRSS}), in kilobytes; -1 if unknown. */
    static long statusKilobytes(long pid, String field) {
        for (String line : lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
            }
        }
        return -1;
    }

    /** User plus system CPU time of process {@code pid} (all its threads), in nanoseconds; -1 if unknown. */
    static long cpuNanos(long pid) {
        List<String> lines = lines(Path.of("/proc", String.valueOf(pid), "stat"));
        if (lines.isEmpty()) {
            return -1;
        }
        String line = lines.get(0);
        // The command name (field 2) is in parentheses and may hold spaces; fields 14 and 15 follow it.
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    }

    /**
     * CPU time the whole machine has spent busy (user, nice, system, interrupts, steal: every
     * processor together) since it booted, from {@code /proc/stat}, in nanoseconds; -1 if unknown.
     */
    static long machineBusyNanos() {
        List<String> lines = lines(Path.of("/proc/stat"));
        if (lines.isEmpty() || !lines.get(0).startsWith("cpu ")) {
            return -1;
        }
        String[] fields = lines.get(0).substring(4).strip().split("\\s+");
        long busy = 0;
        for (int i : new int[] {0, 1, 2, 5, 6, 7}) { // user nice system irq softirq steal; not idle (3), iowait (4)
            busy += i < fields.length ? Long.parseLong(fields[i]) : 0;
        }
        return busy * NANOS_PER_TICK;
    }

    /** The command name of process {@code pid}, or empty. */
    static Optional<String> command(long pid) {
        return lines(Path.of("/proc", String.valueOf(pid), "comm")).stream().findFirst().map(String::strip);
    }

    /** The first three fields of {@code /proc/loadavg}: the 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        return lines(Path.of("/proc/loadavg")).stream().findFirst()
                .map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 3))).orElse("unknown");
    }

    /** The machine: processors, memory, CPU model, operating system and kernel, and the JVM the harness runs on. */
    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("cpuModel", lines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown"));
        long memoryKb = lines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                .findFirst().map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(-1L);
        machine.put("memoryMiB", memoryKb < 0 ? -1 : memoryKb / 1024);
        machine.put("os", lines(Path.of("/etc/os-release")).stream().filter(line -> line.startsWith("PRETTY_NAME="))
                .findFirst().map(line -> line.substring(line.indexOf('=') + 1).replace("\"", ""))
                .orElse(System.getProperty("os.name")));
        machine.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        return machine;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
