package io.erpcore.adapter.http;

import java.util.Optional;
import java.util.UUID;

/** Resource ids in paths. */
final class PathIds {

    private PathIds() {
    }

    /**
     * The UUID {@code text} names, or empty: an id that is no UUID names no resource, so it is
     * answered 404 like an unknown id or another tenant's, never 400.
     */
    static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
