package io.erpcore.deployment;

import static io.erpcore.deployment.DeploymentFiles.COMPOSE;
import static io.erpcore.deployment.DeploymentFiles.COMPOSE_ENV_EXAMPLE;
import static io.erpcore.deployment.DeploymentFiles.DEPLOYMENT;
import static io.erpcore.deployment.DeploymentFiles.DOCKERFILE;
import static io.erpcore.deployment.DeploymentFiles.POSTGRES_INIT;
import static io.erpcore.deployment.DeploymentFiles.SECRET;
import static io.erpcore.deployment.DeploymentFiles.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.config.AppConfig;
import io.erpcore.config.LifecycleConfig;
import io.erpcore.deployment.DeploymentFiles.YamlFile;
import io.erpcore.deployment.Manifests.EnvVar;
import io.erpcore.deployment.Manifests.Found;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, docker-compose.yml and the Kubernetes manifests under {@code app-host/} cannot
 * run on this machine, so this test parses them and holds them to the code: probe paths against
 * the running application, ports and timings against the configuration loaded in production,
 * variables against the catalogue, exit codes against {@code ExitCode}.
 */
class DeploymentManifestsTest {

    private final Dockerfile dockerfile = Dockerfile.parse(DOCKERFILE, DeploymentFiles.read(DOCKERFILE));
    private final YamlFile compose = DeploymentFiles.yaml(COMPOSE);
    private final YamlFile deployment = DeploymentFiles.yaml(DEPLOYMENT);
    private final YamlFile service = DeploymentFiles.yaml(SERVICE);
    private final YamlFile secret = DeploymentFiles.yaml(SECRET);

    @Test
    void probe_paths_are_operational_endpoints_of_the_application() {
        try (ProbedApplication application = ProbedApplication.start()) {
            List<Found> paths = new ArrayList<>(livenessPaths());
            paths.addAll(readinessPaths());
            DeploymentRules.probePathsAreEndpoints(application, paths);
        }
    }

    @Test
    void liveness_checks_stay_up_while_the_database_is_down_or_the_host_drains() {
        try (ProbedApplication application = ProbedApplication.start()) {
            DeploymentRules.livenessPathsStayUpWhileTheDatabaseIsDownOrTheHostDrains(application, livenessPaths());
        }
    }

    @Test
    void readiness_probe_fails_while_the_database_is_down_or_the_host_drains() {
        try (ProbedApplication application = ProbedApplication.start()) {
            DeploymentRules.readinessPathsFailWhileTheDatabaseIsDownOrTheHostDrains(application, readinessPaths());
        }
    }

    @Test
    void container_ports_equal_the_default_port() {
        List<Found> ports = new ArrayList<>();
        dockerfile.all("EXPOSE").forEach(port -> ports.add(new Found(DOCKERFILE, "EXPOSE", port.replaceAll("/.*", ""))));
        ports.add(new Found(DOCKERFILE, "ENV PORT", dockerfile.environment().getOrDefault("PORT", "(not set)")));
        dockerfileHealthcheckUrl().ifPresent(url -> ports.add(new Found(DOCKERFILE, "HEALTHCHECK", Manifests.urlPort(url))));
        ports.addAll(Manifests.composeContainerPorts(compose));
        ports.add(new Found(COMPOSE, "services.app.environment.PORT", Manifests.composeEnvironment(compose).get("PORT")));
        Manifests.composeHealthcheckUrl(compose).ifPresent(url ->
                ports.add(new Found(COMPOSE, url.where(), Manifests.urlPort(url.value()))));
        ports.addAll(Manifests.containerPorts(deployment));
        ports.add(new Found(DEPLOYMENT, "env PORT", Manifests.deploymentPlainValues(deployment).get("PORT")));
        DeploymentRules.portsEqual(defaults().serverConfig().port(), ports);
    }

    @Test
    void the_service_targets_a_port_the_container_declares() {
        for (var port : service.at("/spec/ports")) {
            String target = port.path("targetPort").asText();
            boolean declared = Manifests.namedPort(deployment, target).isPresent()
                    || Manifests.containerPorts(deployment).stream().anyMatch(found -> found.value().equals(target));
            assertThat(declared).as("%s targets port %s, which the container in %s does not declare", SERVICE, target,
                    DEPLOYMENT).isTrue();
        }
        assertThat(service.at("/spec/type").asText("ClusterIP")).as("%s type", SERVICE).isEqualTo("ClusterIP");
        service.at("/spec/selector").fields().forEachRemaining(label -> assertThat(
                deployment.at("/spec/template/metadata/labels").path(label.getKey()).asText())
                .as("%s selects %s=%s, which the pods of %s do not carry", SERVICE, label.getKey(),
                        label.getValue().asText(), DEPLOYMENT)
                .isEqualTo(label.getValue().asText()));
    }

