package io.erpcore.adapter.logback;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.concurrent.atomic.LongAdder;

/**
 * Logback's asynchronous appender, configured never to block a request thread, counting what it
 * drops. When the queue is 80% full (the discarding threshold) it drops TRACE, DEBUG and INFO
 * events and keeps WARN and ERROR; when it is completely full it drops everything
 * ({@code neverBlock}).
 *
 * <p>Drops for the threshold are counted exactly. A drop because the queue is full is counted
 * when the queue is seen full just before the event is offered; a slot that frees up between
 * that look and the offer can make the count one too high, never too low by more than a race.
 */
public final class CountingAsyncAppender extends AsyncAppender {

    private final LongAdder dropped = new LongAdder();

    public CountingAsyncAppender() {
        setNeverBlock(true);
    }

    /** Events dropped since start. */
    public long droppedEvents() {
        return dropped.sum();
    }

    @Override
    protected boolean isDiscardable(ILoggingEvent event) {
        // Logback asks only when the queue is below its discarding threshold, so a yes is a drop.
        boolean discardable = super.isDiscardable(event);
        if (discardable) {
            dropped.increment();
        }
        return discardable;
    }

    @Override
    protected void preprocess(ILoggingEvent event) {
        super.preprocess(event);
        if (getRemainingCapacity() == 0) {
            dropped.increment();
        }
    }
}
