package io.erpcore.logging;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** The SLF4J markers that tell a backend which kind of event it is looking at. */
public final class LogMarkers {

    /** The one request line per HTTP request. */
    public static final Marker HTTP = MarkerFactory.getMarker("HTTP");

    /** A security event: failed logins, denied access, policy violations. */
    public static final Marker SECURITY = MarkerFactory.getMarker("SECURITY");

    /** An audit record: who did what to which resource. */
    public static final Marker AUDIT = MarkerFactory.getMarker("AUDIT");

    /** A business event, such as a sign-up or an order placed. */
    public static final Marker BUSINESS = MarkerFactory.getMarker("BUSINESS");

    private LogMarkers() {
    }
}
