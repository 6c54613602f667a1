package io.erpcore.logging.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import java.util.Objects;

/**
 * A set of sensitive key fragments, matched against keys after both are normalised: lower case,
 * without {@code _}, {@code -} and {@code .}. A key is sensitive when its normalised form
 * contains a fragment, so {@code x-api-key} matches {@code apikey}.
 */
public final class SensitiveKeys {

    // Context keys are mostly the same few constants, so their verdicts are remembered; the
    // bound keeps keys made from data (a map keyed by ids) from growing it without end.
    private static final int MAX_REMEMBERED = 4096;

    private final List<String> fragments;
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

    private SensitiveKeys(List<String> fragments) {
        this.fragments = fragments;
    }

    /** The given fragments; those that normalise to nothing are ignored, as they would match every key. */
    public static SensitiveKeys of(Collection<String> fragments) {
        return new SensitiveKeys(normaliseAll(List.of(), fragments));
    }

    /** These fragments plus {@code more}. */
    public SensitiveKeys plus(Collection<String> more) {
        return new SensitiveKeys(normaliseAll(fragments, more));
    }

    /** Whether {@code key} holds a secret; a null key does not. */
    public boolean matches(String key) {
        if (key == null) {
            return false;
        }
        Boolean known = verdicts.get(key);
        if (known != null) {
            return known;
        }
        boolean verdict = judge(key);
        if (verdicts.size() < MAX_REMEMBERED) {
            verdicts.put(key, verdict);
        }
        return verdict;
    }

    private boolean judge(String key) {
        String normalised = normalise(key);
        for (String fragment : fragments) {
            if (normalised.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case without {@code _}, {@code -} and {@code .}: {@code X-Api_Key} becomes {@code xapikey}. */
    public static String normalise(String key) {
        StringBuilder normalised = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '_' && c != '-' && c != '.') {
                normalised.append(c);
            }
        }
        return normalised.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return fragments.toString();
    }

    private static List<String> normaliseAll(List<String> start, Collection<String> fragments) {
        List<String> all = new ArrayList<>(start);
        for (String fragment : Objects.requireNonNull(fragments, "keys")) {
            String normalised = normalise(Objects.requireNonNull(fragment, "a redact key is null").strip());
            if (!normalised.isEmpty() && !all.contains(normalised)) {
                all.add(normalised);
            }
        }
        return List.copyOf(all);
    }
}
