package io.erpcore.adapter.jdbi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset-paginated list: its items, and the opaque cursor of the next page, absent
 * on the last page (the wire's {@code "nextCursor": null}).
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    /** Copies {@code items}. */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
