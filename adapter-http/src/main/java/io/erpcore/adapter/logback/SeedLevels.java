package io.erpcore.adapter.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.erpcore.config.LogLevel;
import io.erpcore.logging.LogMarkers;
import java.util.List;
import org.slf4j.Marker;

/**
 * The specification's six levels over Logback's five: {@code http} is INFO carrying the HTTP
 * marker, {@code verbose} is TRACE.
 */
final class SeedLevels {

    private SeedLevels() {
    }

    /** The seed's name of an event's level, upper case: {@code INFO}, {@code HTTP}, {@code VERBOSE}. */
    static String name(ILoggingEvent event) {
        if (isHttpLine(event)) {
            return "HTTP";
        }
        Level level = event.getLevel();
        return level == Level.TRACE ? "VERBOSE" : level.levelStr;
    }

    /** Whether the event is a request line, logged with {@link LogMarkers#HTTP}. */
    static boolean isHttpLine(ILoggingEvent event) {
        List<Marker> markers = event.getMarkerList();
        if (markers == null) {
            return false;
        }
        for (Marker marker : markers) {
            if (marker.contains(LogMarkers.HTTP)) {
                return true;
            }
        }
        return false;
    }

    /** The Logback level that lets {@code level} and everything more severe through. */
    static Level logbackLevel(LogLevel level) {
        return switch (level) {
            case ERROR -> Level.ERROR;
            case WARN -> Level.WARN;
            case INFO, HTTP -> Level.INFO;
            case DEBUG -> Level.DEBUG;
            case VERBOSE -> Level.TRACE;
        };
    }

    /** Whether request lines are written at {@code level}: they rank between INFO and DEBUG. */
    static boolean writesHttpLines(LogLevel level) {
        return level.compareTo(LogLevel.HTTP) >= 0;
    }
}
