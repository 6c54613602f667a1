package io.erpcore.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import io.erpcore.deployment.DeploymentFiles.YamlFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the deployment rules read out of the compose file and the Kubernetes manifests. */
final class Manifests {

    /** The service in docker-compose.yml that runs the host. */
    static final String COMPOSE_APP_SERVICE = "app";

    private static final Pattern URL = Pattern.compile("https?://([^/\\s\"']+)(/[^\\s\"']*)?");
    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    private Manifests() {
    }

    /** A value found in a file, with where in the file it was, for failure messages. */
    record Found(String file, String where, String value) {
        @Override
        public String toString() {
            return file + " (" + where + "): " + value;
        }
    }

    /** One entry of a container's {@code env}: a plain value or a reference into a Secret. */
    record EnvVar(String name, Optional<String> value, Optional<String> secretName, Optional<String> secretKey,
            boolean optional) {
        boolean fromSecret() {
            return secretKey.isPresent();
        }
    }

    // ---- docker-compose.yml ----

    /** The host service's environment, in either of compose's forms (map or KEY=VALUE list). */
    static Map<String, String> composeEnvironment(YamlFile compose) {
        JsonNode env = composeApp(compose).path("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (env.isArray()) {
            env.forEach(entry -> {
                String text = entry.asText();
                int eq = text.indexOf('=');
                values.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            });
        } else {
            env.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        }
        return values;
    }

    /** The container side of each of the host service's published ports ({@code "3001:3001"}). */
    static List<Found> composeContainerPorts(YamlFile compose) {
        List<Found> ports = new ArrayList<>();
        composeApp(compose).path("ports").forEach(port -> {
            String text = port.isObject() ? port.path("target").asText() : port.asText();
            String container = text.substring(text.lastIndexOf(':') + 1).replaceAll("/.*", "");
            ports.add(new Found(compose.file(), "services.app.ports", container));
        });
        return ports;
    }

    /** The URL the host service's health check calls. */
    static Optional<Found> composeHealthcheckUrl(YamlFile compose) {
        JsonNode test = composeApp(compose).path("healthcheck").path("test");
        List<String> words = new ArrayList<>();
        test.forEach(word -> words.add(word.asText()));
        if (test.isTextual()) {
            words.add(test.asText());
        }
        return url(String.join(" ", words)).map(url -> new Found(compose.file(), "services.app.healthcheck", url));
    }

    /** How long compose waits after the stop signal before SIGKILL; compose's default is 10 s. */
    static Found composeStopGracePeriod(YamlFile compose) {
        JsonNode period = composeApp(compose).path("stop_grace_period");
        return new Found(compose.file(), "services.app.stop_grace_period", period.isMissingNode() ? "10s" : period.asText());
    }

