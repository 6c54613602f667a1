package io.erpcore.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * What a variable is when no source sets it: nothing, a fixed text, a text that depends on the
 * environment, a value derived from variables defined earlier in the catalogue, or (for secrets)
 * a random value generated per run in development only.
 */
public sealed interface DefaultValue {

    /** How {@code --help} and {@code .env.example} show this default. */
    String describe();

    /**
     * The default text in {@code environment}, if there is one.
     *
     * @param boundValues the typed values of variables defined earlier in the catalogue
     */
    Optional<String> text(Environment environment, Function<String, Object> boundValues);

    /** Whether a value from this default is generated, which operators must be told about. */
    default boolean generated() {
        return false;
    }

    static DefaultValue none() {
        return new None();
    }

    static DefaultValue of(String text) {
        return new Fixed(text);
    }

    static DefaultValue byEnvironment(String development, String otherwise) {
        return new ByEnvironment(development, otherwise);
    }

    static DefaultValue derived(String description, Function<Function<String, Object>, String> derivation) {
        return new Derived(description, derivation);
    }

    static DefaultValue generatedInDevelopment(int bytes) {
        return new GeneratedInDevelopment(bytes);
    }

    /** No default. */
    record None() implements DefaultValue {
        @Override
        public String describe() {
            return "";
        }

        @Override
        public Optional<String> text(Environment environment, Function<String, Object> boundValues) {
            return Optional.empty();
        }
    }

    /** The same text everywhere. */
    record Fixed(String value) implements DefaultValue {
        @Override
        public String describe() {
            return value;
        }

        @Override
        public Optional<String> text(Environment environment, Function<String, Object> boundValues) {
            return Optional.of(value);
        }
    }

    /** One text in development, another in staging and production. */
    record ByEnvironment(String development, String otherwise) implements DefaultValue {
        @Override
        public String describe() {
            return development + " in development, " + otherwise + " otherwise";
        }

        @Override
        public Optional<String> text(Environment environment, Function<String, Object> boundValues) {
            return Optional.of(environment.isDevelopment() ? development : otherwise);
        }
    }

    /** Computed from variables that the catalogue defines earlier. */
    record Derived(String description, Function<Function<String, Object>, String> derivation) implements DefaultValue {
        @Override
        public String describe() {
            return description;
        }

        @Override
        public Optional<String> text(Environment environment, Function<String, Object> boundValues) {
            return Optional.of(derivation.apply(boundValues));
        }
    }

    /** Random per run in development, so a developer needs no secrets; absent elsewhere. */
    record GeneratedInDevelopment(int bytes) implements DefaultValue {
        @Override
        public String describe() {
            return "random per run in development";
        }

        @Override
        public Optional<String> text(Environment environment, Function<String, Object> boundValues) {
            return environment.isDevelopment() ? Optional.of(Secret.generate(bytes).reveal()) : Optional.empty();
        }

        @Override
        public boolean generated() {
            return true;
        }
    }
}
