package io.erpcore.config;

/**
 * The definition of one configuration variable: everything {@code --help}, {@code .env.example}
 * and the binder know about it comes from here, so the three cannot disagree.
 *
 * @param hint how to fix a bad value; shown after every violation of this variable
 */
public record Setting<T>(
        String name,
        SettingGroup group,
        ValueType<T> type,
        DefaultValue defaultValue,
        Requirement requirement,
        String description,
        String hint) {

    /** A variable without default, never required; refine it with the {@code with...} methods. */
    public static <T> Setting<T> of(SettingGroup group, String name, ValueType<T> type, String description) {
        return new Setting<>(name, group, type, DefaultValue.none(), Requirement.NONE, description, "");
    }

    public Setting<T> withDefault(String text) {
        return withDefault(DefaultValue.of(text));
    }

    public Setting<T> withDefault(DefaultValue value) {
        return new Setting<>(name, group, type, value, requirement, description, hint);
    }

    public Setting<T> required(Requirement when) {
        return new Setting<>(name, group, type, defaultValue, when, description, hint);
    }

    /** The same definition under another name: one member of a pattern family such as {@code FEATURE_*}. */
    public Setting<T> withName(String memberName) {
        return new Setting<>(memberName, group, type, defaultValue, requirement, description, hint);
    }

    public Setting<T> withHint(String text) {
        return new Setting<>(name, group, type, defaultValue, requirement, description, text);
    }

    /** The hint shown with violations: the explicit one, else an example using the default. */
    public String effectiveHint() {
        if (!hint.isEmpty()) {
            return hint;
        }
        return defaultValue instanceof DefaultValue.Fixed fixed ? "the default is " + name + "=" + fixed.value() : "";
    }

    /** Whether this entry stands for a family of variables, such as {@code FEATURE_*}. */
    public boolean isPattern() {
        return name.endsWith("*");
    }

    /** The family's common prefix, for a pattern entry: {@code FEATURE_}. */
    public String prefix() {
        return isPattern() ? name.substring(0, name.length() - 1) : name;
    }
}
