package io.erpcore.benchmarks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.erpcore.adapter.logback.CountingAsyncAppender;
import io.erpcore.adapter.logback.LogbackLogging;
import io.erpcore.config.AppConfig;
import io.erpcore.config.ConfigLoader;
import io.erpcore.config.MapConfigSource;
import io.erpcore.logging.LogContext;
import io.erpcore.logging.LogField;
import io.erpcore.logging.LogScope;
import io.erpcore.logging.StructuredLogger;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON log event through the host's real Logback configuration, split where the work is
 * split:
 * <ul>
 *   <li>{@code onTheRequestThread}: what a request pays, the structured logger, redaction of its
 *   context, the MDC copy and the hand-off to the asynchronous appender. The queue's worker
 *   passes events to a discarding appender, so it always keeps up and nothing is dropped (the
 *   {@code dropped} counter shows it); with the JSON writer behind it, a tight loop would only
 *   measure how fast a full queue refuses events.</li>
 *   <li>{@code jsonEncodingOnTheWorker}: what the worker pays per event to encode it, which
 *   bounds how many events per second the asynchronous path sustains.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoggingBenchmark {

    private static final Map<String, Object> CONTEXT = Map.of("invoiceId", "inv-42", "amount", 99.5, "password", "hunter2");

    private PrintStream standardOutput;
    private LogScope requestContext;
    private StructuredLogger log;
    private Encoder<ILoggingEvent> jsonEncoder;
    private LoggingEvent encodedEvent;

    @Setup(Level.Trial)
    public void startJsonLogging() {
        standardOutput = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        AppConfig config = ConfigLoader.load(MapConfigSource.of("benchmark", Map.of("LOG_FORMAT", "json"))).config();
        LogbackLogging.current().apply(LoggingBenchmark.class.getResource("/logback.xml"),
                config.loggingConfig(), "erp-core", config.environment());
        jsonEncoder = replaceWriterWithDiscardingAppender();
        requestContext = LogContext.put(Map.of(LogField.CORRELATION_ID, "req_8f14e45f", LogField.TENANT_ID,
                "7c9e6679-7425-40de-944b-e07fc1f90ae7", LogField.USER_ID, "456"));
        log = StructuredLogger.forModule("billing");
        encodedEvent = eventLike();
    }

    @Benchmark
    public void onTheRequestThread(Drops drops) {
        log.info("Invoice created", CONTEXT);
    }

    @Benchmark
    public byte[] jsonEncodingOnTheWorker() {
        return jsonEncoder.encode(encodedEvent);
    }

    @Benchmark
    public void disabledDebugEvent() {
        log.debug("Invoice details", CONTEXT);
    }

    @TearDown(Level.Trial)
    public void stop() {
        requestContext.close();
        LogbackLogging.current().flushAndStop();
        System.setOut(standardOutput);
    }

    /** Events the appender dropped during an iteration, reported beside the time per event. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Drops {
        public long dropped;
        private long before;

        @Setup(Level.Iteration)
        public void mark() {
            before = LogbackLogging.current().droppedEvents();
        }

        @TearDown(Level.Iteration)
        public void count() {
            dropped = LogbackLogging.current().droppedEvents() - before;
        }
    }

    /** Puts a discarding appender behind the JSON queue and returns the JSON writer's encoder. */
    @SuppressWarnings("unchecked")
    private static Encoder<ILoggingEvent> replaceWriterWithDiscardingAppender() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        CountingAsyncAppender queue = (CountingAsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("JSON");
        OutputStreamAppender<ILoggingEvent> writer = (OutputStreamAppender<ILoggingEvent>) queue.getAppender("JSON_STDOUT");
        queue.detachAppender(writer);
        AppenderBase<ILoggingEvent> discarding = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                // consumed: the request-thread benchmark needs a worker that always keeps up
            }
        };
        discarding.setContext(context);
        discarding.start();
        queue.addAppender(discarding);
        return writer.getEncoder();
    }

    /** An event shaped like the one {@code onTheRequestThread} logs, for the encoder alone. */
    private static LoggingEvent eventLike() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LoggingEvent event = new LoggingEvent(LoggingBenchmark.class.getName(), context.getLogger("erp.billing"),
                ch.qos.logback.classic.Level.INFO, "Invoice created", null, null);
        event.setMDCPropertyMap(Map.of("correlationId", "req_8f14e45f", "tenantId", "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                "userId", "456"));
        event.addKeyValuePair(new KeyValuePair("module", "billing"));
        event.addKeyValuePair(new KeyValuePair("invoiceId", "inv-42"));
        event.addKeyValuePair(new KeyValuePair("amount", 99.5));
        event.addKeyValuePair(new KeyValuePair("password", "[REDACTED]"));
        return event;
    }
}
