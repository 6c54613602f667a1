package io.erpcore.adapter.api.corpus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A route of the standalone API as the corpus sees it: method, path (with {@code {id}}), who may
 * call it, a valid body when it takes one (fresh on each call, so creations do not collide), and
 * the query parameters it reads.
 */
record ApiRoute(String method, String path, Access access, Optional<Supplier<ObjectNode>> body, List<String> query) {

    /** Who may call a route, as {@code RouteAccess} declares it. */
    enum Access { PUBLIC, TENANT, PLATFORM, OPERATIONAL }

    static ApiRoute of(String method, String path, Access access, String... query) {
        return new ApiRoute(method, path, access, Optional.empty(), List.of(query));
    }

    static ApiRoute withBody(String method, String path, Access access, Supplier<ObjectNode> body) {
        return new ApiRoute(method, path, access, Optional.of(body), List.of());
    }

    boolean hasBody() {
        return body.isPresent();
    }

    boolean hasId() {
        return path.contains("{id}");
    }

    /** A fresh valid body; only for routes that take one. */
    ObjectNode validBody() {
        return body.orElseThrow().get();
    }

    /** The path with {@code id} (already encoded as it is to be sent) in place of {@code {id}}. */
    String pathWith(String id) {
        return path.replace("{id}", id);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