    @Test
    void every_variable_named_is_a_catalogue_variable() {
        DeploymentRules.variablesAreInTheCatalogue(DOCKERFILE, dockerfile.environment().keySet());
        DeploymentRules.variablesAreInTheCatalogue(COMPOSE, Manifests.composeEnvironment(compose).keySet());
        DeploymentRules.variablesAreInTheCatalogue(DEPLOYMENT, Manifests.deploymentEnv(deployment).stream().map(EnvVar::name).toList());
        DeploymentRules.variablesAreInTheCatalogue(SECRET, Manifests.secretKeys(secret));
    }

    @Test
    void plain_values_are_accepted_by_the_production_configuration() {
        DeploymentRules.plainValuesAreAcceptedInProduction(DOCKERFILE, dockerfile.environment());
        DeploymentRules.plainValuesAreAcceptedInProduction(COMPOSE, composePlainValues());
        DeploymentRules.plainValuesAreAcceptedInProduction(DEPLOYMENT, Manifests.deploymentPlainValues(deployment));
    }

    @Test
    void compose_provides_every_variable_required_outside_development() {
        DeploymentRules.requiredVariablesAreProvided(COMPOSE, Manifests.composeEnvironment(compose).keySet(),
                DeploymentRules.requiredInProduction(composePlainValues()));
    }

    @Test
    void compose_refuses_to_start_without_a_required_variable() {
        Map<String, String> environment = Manifests.composeEnvironment(compose);
        DeploymentRules.composeRefusesToStartWithoutRequiredVariables(COMPOSE, environment,
                DeploymentRules.requiredInProduction(composePlainValues()));
    }

    @Test
    void compose_takes_every_secret_from_the_environment() {
        DeploymentRules.composeTakesSecretsFromTheEnvironment(COMPOSE, Manifests.composeEnvironment(compose));
    }

    @Test
    void the_deployment_provides_every_variable_required_outside_development() {
        DeploymentRules.requiredVariablesAreProvided(DEPLOYMENT,
                Manifests.deploymentEnv(deployment).stream().map(EnvVar::name).collect(Collectors.toSet()),
                DeploymentRules.requiredInProduction(Manifests.deploymentPlainValues(deployment)));
    }

    @Test
    void the_deployment_reads_every_secret_variable_from_the_secret() {
        DeploymentRules.secretVariablesComeFromTheSecret(DEPLOYMENT, Manifests.deploymentEnv(deployment),
                DeploymentRules.requiredInProduction(Manifests.deploymentPlainValues(deployment)));
    }

    @Test
    void the_secret_keys_equal_the_secret_variables_the_deployment_reads() {
        String secretName = secret.at("/metadata/name").asText();
        assertThat(Manifests.secretNames(deployment)).as("Secrets read by %s", DEPLOYMENT).containsExactly(secretName);
        DeploymentRules.secretKeysEqualTheSecretVariablesTheDeploymentReads(SECRET, secretName,
                Manifests.secretKeys(secret), DEPLOYMENT, Manifests.deploymentEnv(deployment));
    }

    @Test
    void the_example_secret_holds_only_values_production_refuses() {
        DeploymentRules.exampleValuesAreRefusedInProduction(SECRET, Manifests.secretValues(secret));
    }

    @Test
    void compose_stop_period_exceeds_the_shutdown_timeout() {
        Found period = Manifests.composeStopGracePeriod(compose);
        LifecycleConfig lifecycle = DeploymentRules.production(composePlainValues()).lifecycleConfig();
        DeploymentRules.exceeds(period, Manifests.goDuration(period.value()), lifecycle.shutdownTimeout(), "SHUTDOWN_TIMEOUT_MS");
    }

    @Test
    void pre_stop_sleep_exceeds_the_production_drain_delay() {
        Found preStop = Manifests.preStopSleep(deployment);
        LifecycleConfig lifecycle = deploymentConfig().lifecycleConfig();
        DeploymentRules.exceeds(preStop, Manifests.goDuration(preStop.value()), lifecycle.drainDelay(), "SHUTDOWN_DRAIN_DELAY_MS");
    }

