package io.erpcore.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Several sources in precedence order, highest first: the first source with a value wins, and
 * {@link #lookup} remembers which one it was. Defaults are not a layer: they live with each
 * variable's definition in {@link ConfigCatalogue}.
 */
public final class LayeredConfigSource implements ConfigSource {

    private final List<ConfigSource> layers;

    private LayeredConfigSource(List<ConfigSource> layers) {
        this.layers = List.copyOf(layers);
    }

    /** Layers highest precedence first. */
    public static LayeredConfigSource of(ConfigSource... highestFirst) {
        return new LayeredConfigSource(List.of(highestFirst));
    }

    /** The layers, highest precedence first. */
    public List<ConfigSource> layers() {
        return layers;
    }

    @Override
    public String name() {
        return "layered";
    }

    @Override
    public Optional<String> get(String key) {
        return lookup(key).map(ConfigValue::raw);
    }

    @Override
    public Optional<ConfigValue> lookup(String key) {
        for (ConfigSource layer : layers) {
            Optional<ConfigValue> value = layer.lookup(key);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        layers.forEach(layer -> keys.addAll(layer.keys()));
        return keys;
    }
}
