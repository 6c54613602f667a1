package io.erpcore.config;

/** What shared rate limits do while Redis is unreachable. */
public enum RedisFailureMode {
    /** Serve the request unlimited and count the failure: availability first. */
    OPEN,
    /** Answer 503: protection first. */
    CLOSED
}
