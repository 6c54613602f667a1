package io.erpcore.adapter.logback;

import static io.erpcore.adapter.logback.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CountingAsyncAppenderTest {

    private static final int QUEUE = 10;

    private final StalledDisk disk = new StalledDisk();
    private final CountingAsyncAppender appender = new CountingAsyncAppender();

    @BeforeEach
    void startWithAStalledDisk() throws InterruptedException {
        disk.setContext(Events.CONTEXT);
        disk.start();
        appender.setContext(Events.CONTEXT);
        appender.setQueueSize(QUEUE);
        appender.setDiscardingThreshold(2);
        appender.addAppender(disk);
        appender.start();
        appender.doAppend(event(Level.INFO, "first", Map.of()));
        assertThat(disk.writing.await(5, TimeUnit.SECONDS)).as("the worker is stuck writing the first event").isTrue();
    }

    @AfterEach
    void stop() {
        disk.release.countDown();
        appender.stop();
    }

    @Test
    void never_blocks_the_caller_while_the_disk_is_stuck() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 1_000; i++) {
                appender.doAppend(event(Level.ERROR, "e" + i, Map.of()));
            }
        });
    }

    @Test
    void drops_info_before_warnings_near_the_top_of_the_queue() {
        // Nine INFO events leave one free slot: below the threshold of two, so the tenth is dropped.
        for (int i = 0; i < QUEUE; i++) {
            appender.doAppend(event(Level.INFO, "info" + i, Map.of()));
        }
        appender.doAppend(event(Level.WARN, "warning", Map.of()));

        disk.release.countDown();
        appender.stop();

        assertThat(disk.messages()).contains("info8", "warning").doesNotContain("info9");
        assertThat(appender.droppedEvents()).isEqualTo(1);
    }

    @Test
    void counts_every_event_it_did_not_deliver() {
        int sent = 1;
        for (int i = 0; i < 50; i++, sent++) {
            appender.doAppend(event(i % 2 == 0 ? Level.INFO : Level.ERROR, "m" + i, Map.of()));
        }

        disk.release.countDown();
        appender.stop();

        assertThat(appender.droppedEvents()).isPositive();
        assertThat(disk.messages().size() + appender.droppedEvents()).isEqualTo(sent);
    }

    /** An appender whose first write hangs until released, like a disk that stopped answering. */
    private static final class StalledDisk extends AppenderBase<ILoggingEvent> {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final List<String> written = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            writing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(event.getMessage());
        }

        List<String> messages() {
            return written;
        }
    }
}
