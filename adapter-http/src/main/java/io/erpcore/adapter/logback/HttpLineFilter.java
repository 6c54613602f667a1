package io.erpcore.adapter.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops request lines (INFO events carrying the HTTP marker) unless {@code LOG_LEVEL} is
 * {@code http} or finer: the specification ranks them below INFO, Logback has no such level.
 * Decided before the event is built, so a dropped request line costs next to nothing.
 */
public final class HttpLineFilter extends TurboFilter {

    private boolean enabled;

    /** Whether request lines are written. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (enabled || marker == null || !marker.contains(io.erpcore.logging.LogMarkers.HTTP)) {
            return FilterReply.NEUTRAL;
        }
        return FilterReply.DENY;
    }
}
