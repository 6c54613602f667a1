package io.erpcore.config;

import io.erpcore.config.internal.Validation;
import io.erpcore.config.internal.Spelling;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.groups.Default;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Binds the catalogue's variables from a {@link ConfigSource} into a validated {@link AppConfig}.
 * Every problem is collected before anything is thrown: values that do not parse, required
 * variables that are missing, and every Jakarta Validation rule of the config records.
 *
 * <p>A value that fails to parse is replaced by a placeholder so the remaining rules still run;
 * rules about a variable that already has an error are not reported twice.
 */
public final class ConfigLoader {

    private static final String FEATURE_PREFIX = "FEATURE_";

    private final ConfigSource source;
    private final Map<String, Object> bound = new HashMap<>();
    private final Map<String, String> origins = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();
    private final Set<String> failed = new HashSet<>();
    private final List<EffectiveSetting> effective = new ArrayList<>();
    private final List<ConfigViolation> violations = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private ConfigLoader(ConfigSource source) {
        this.source = source;
    }

    /**
     * Loads and validates the configuration.
     *
     * @throws ConfigurationException listing every violation, when there is at least one
     */
    public static LoadedConfig load(ConfigSource source) {
        return new ConfigLoader(source).run();
    }

    private LoadedConfig run() {
        Setting<?> environmentSetting = ConfigCatalogue.find(ConfigCatalogue.ENVIRONMENT_VARIABLE).orElseThrow();
        bindVariable(environmentSetting, Environment.DEVELOPMENT);
        Environment environment = (Environment) bound.get(environmentSetting.name());
        ConfigCatalogue.settings().stream()
                .filter(setting -> setting != environmentSetting && !setting.isPattern())
                .forEach(setting -> bindVariable(setting, environment));
        FeatureFlags features = bindFeatureFlags();
        warnAboutUnknownKeys();
        AppConfig config = assemble(environment, features);
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparingInt(violation -> catalogueIndex(violation.variable())));
            throw new ConfigurationException(violations);
        }
        return new LoadedConfig(config, effective, warnings);
    }

    private void bindVariable(Setting<?> setting, Environment environment) {
        String name = setting.name();
        Optional<ConfigValue> supplied = lookup(name);
        Optional<String> text = supplied.map(ConfigValue::raw)
                .or(() -> setting.defaultValue().text(environment, this::boundValue));
        String origin = supplied.map(value -> value.source())
                .orElse(text.isEmpty() ? "not set" : setting.defaultValue().generated() ? "generated" : "default");
        origins.put(name, origin);
        text.ifPresent(value -> texts.put(name, value));
        Object value = text.isPresent() ? parse(setting, text.get(), origin) : null;
        if (text.isEmpty() && setting.requirement().appliesIn(environment, this::boundValue)) {
            report(setting, origin, "is required in " + environment.id());
            value = setting.type().placeholder();
        }
        if (supplied.isEmpty() && setting.defaultValue().generated()) {
            warnings.add(name + " is not set: using a random value generated for this run (development only); "
                    + "set it to keep it across restarts");
        }
        bound.put(name, value);
        effective.add(new EffectiveSetting(name, display(setting, text, value), origin));
    }

    /** {@code APP_ENV} falls back to its alias {@code NODE_ENV}, with a warning. */
    private Optional<ConfigValue> lookup(String name) {
        Optional<ConfigValue> value = source.lookup(name);
        if (value.isEmpty() && name.equals(ConfigCatalogue.ENVIRONMENT_VARIABLE)) {
            value = source.lookup(ConfigCatalogue.ENVIRONMENT_ALIAS).map(alias -> {
                warnings.add("NODE_ENV is accepted as an alias of APP_ENV; rename it to APP_ENV");
                return new ConfigValue(name, alias.raw(), alias.source() + " as NODE_ENV");
            });
        }
        return value;
    }

    private Object parse(Setting<?> setting, String text, String origin) {
        try {
            return setting.type().parse(text);
        } catch (IllegalArgumentException e) {
            report(setting, origin, e.getMessage() + quoted(setting, text));
            return setting.type().placeholder();
        }
    }

    private FeatureFlags bindFeatureFlags() {
        Setting<?> featureSetting = ConfigCatalogue.find(FEATURE_PREFIX).orElseThrow();
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (String name : new TreeSet<>(source.keys())) {
            Optional<ConfigValue> value = source.lookup(name);
            if (!name.startsWith(FEATURE_PREFIX) || name.length() == FEATURE_PREFIX.length() || value.isEmpty()) {
                continue;
            }
            Setting<?> flag = featureSetting.withName(name);
            Object enabled = parse(flag, value.get().raw(), value.get().source());
            flags.put(name.substring(FEATURE_PREFIX.length()), (Boolean) enabled);
            effective.add(new EffectiveSetting(name, value.get().raw(), value.get().source()));
        }
        return new FeatureFlags(flags);
    }

    private void warnAboutUnknownKeys() {
        List<ConfigSource> layers = source instanceof LayeredConfigSource layered ? layered.layers() : List.of(source);
        for (ConfigSource layer : layers) {
            if (layer.sharedWithOtherPrograms()) {
                continue;
            }
            layer.keys().stream().sorted()
                    .filter(key -> ConfigCatalogue.find(key).isEmpty() && !key.equals(ConfigCatalogue.ENVIRONMENT_ALIAS))
                    .forEach(key -> warnings.add(key + " in " + layer.name() + " is not a known variable"
                            + Spelling.closest(key, catalogueNames()).map(near -> "; did you mean " + near + "?").orElse("")));
        }
    }

    private AppConfig assemble(Environment environment, FeatureFlags features) {
        return new AppConfig(environment,
                group(ServerConfig.class, environment),
                group(LoggingConfig.class, environment),
                group(DatabaseConfig.class, environment),
                group(JwtConfig.class, environment),
                group(PasswordConfig.class, environment),
                group(EncryptionConfig.class, environment),
                group(RateLimitConfig.class, environment),
                group(CorsConfig.class, environment),
                group(RequestLimitConfig.class, environment),
                group(RedisConfig.class, environment),
                group(SmtpConfig.class, environment),
                group(WebhookConfig.class, environment),
                group(MetricsConfig.class, environment),
                group(OpsTokens.class, environment),
                group(LifecycleConfig.class, environment),
                features);
    }

    /**
     * Binds one group record and checks its rules; rules for staging and production only warn in
     * development. Rules on single variables go first, so that a cross-field rule whose other
     * variable is already in error can be left out.
     */
    private <R extends Record> R group(Class<R> type, Environment environment) {
        R group = RecordBinder.bind(type, bound);
        List<BrokenRule> broken = new ArrayList<>();
        Validation.validate(group, Default.class).forEach(violation -> broken.add(brokenRule(type, violation, false)));
        Validation.validate(group, OutsideDevelopment.class)
                .forEach(violation -> broken.add(brokenRule(type, violation, environment.isDevelopment())));
        broken.sort(Comparator.comparingInt(rule -> rule.variable().reads().length));
        broken.forEach(this::report);
        return group;
    }

    private BrokenRule brokenRule(Class<?> type, ConstraintViolation<?> violation, boolean asWarning) {
        String property = violation.getPropertyPath().iterator().next().getName();
        Variable variable = RecordBinder.variableOf(type, property)
                .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + "." + property
                        + " breaks a rule but names no @Variable"));
        return new BrokenRule(variable, violation.getMessage(), violation.getInvalidValue(), asWarning);
    }

    private void report(BrokenRule broken) {
        String name = broken.variable().value();
        if (failed.contains(name) || Arrays.stream(broken.variable().reads()).anyMatch(failed::contains)) {
            return;
        }
        Setting<?> setting = ConfigCatalogue.find(name).orElseThrow();
        String shown = broken.invalidValue() instanceof String element ? element : texts.getOrDefault(name, "");
        String rule = broken.message() + quoted(setting, shown);
        if (broken.asWarning()) {
            warnings.add(name + " (" + origins.get(name) + "): " + rule + "; allowed in development only");
        } else {
            report(setting, origins.get(name), rule);
        }
    }

    /** A Jakarta violation translated to the variable it concerns. */
    private record BrokenRule(Variable variable, String message, Object invalidValue, boolean asWarning) {
    }

    private void report(Setting<?> setting, String origin, String rule) {
        failed.add(setting.name());
        violations.add(new ConfigViolation(setting.name(), origin, rule, setting.effectiveHint()));
    }

    private Object boundValue(String name) {
        if (!bound.containsKey(name)) {
            throw new IllegalStateException(name + " is read before the catalogue defines it");
        }
        return bound.get(name);
    }

    private static String quoted(Setting<?> setting, String text) {
        return setting.type().sensitive() || text.isEmpty() ? "" : " (was \"" + text + "\")";
    }

    private static String display(Setting<?> setting, Optional<String> text, Object value) {
        if (text.isEmpty()) {
            return "";
        }
        if (!setting.type().sensitive()) {
            return text.get();
        }
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(value);
    }

    private static List<String> catalogueNames() {
        return ConfigCatalogue.settings().stream().filter(setting -> !setting.isPattern()).map(Setting::name).toList();
    }

    private static int catalogueIndex(String variable) {
        List<Setting<?>> settings = ConfigCatalogue.settings();
        for (int i = 0; i < settings.size(); i++) {
            if (settings.get(i).name().equals(variable)) {
                return i;
            }
        }
        return variable.startsWith(FEATURE_PREFIX) ? settings.size() : -1;
    }
}