    /** A compose (Go) duration such as {@code 40s}, {@code 1m30s} or {@code 1500ms}. */
    static Duration goDuration(String text) {
        Matcher part = GO_DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
            });
            end = part.end();
        }
        if (end == 0 || end != text.length()) {
            throw new AssertionError("not a compose duration: " + text);
        }
        return total;
    }

    private static JsonNode composeApp(YamlFile compose) {
        JsonNode app = compose.at("/services/" + COMPOSE_APP_SERVICE);
        if (app.isMissingNode()) {
            throw new AssertionError(compose.file() + " has no service '" + COMPOSE_APP_SERVICE + "'");
        }
        return app;
    }

    // ---- Kubernetes ----

    /** The pod template's first container, the host. */
    static JsonNode container(YamlFile deployment) {
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        if (container.isMissingNode()) {
            throw new AssertionError(deployment.file() + " has no container in spec.template.spec.containers");
        }
        return container;
    }

    static List<EnvVar> deploymentEnv(YamlFile deployment) {
        List<EnvVar> env = new ArrayList<>();
        container(deployment).path("env").forEach(entry -> {
            JsonNode ref = entry.path("valueFrom").path("secretKeyRef");
            env.add(new EnvVar(entry.path("name").asText(),
                    entry.has("value") ? Optional.of(entry.path("value").asText()) : Optional.empty(),
                    ref.has("name") ? Optional.of(ref.path("name").asText()) : Optional.empty(),
                    ref.has("key") ? Optional.of(ref.path("key").asText()) : Optional.empty(),
                    ref.path("optional").asBoolean(false)));
        });
        return env;
    }

    /** The plain (not secret) values the Deployment sets. */
    static Map<String, String> deploymentPlainValues(YamlFile deployment) {
        Map<String, String> values = new LinkedHashMap<>();
        deploymentEnv(deployment).stream()
                .filter(var -> var.value().isPresent())
                .forEach(var -> values.put(var.name(), var.value().get()));
        return values;
    }

    /** The HTTP path of the container's {@code kind} probe (readinessProbe, livenessProbe, startupProbe). */
    static Optional<Found> probePath(YamlFile deployment, String kind) {
        JsonNode path = container(deployment).path(kind).path("httpGet").path("path");
        return path.isMissingNode() ? Optional.empty() : Optional.of(new Found(deployment.file(), kind, path.asText()));
    }

    /** The port each probe and the container declare, by number or by name resolved to its number. */
    static List<Found> containerPorts(YamlFile deployment) {
        List<Found> ports = new ArrayList<>();
        container(deployment).path("ports").forEach(port ->
                ports.add(new Found(deployment.file(), "ports." + port.path("name").asText("(unnamed)"),
                        port.path("containerPort").asText())));
        return ports;
    }

    /** The container port named {@code name}, if the container declares one. */
    static Optional<String> namedPort(YamlFile deployment, String name) {
        for (JsonNode port : container(deployment).path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return Optional.of(port.path("containerPort").asText());
            }
        }
        return Optional.empty();
    }

    /** How long preStop delays SIGTERM: {@code sleep N} in an exec hook, or the sleep action. */
    static Found preStopSleep(YamlFile deployment) {
        JsonNode preStop = container(deployment).path("lifecycle").path("preStop");
        String seconds = "0";
        if (preStop.has("sleep")) {
            seconds = preStop.path("sleep").path("seconds").asText();
        } else if (preStop.has("exec")) {
            List<String> command = new ArrayList<>();
            preStop.path("exec").path("command").forEach(word -> command.add(word.asText()));
            int sleep = command.indexOf("sleep");
            seconds = sleep >= 0 && sleep + 1 < command.size() ? command.get(sleep + 1) : "0";
        }
        return new Found(deployment.file(), "lifecycle.preStop", seconds + "s");
    }

    /** The pod's grace period; Kubernetes' default is 30 s. */
    static Found terminationGrace(YamlFile deployment) {
        JsonNode grace = deployment.at("/spec/template/spec/terminationGracePeriodSeconds");
        return new Found(deployment.file(), "terminationGracePeriodSeconds", (grace.isMissingNode() ? "30" : grace.asText()) + "s");
    }

    /** The keys of a Secret manifest, from {@code stringData} and {@code data}. */
    static Set<String> secretKeys(YamlFile secret) {
        return secretValues(secret).keySet();
    }

    /** A Secret manifest's {@code stringData} values (a {@code data} value is base64 and kept as it is). */
    static Map<String, String> secretValues(YamlFile secret) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String section : List.of("data", "stringData")) {
            secret.at("/" + section).fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        }
        return values;
    }

    /** The names of the Secrets a Deployment reads. */
    static Set<String> secretNames(YamlFile deployment) {
        Set<String> names = new LinkedHashSet<>();
        deploymentEnv(deployment).forEach(var -> var.secretName().ifPresent(names::add));
        return names;
    }

    // ---- URLs ----

    /** The first http(s) URL in {@code text}. */
    static Optional<String> url(String text) {
        Matcher url = URL.matcher(text);
        return url.find() ? Optional.of(url.group()) : Optional.empty();
    }

    /** The path of {@code url} ({@code /} when it has none). */
    static String urlPath(String url) {
        Matcher matcher = URL.matcher(url);
        return matcher.find() && matcher.group(2) != null ? matcher.group(2) : "/";
    }

    /** The port of {@code url}, 80 when it names none. */
    static String urlPort(String url) {
        Matcher matcher = URL.matcher(url);
        if (!matcher.find()) {
            return "";
        }
        String authority = matcher.group(1);
        int colon = authority.lastIndexOf(':');
        return colon < 0 || authority.endsWith("]") ? "80" : authority.substring(colon + 1);
    }
}
