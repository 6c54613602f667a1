package io.erpcore.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * An immutable set of label name/value pairs in a fixed order, cheap enough to build on every
 * request: one flat array, a hash computed once, equality by content.
 *
 * <p>Labels do not validate names (a sink does that once, when it registers a meter); they only
 * refuse {@code null}.
 */
public final class Labels {

    private static final Labels EMPTY = new Labels(new String[0]);

    private final String[] pairs;
    private final int hash;

    private Labels(String[] pairs) {
        this.pairs = pairs;
        this.hash = Arrays.hashCode(pairs);
    }

    /** No labels. */
    public static Labels of() {
        return EMPTY;
    }

    /** One label. */
    public static Labels of(String n1, String v1) {
        return new Labels(checked(new String[] {n1, v1}));
    }

    /** Two labels, in this order. */
    public static Labels of(String n1, String v1, String n2, String v2) {
        return new Labels(checked(new String[] {n1, v1, n2, v2}));
    }

    /** Three labels, in this order. */
    public static Labels of(String n1, String v1, String n2, String v2, String n3, String v3) {
        return new Labels(checked(new String[] {n1, v1, n2, v2, n3, v3}));
    }

    /** Four labels, in this order. */
    public static Labels of(String n1, String v1, String n2, String v2, String n3, String v3, String n4, String v4) {
        return new Labels(checked(new String[] {n1, v1, n2, v2, n3, v3, n4, v4}));
    }

    /** The labels of {@code map}, sorted by name so that equal maps give equal labels. */
    public static Labels from(Map<String, String> map) {
        return from(map, (name, value) -> value);
    }

    // Lets the facade sanitise values while it copies, without a second map.
    static Labels from(Map<String, String> map, BinaryOperator<String> valueOfName) {
        if (map.isEmpty()) {
            return EMPTY;
        }
        String[] names = map.keySet().toArray(new String[0]);
        Arrays.sort(names);
        String[] pairs = new String[names.length * 2];
        for (int i = 0; i < names.length; i++) {
            pairs[2 * i] = names[i];
            pairs[2 * i + 1] = valueOfName.apply(names[i], map.get(names[i]));
        }
        return new Labels(checked(pairs));
    }

    /** These labels with {@code name} set to {@code value}: replaced in place if present, else appended. */
    public Labels with(String name, String value) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(name)) {
                String[] copy = pairs.clone();
                copy[i + 1] = Objects.requireNonNull(value, "label value");
                return new Labels(copy);
            }
        }
        String[] longer = Arrays.copyOf(pairs, pairs.length + 2);
        longer[pairs.length] = name;
        longer[pairs.length + 1] = value;
        return new Labels(checked(longer));
    }

    /** The number of labels. */
    public int size() {
        return pairs.length / 2;
    }

    /** The name of the label at {@code index}. */
    public String name(int index) {
        return pairs[2 * index];
    }

    /** The value of the label at {@code index}. */
    public String value(int index) {
        return pairs[2 * index + 1];
    }

    /** The value of the label called {@code name}, or {@code null} if there is none. */
    public String get(String name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(name)) {
                return pairs[i + 1];
            }
        }
        return null;
    }

    /** The labels as an insertion-ordered map. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Labels that && hash == that.hash && Arrays.equals(pairs, that.pairs);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            text.append(i == 0 ? "" : ",").append(pairs[i]).append("=\"").append(pairs[i + 1]).append('"');
        }
        return text.append('}').toString();
    }

    private static String[] checked(String[] pairs) {
        for (int i = 0; i < pairs.length; i++) {
            if (pairs[i] == null) {
                throw new NullPointerException((i % 2 == 0 ? "label name" : "label value") + " at position " + i / 2);
            }
        }
        return pairs;
    }
}
