package io.erpcore.logging.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Copies a context map, replacing the values under sensitive keys by a mask, through nested maps,
 * collections and object arrays. The input is never changed; the copy is unmodifiable all the
 * way down, so an asynchronous appender sees the values as they were when the event was logged.
 */
public final class MapMasking {

    /** Nesting beyond this many containers below the top map is cut off. */
    public static final int MAX_DEPTH = 16;
    /** Replaces a container nested deeper than {@link #MAX_DEPTH}. */
    public static final String TOO_DEEP = "[TOO DEEP]";
    /** Replaces a container that contains itself. */
    public static final String CYCLE = "[CYCLE]";

    private final Predicate<String> sensitive;
    private final String mask;
    // The containers on the path from the top map to the current value, to cut cycles short;
    // created at the first nested container, since most context maps are flat.
    private Set<Object> path;
    private final Object top;

    private MapMasking(Predicate<String> sensitive, String mask, Object top) {
        this.sensitive = sensitive;
        this.mask = mask;
        this.top = top;
    }

    /** A masked copy of {@code context}, in its iteration order; null values stay null. */
    public static Map<String, Object> mask(Map<String, ?> context, Predicate<String> sensitive, String mask) {
        MapMasking masking = new MapMasking(sensitive, mask, context);
        Map<String, Object> copy = new LinkedHashMap<>();
        context.forEach((key, value) -> copy.put(key, masking.entry(key, value, 1)));
        return Collections.unmodifiableMap(copy);
    }

    private Object entry(Object key, Object value, int depth) {
        if (value != null && sensitive.test(key == null ? null : key.toString())) {
            return mask;
        }
        return value(value, depth);
    }

    private Object value(Object value, int depth) {
        boolean container = value instanceof Map || value instanceof Collection || value instanceof Object[];
        if (!container) {
            return value;
        }
        if (depth > MAX_DEPTH) {
            return TOO_DEEP;
        }
        if (path == null) {
            path = Collections.newSetFromMap(new IdentityHashMap<>());
            path.add(top);
        }
        if (!path.add(value)) {
            return CYCLE;
        }
        try {
            return copy(value, depth);
        } finally {
            path.remove(value);
        }
    }

    private Object copy(Object container, int depth) {
        if (container instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, entry(key, value, depth + 1)));
            return Collections.unmodifiableMap(copy);
        }
        Collection<?> elements = container instanceof Collection<?> collection
                ? collection : Arrays.asList((Object[]) container);
        List<Object> copy = new ArrayList<>(elements.size());
        for (Object element : elements) {
            copy.add(value(element, depth + 1));
        }
        return Collections.unmodifiableList(copy);
    }
}
