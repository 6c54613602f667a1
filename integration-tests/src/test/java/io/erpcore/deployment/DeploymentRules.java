package io.erpcore.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.erpcore.adapter.http.TestApplications;
import io.erpcore.config.AppConfig;
import io.erpcore.config.ConfigCatalogue;
import io.erpcore.config.ConfigLoader;
import io.erpcore.config.ConfigViolation;
import io.erpcore.config.ConfigurationException;
import io.erpcore.config.Environment;
import io.erpcore.config.MapConfigSource;
import io.erpcore.config.Setting;
import io.erpcore.deployment.Manifests.EnvVar;
import io.erpcore.deployment.Manifests.Found;
import io.erpcore.host.ExitCode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules that keep the deployment files true to the code. Each takes what was found in a file
 * and compares it with what the code says (the configuration catalogue, the configuration loader,
 * the running HTTP application, {@link ExitCode}); a broken rule fails with the file and the value.
 */
final class DeploymentRules {

    /** Variables the JVM itself reads; the deployment files may set them beside the catalogue's. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS");

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{(\\w+)(:?[-?+])?");
    private static final Pattern EXIT_CODE = Pattern.compile(
            "(?i)\\bexit(?:s|ed|ing)?\\s+(?:with\\s+)?(?:code\\s+)?(\\d+)");

    private DeploymentRules() {
    }

    /** The production configuration of {@code plainValues} over strong test secrets and the catalogue's defaults. */
    static AppConfig production(Map<String, String> plainValues) {
        Map<String, String> values = TestApplications.production();
        values.putAll(plainValues);
        return ConfigLoader.load(MapConfigSource.of("deployment files", values)).config();
    }

    static void probePathsAreEndpoints(ProbedApplication application, Collection<Found> paths) {
        assertThat(paths).as("probe paths").isNotEmpty();
        for (Found path : paths) {
            int status = application.get(path.value());
            assertThat(status).as("%s is not an operational endpoint of the application: GET answered %d", path, status)
                    .isIn(200, 503);
        }
    }

    /** Liveness must not restart a pod whose database is down, nor one that is draining. */
    static void livenessPathsStayUpWhileTheDatabaseIsDownOrTheHostDrains(ProbedApplication application,
            Collection<Found> paths) {
        application.databaseUp(false);
        paths.forEach(path -> assertThat(application.get(path.value()))
                .as("%s answers GET with an error while the database is down: a liveness check would restart "
                        + "a pod that only waits for its database", path).isEqualTo(200));
        application.startDraining();
        paths.forEach(path -> assertThat(application.get(path.value()))
                .as("%s answers GET with an error while the host drains", path).isEqualTo(200));
    }

    /** Readiness must take a pod out of service while its database is down and while it drains. */
    static void readinessPathsFailWhileTheDatabaseIsDownOrTheHostDrains(ProbedApplication application,
            Collection<Found> paths) {
        for (Found path : paths) {
            application.databaseUp(true);
            assertThat(application.get(path.value())).as("%s while all is well", path).isEqualTo(200);
            application.databaseUp(false);
            assertThat(application.get(path.value())).as("%s while the database is down", path).isEqualTo(503);
        }
        application.databaseUp(true);
        application.startDraining();
        paths.forEach(path -> assertThat(application.get(path.value())).as("%s while the host drains", path).isEqualTo(503));
    }

    static void portsEqual(int port, Collection<Found> found) {
        assertThat(found).as("declared ports").isNotEmpty();
        found.forEach(value -> assertThat(value.value())
                .as("%s differs from PORT's default %d in the configuration catalogue", value, port)
                .isEqualTo(String.valueOf(port)));
    }

    static void variablesAreInTheCatalogue(String file, Collection<String> names) {
        for (String name : names) {
            assertThat(ConfigCatalogue.find(name).isPresent() || JVM_VARIABLES.contains(name))
                    .as("%s sets %s, which is not a variable of the configuration catalogue", file, name).isTrue();
        }
    }

    /** Whether the host reads {@code name} as a secret: its catalogue type is sensitive. */
    static boolean isSecret(String name) {
        return ConfigCatalogue.find(name).map(setting -> setting.type().sensitive()).orElse(false);
    }

