package io.erpcore.host;

import io.erpcore.logging.StructuredLogger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Named stop stages run in order on a thread of their own, bounded as a whole: the caller waits
 * at most the budget, and when it runs out learns which stage was still running. A stage that
 * fails is logged and the next one runs: a stop always goes on to close what it can.
 */
final class ShutdownSequence {

    /**
     * One stage.
     *
     * @param name what the stage stops, in words
     * @param stillRunning what to report if the budget runs out during the stage (may look at live state)
     * @param action the work; it is given the time left in the budget
     */
    record Stage(String name, Supplier<String> stillRunning, Consumer<Duration> action) {
    }

    private final List<Stage> stages = new ArrayList<>();
    private final StructuredLogger log;

    ShutdownSequence(StructuredLogger log) {
        this.log = log;
    }

    /** Adds a stage whose report, should the budget run out during it, is its name. */
    ShutdownSequence then(String name, Consumer<Duration> action) {
        return then(name, () -> name, action);
    }

    ShutdownSequence then(String name, Supplier<String> stillRunning, Consumer<Duration> action) {
        stages.add(new Stage(name, stillRunning, action));
        return this;
    }

    /** Runs the stages; returns when they are done or {@code budget} has passed, whichever comes first. */
    StopReport run(Duration budget) {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        AtomicReference<Stage> current = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            for (Stage stage : stages) {
                current.set(stage);
                try {
                    stage.action().accept(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                } catch (RuntimeException e) {
                    log.error("Stopping " + stage.name() + " failed; the stop goes on", e);
                }
            }
            current.set(null);
        }, "erp-core-stop");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(Math.max(1, budget.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Stage running = current.get();
        if (worker.isAlive() && running != null) {
            String report = running.stillRunning().get();
            log.error("The stop did not finish within SHUTDOWN_TIMEOUT_MS (" + budget.toMillis() + " ms); still running: "
                    + report, Map.of("stillRunning", report, "tookMs", took.toMillis()));
            return StopReport.timedOut(took, report);
        }
        return StopReport.completed(took);
    }
}
