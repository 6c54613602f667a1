package io.erpcore.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A source over a fixed map, copied when the source is created. The environment, system
 * properties, the {@code .env} file and the command line are all maps once read; see
 * {@link ConfigSources} for those. Tests build their configuration with {@link #of}.
 */
public final class MapConfigSource implements ConfigSource {

    private final String name;
    private final Map<String, String> values;
    private final boolean shared;

    private MapConfigSource(String name, Map<String, String> values, boolean shared) {
        this.name = name;
        this.values = Map.copyOf(values);
        this.shared = shared;
    }

    /** A dedicated source called {@code name}: keys it holds that we do not know are reported. */
    public static MapConfigSource of(String name, Map<String, String> values) {
        return new MapConfigSource(name, values, false);
    }

    /** A source that other programs read too, such as the process environment. */
    public static MapConfigSource shared(String name, Map<String, String> values) {
        return new MapConfigSource(name, values, true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public boolean sharedWithOtherPrograms() {
        return shared;
    }
}