    /** The variables production requires, given the plain values a file sets (DATABASE_MIGRATE=false drops one). */
    static Set<String> requiredInProduction(Map<String, String> plainValues) {
        return ConfigCatalogue.settings().stream()
                .filter(setting -> setting.requirement().appliesIn(Environment.PRODUCTION, name -> bound(name, plainValues)))
                .map(Setting::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Object bound(String name, Map<String, String> plainValues) {
        Setting<?> setting = ConfigCatalogue.find(name).orElseThrow();
        Optional<String> text = Optional.ofNullable(plainValues.get(name))
                .or(() -> setting.defaultValue().text(Environment.PRODUCTION, other -> null));
        return text.map(setting.type()::parse).orElse(null);
    }

    static void requiredVariablesAreProvided(String file, Set<String> provided, Set<String> required) {
        assertThat(required).as("variables the catalogue requires outside development").isNotEmpty();
        required.forEach(name -> assertThat(provided)
                .as("%s does not provide %s, which the catalogue requires outside development", file, name)
                .contains(name));
    }

    static void secretVariablesComeFromTheSecret(String file, Collection<EnvVar> env, Set<String> required) {
        for (EnvVar var : env) {
            if (isSecret(var.name())) {
                assertThat(var.fromSecret()).as("%s gives the secret variable %s a plain value instead of a "
                        + "secretKeyRef", file, var.name()).isTrue();
            }
            if (required.contains(var.name()) && var.fromSecret()) {
                assertThat(var.optional()).as("%s marks the secretKeyRef of %s optional, but production requires it",
                        file, var.name()).isFalse();
            }
        }
    }

    /** In compose, a secret is interpolated from the environment or .env, never written into the file. */
    static void composeTakesSecretsFromTheEnvironment(String file, Map<String, String> environment) {
        environment.forEach((name, value) -> {
            if (isSecret(name) && !value.isBlank()) {
                assertThat(value).as("%s writes the secret variable %s into the file: %s", file, name, value).contains("${");
            }
        });
    }

    /** Every ${...} in a required variable is ${VAR:?message}: compose then refuses to start without it. */
    static void composeRefusesToStartWithoutRequiredVariables(String file, Map<String, String> environment,
            Set<String> required) {
        for (String name : required) {
            String value = environment.getOrDefault(name, "");
            Matcher interpolation = INTERPOLATION.matcher(value);
            while (interpolation.find()) {
                String operator = Optional.ofNullable(interpolation.group(2)).orElse("");
                assertThat(operator).as("%s: %s=%s interpolates ${%s} without :?, so compose starts without it",
                        file, name, value, interpolation.group(1)).isIn(":?", "?");
            }
        }
    }

    static void secretKeysEqualTheSecretVariablesTheDeploymentReads(String secretFile, String secretName,
            Set<String> secretKeys, String deploymentFile, Collection<EnvVar> env) {
        Set<String> read = env.stream().filter(EnvVar::fromSecret)
                .filter(var -> var.secretName().orElse("").equals(secretName))
                .map(var -> var.secretKey().orElseThrow())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(secretKeys)).as("the keys of %s (Secret %s) against those %s reads from it",
                secretFile, secretName, deploymentFile).isEqualTo(read);
    }

    /** An example Secret must hold values the production configuration refuses, one and all. */
    static void exampleValuesAreRefusedInProduction(String file, Map<String, String> values) {
        ConfigurationException refused = catchThrowableOfType(ConfigurationException.class, () -> production(values));
        assertThat(refused).as("%s holds values the production configuration accepts: %s", file, values.keySet()).isNotNull();
        Set<String> refusedNames = refused.violations().stream().map(ConfigViolation::variable).collect(Collectors.toSet());
        values.forEach((name, value) -> assertThat(refusedNames)
                .as("%s: %s=%s is accepted by the production configuration; an example must hold a value it refuses",
                        file, name, value).contains(name));
    }

    static void plainValuesAreAcceptedInProduction(String file, Map<String, String> values) {
        ConfigurationException refused = catchThrowableOfType(ConfigurationException.class, () -> production(values));
        assertThat(refused).as("%s sets values the production configuration refuses: %s", file,
                refused == null ? "" : refused.getMessage()).isNull();
    }

    static void exceeds(Found found, Duration actual, Duration bound, String boundName) {
        assertThat(actual).as("%s must be longer than %s (%d ms)", found, boundName, bound.toMillis()).isGreaterThan(bound);
    }

    /** A missing USER means root; so does UID 0. */
    static void runsAsNonRoot(String file, Optional<String> user) {
        assertThat(user).as("%s has no USER in its final stage, so the container runs as root", file).isPresent();
        String name = user.get().split(":")[0].strip();
        assertThat(name).as("%s runs as USER %s", file, user.get()).isNotIn("root", "0");
    }

    static void exitCodesInCommentsExist(String file, Collection<String> comments) {
        Set<Integer> codes = exitCodes();
        for (String comment : comments) {
            Matcher mention = EXIT_CODE.matcher(comment);
            while (mention.find()) {
                assertThat(Integer.parseInt(mention.group(1)))
                        .as("%s mentions exit code %s, which io.erpcore.host.ExitCode does not define: \"%s\"",
                                file, mention.group(1), comment)
                        .isIn(codes);
            }
        }
    }

    private static Set<Integer> exitCodes() {
        Set<Integer> codes = new TreeSet<>();
        for (Field field : ExitCode.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                try {
                    codes.add(field.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return codes;
    }
}