    @Test
    void termination_grace_exceeds_pre_stop_plus_the_shutdown_timeout() {
        Found grace = Manifests.terminationGrace(deployment);
        LifecycleConfig lifecycle = deploymentConfig().lifecycleConfig();
        DeploymentRules.exceeds(grace, Manifests.goDuration(grace.value()),
                Manifests.goDuration(Manifests.preStopSleep(deployment).value()).plus(lifecycle.shutdownTimeout()),
                "the preStop sleep plus SHUTDOWN_TIMEOUT_MS (the grace period counts from preStop)");
    }

    @Test
    void the_image_runs_as_a_non_root_user() {
        DeploymentRules.runsAsNonRoot(DOCKERFILE, dockerfile.last("USER"));
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean())
                .as("%s: spec.template.spec.securityContext.runAsNonRoot", DEPLOYMENT).isTrue();
        String uid = dockerfile.last("USER").orElse("").split(":")[0];
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsUser").asText())
                .as("%s: runAsUser against the USER of %s", DEPLOYMENT, DOCKERFILE).isEqualTo(uid);
    }

    @Test
    void the_image_health_check_probes_the_same_path_as_kubernetes_liveness() {
        String path = dockerfileHealthcheckUrl().map(Manifests::urlPath).orElse("(no HEALTHCHECK URL)");
        assertThat(path).as("%s HEALTHCHECK path against the livenessProbe of %s", DOCKERFILE, DEPLOYMENT)
                .isEqualTo(Manifests.probePath(deployment, "livenessProbe").map(Found::value).orElse("(no livenessProbe)"));
    }

    @Test
    void exit_codes_mentioned_in_comments_exist() {
        DeploymentRules.exitCodesInCommentsExist(DOCKERFILE, dockerfile.comments());
        Stream.of(compose, deployment, service, secret)
                .forEach(file -> DeploymentRules.exitCodesInCommentsExist(file.file(), file.comments()));
        DeploymentRules.exitCodesInCommentsExist(POSTGRES_INIT,
                DeploymentFiles.comments(DeploymentFiles.read(POSTGRES_INIT), "--"));
        DeploymentRules.exitCodesInCommentsExist(COMPOSE_ENV_EXAMPLE,
                DeploymentFiles.comments(DeploymentFiles.read(COMPOSE_ENV_EXAMPLE), "#"));
    }

    // ---- what the tests read ----

    private static AppConfig defaults() {
        return DeploymentRules.production(Map.of());
    }

    private AppConfig deploymentConfig() {
        return DeploymentRules.production(Manifests.deploymentPlainValues(deployment));
    }

    /** The compose values that are written in the file, not interpolated from the environment. */
    private Map<String, String> composePlainValues() {
        Map<String, String> plain = new LinkedHashMap<>();
        Manifests.composeEnvironment(compose).forEach((name, value) -> {
            if (!value.contains("${")) {
                plain.put(name, value);
            }
        });
        return plain;
    }

    private Optional<String> dockerfileHealthcheckUrl() {
        return dockerfile.last("HEALTHCHECK").map(dockerfile::expand).flatMap(Manifests::url);
    }

    /** What a liveness check calls: the image's HEALTHCHECK, compose's, Kubernetes' liveness and start-up probes. */
    private List<Found> livenessPaths() {
        List<Found> paths = new ArrayList<>();
        dockerfileHealthcheckUrl().ifPresent(url -> paths.add(new Found(DOCKERFILE, "HEALTHCHECK", Manifests.urlPath(url))));
        Manifests.composeHealthcheckUrl(compose).ifPresent(url ->
                paths.add(new Found(COMPOSE, url.where(), Manifests.urlPath(url.value()))));
        Manifests.probePath(deployment, "livenessProbe").ifPresent(paths::add);
        Manifests.probePath(deployment, "startupProbe").ifPresent(paths::add);
        assertThat(paths).as("liveness checks in %s, %s and %s", DOCKERFILE, COMPOSE, DEPLOYMENT)
                .extracting(Found::file).contains(DOCKERFILE, COMPOSE, DEPLOYMENT);
        return paths;
    }

    private List<Found> readinessPaths() {
        List<Found> paths = Manifests.probePath(deployment, "readinessProbe").stream().toList();
        assertThat(paths).as("%s readinessProbe", DEPLOYMENT).hasSize(1);
        return paths;
    }
}
