package io.erpcore.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a config record from bound values, reading each component's {@link Variable}, and maps
 * a validation path back to the variable it concerns. A record that names an unknown variable or
 * declares the wrong type is a programming error, reported as {@link IllegalStateException}.
 */
final class RecordBinder {

    private RecordBinder() {
    }

    /** The record of type {@code type} whose components take {@code values} by variable name. */
    static <R extends Record> R bind(Class<R> type, Map<String, Object> values) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = argument(type, components[i], values);
        }
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(arguments);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot bind " + type.getSimpleName()
                    + ": a component's type does not match its variable's value type", e);
        }
    }

    /** The variable that a violation at {@code property} of {@code type} concerns. */
    static Optional<Variable> variableOf(Class<?> type, String property) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(property)) {
                return Optional.ofNullable(component.getAnnotation(Variable.class));
            }
        }
        String getter = "is" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        return Arrays.stream(type.getDeclaredMethods())
                .filter(method -> method.getName().equals(getter))
                .map(method -> method.getAnnotation(Variable.class))
                .filter(variable -> variable != null)
                .findFirst();
    }

    private static Object argument(Class<?> type, RecordComponent component, Map<String, Object> values) {
        Variable variable = component.getAnnotation(Variable.class);
        if (variable == null || !values.containsKey(variable.value())) {
            throw new IllegalStateException(type.getSimpleName() + "." + component.getName()
                    + " must name a catalogue variable with @Variable");
        }
        Object value = values.get(variable.value());
        return component.getType() == Optional.class ? Optional.ofNullable(value) : value;
    }
}
