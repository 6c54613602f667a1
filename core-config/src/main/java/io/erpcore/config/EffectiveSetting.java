package io.erpcore.config;

/**
 * One variable as the process will use it, for {@code --validate-config}: the value as text
 * (masked when sensitive) and where it came from ({@code environment}, {@code default},
 * {@code generated}, {@code not set}).
 */
public record EffectiveSetting(String variable, String value, String origin) {
}
