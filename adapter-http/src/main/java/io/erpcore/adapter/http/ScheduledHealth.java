package io.erpcore.adapter.http;

import io.erpcore.logging.StructuredLogger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The health checks of DESIGN section 6, run on a schedule so that a probe never waits for one:
 * every {@code HEALTH_CHECK_INTERVAL_MS} each check runs on a thread of its own and has
 * {@code HEALTH_CHECK_TIMEOUT_MS} to answer; the probes read the last answers.
 *
 * <ul>
 *   <li>A check that has not answered in time is DOWN, "timed out after N ms". Its call is left to
 *       finish on its own thread (a JDBC call ignores interrupts), and while it has not, the check is
 *       not started again but reported DOWN, "timed out after N ms; still running ...": hung calls
 *       never pile up.
 *   <li>Until a check has answered once it is DOWN, "not checked yet". {@link #start()} runs the
 *       first round before it returns, so an application started after it is ready at once.
 *   <li>Readiness checks decide {@link #ready()}; informative ones (heap, disk) only show in
 *       {@code /health/detailed}.
 * </ul>
 *
 * <p>Rounds run at a fixed rate; a round takes at most the timeout, which the configuration keeps
 * within the interval, so a component that fails is seen as DOWN within interval + timeout.
 * Threads are daemon threads; {@link #close()} stops them and closes the checks that hold resources.
 */
final class ScheduledHealth implements AutoCloseable {

    private static final StructuredLogger LOG = StructuredLogger.forModule("health");
    private static final ComponentHealth NOT_CHECKED = ComponentHealth.down(Map.of("problem", "not checked yet"));

    private final Map<String, HealthCheck> readiness;
    private final Map<String, HealthCheck> informative;
    private final Duration interval;
    private final Duration timeout;
    private final Map<String, ComponentHealth> results = new ConcurrentHashMap<>();
    // When each check's call that has not returned yet started (System.nanoTime()).
    private final Map<String, Long> runningSince = new ConcurrentHashMap<>();
    private ScheduledExecutorService rounds;
    private ExecutorService calls;

    ScheduledHealth(Map<String, HealthCheck> readiness, Map<String, HealthCheck> informative, Duration interval,
            Duration timeout) {
        this.readiness = new TreeMap<>(readiness);
        this.informative = new TreeMap<>(informative);
        this.interval = Objects.requireNonNull(interval, "interval");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Runs the first round, waiting for it (at most the timeout), then schedules the others. */
    synchronized void start() {
        if (rounds != null) {
            return;
        }
        startThreads();
        runRound();
        rounds.scheduleAtFixedRate(this::runRoundSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Schedules every round, the first at once, without waiting for it; readiness is DOWN until it answers. */
    synchronized void startInBackground() {
        if (rounds != null) {
            return;
        }
        startThreads();
        rounds.scheduleAtFixedRate(this::runRoundSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void startThreads() {
        calls = Executors.newCachedThreadPool(daemonThreads("erp-health-check-"));
        rounds = Executors.newSingleThreadScheduledExecutor(daemonThreads("erp-health-schedule-"));
    }

    /** Whether every readiness check answered UP in its last round. */
    boolean ready() {
        return readiness.keySet().stream().allMatch(name -> result(name).up());
    }

    /** The last answer of every readiness check, by name. */
    Map<String, ComponentHealth> readinessResults() {
        Map<String, ComponentHealth> answers = new TreeMap<>();
        readiness.keySet().forEach(name -> answers.put(name, result(name)));
        return answers;
    }

    /** The last answer of every check, readiness and informative, by name. */
    Map<String, ComponentHealth> results() {
        Map<String, ComponentHealth> all = new TreeMap<>();
        readiness.keySet().forEach(name -> all.put(name, result(name)));
        informative.keySet().forEach(name -> all.put(name, result(name)));
        return all;
    }

    /** Stops the schedule, interrupts the calls still running and closes the checks that are {@link AutoCloseable}. */
    @Override
    public synchronized void close() {
        if (rounds != null) {
            rounds.shutdownNow();
            calls.shutdownNow();
        }
        Stream.concat(readiness.values().stream(), informative.values().stream())
                .filter(AutoCloseable.class::isInstance)
                .forEach(check -> closeQuietly((AutoCloseable) check));
    }

    private static void closeQuietly(AutoCloseable check) {
        try {
            check.close();
        } catch (Exception e) {
            LOG.warn("A health check did not close cleanly: " + e.getMessage());
        }
    }

    private ComponentHealth result(String name) {
        return results.getOrDefault(name, NOT_CHECKED);
    }

    private void runRoundSafely() {
        try {
            runRound();
        } catch (RuntimeException e) {
            // A thrown exception would cancel every later round: the schedule must outlive one bad round.
            LOG.error("A round of health checks failed", e);
        }
    }

    private void runRound() {
        long started = System.nanoTime();
        Map<String, Future<ComponentHealth>> running = new LinkedHashMap<>();
        Map<String, HealthCheck> all = new LinkedHashMap<>(readiness);
        all.putAll(informative);
        all.forEach((name, check) -> {
            Long since = runningSince.putIfAbsent(name, started);
            if (since != null) {
                record(name, ComponentHealth.down(Map.of("problem", timedOut() + "; still running: the call started "
                        + millis(started - since) + " ms ago has not returned, so no other is started")));
                return;
            }
            try {
                running.put(name, calls.submit(() -> call(name, check)));
            } catch (RejectedExecutionException stopped) {
                runningSince.remove(name);
            }
        });
        running.forEach((name, answer) -> record(name, await(answer, started)));
    }

    private ComponentHealth call(String name, HealthCheck check) {
        try {
            return Objects.requireNonNull(check.check(), "a health check answered null");
        } finally {
            runningSince.remove(name);
        }
    }

    private ComponentHealth await(Future<ComponentHealth> answer, long started) {
        long left = timeout.toNanos() - (System.nanoTime() - started);
        try {
            return answer.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return ComponentHealth.down(Map.of("problem", timedOut()));
        } catch (ExecutionException e) {
            // The contract says a check never throws; one that does is DOWN, with what it threw.
            return ComponentHealth.down(Map.of("problem", String.valueOf(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ComponentHealth.down(Map.of("problem", "interrupted"));
        }
    }

    private void record(String name, ComponentHealth health) {
        ComponentHealth before = results.put(name, health);
        boolean changed = before == null ? !health.up() : before.up() != health.up();
        if (changed && readiness.containsKey(name)) {
            if (health.up()) {
                LOG.info("Health check '" + name + "' is UP again", Map.of("component", name));
            } else {
                String problem = String.valueOf(health.details().get("problem"));
                LOG.warn("Health check '" + name + "' is DOWN: " + problem, Map.of("component", name, "problem", problem));
            }
        }
    }

    private String timedOut() {
        return "timed out after " + timeout.toMillis() + " ms";
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
