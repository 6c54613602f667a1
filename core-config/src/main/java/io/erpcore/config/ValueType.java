package io.erpcore.config;

import io.erpcore.config.internal.ValueParsers;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How one kind of variable is written and read: its name in {@code --help}, the parser that turns
 * text into a value (throwing {@link IllegalArgumentException} with the rule it breaks) and
 * whether its text is sensitive and so never shown.
 *
 * @param placeholder a value bound in place of one that failed to parse, so that the remaining
 *     rules can still be checked and every error reported in one round
 */
public record ValueType<T>(String name, Function<String, T> parser, T placeholder, boolean sensitive) {

    public static final ValueType<String> TEXT = plain("text", String::strip, "");
    public static final ValueType<Integer> INTEGER = plain("integer", ValueParsers::integer, 0);
    public static final ValueType<Boolean> BOOLEAN = plain("boolean", ValueParsers::bool, false);
    public static final ValueType<Duration> DURATION = plain("duration", ValueParsers::duration, Duration.ZERO);
    public static final ValueType<Duration> MILLISECONDS = plain("milliseconds", ValueParsers::milliseconds, Duration.ZERO);
    public static final ValueType<ByteSize> SIZE = plain("size", ByteSize::parse, new ByteSize(0));
    public static final ValueType<List<String>> LIST = plain("comma list", ValueParsers::list, List.of());
    public static final ValueType<Environment> ENVIRONMENT = oneOf(Environment.class);
    public static final ValueType<TrustProxy> TRUST_PROXY = plain("none | hops | CIDR list", TrustProxy::parse, TrustProxy.none());

    public static final ValueType<Secret> SECRET = sensitive("secret", text -> Secret.of(text.strip()), Secret.of(""));
    public static final ValueType<Secret> BASE64_KEY = sensitive("base64 key (32 bytes)",
            EncryptionKey::base64Key, Secret.of(""));
    public static final ValueType<DatabaseUrl> DATABASE_URL = sensitive("postgresql URL", DatabaseUrl::parse, null);
    public static final ValueType<RedisUrl> REDIS_URL = sensitive("redis URL", RedisUrl::parse, null);
    public static final ValueType<List<JwtKey>> JWT_KEYS = sensitive("comma list of kid:secret",
            text -> ValueParsers.entries(text, JwtKey::parse), List.of());
    public static final ValueType<List<Secret>> SECRETS = sensitive("comma list of secrets",
            text -> ValueParsers.entries(text, Secret::of), List.of());
    public static final ValueType<List<EncryptionKey>> ENCRYPTION_KEYS = sensitive("comma list of id:base64key",
            text -> ValueParsers.entries(text, EncryptionKey::parse), List.of());

    /** A closed set of lower-case words, one per constant of {@code type}. */
    public static <E extends Enum<E>> ValueType<E> oneOf(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String ids = Arrays.stream(constants)
                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("|"));
        return plain(ids, text -> ValueParsers.constant(type, text, ids), constants[0]);
    }

    private static <T> ValueType<T> plain(String name, Function<String, T> parser, T placeholder) {
        return new ValueType<>(name, parser, placeholder, false);
    }

    private static <T> ValueType<T> sensitive(String name, Function<String, T> parser, T placeholder) {
        return new ValueType<>(name, parser, placeholder, true);
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} naming the rule it breaks. */
    public T parse(String text) {
        return parser.apply(text);
    }
}
