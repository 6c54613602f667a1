package io.erpcore.deployment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.deployment.DeploymentFiles.YamlFile;
import io.erpcore.deployment.Manifests.Found;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A rule that cannot fail is worthless: each of these feeds a deliberately wrong manifest to the
 * same rule that {@link DeploymentManifestsTest} applies to the real files, and expects a failure
 * that names the file and the wrong value.
 */
class DeploymentRulesCatchViolationsTest {

    private static final String WRONG = "wrong-deployment.yaml";

    private static final String DEPLOYMENT_PROBING_HEALTHZ = """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      ports:
                        - name: http
                          containerPort: 8080
                      env:
                        - name: JWT_SECRET
                          value: a-plain-secret-in-the-manifest
                        - name: DATABSE_URL
                          value: postgresql://erp_app@db/erp
                      readinessProbe:
                        httpGet:
                          path: /healthz
                          port: http
            """;

    private final YamlFile wrong = DeploymentFiles.yaml(WRONG, DEPLOYMENT_PROBING_HEALTHZ);

    @Test
    void a_probe_on_a_path_the_application_does_not_serve_is_caught() {
        try (ProbedApplication application = ProbedApplication.start()) {
            List<Found> paths = Manifests.probePath(wrong, "readinessProbe").stream().toList();
            assertThatThrownBy(() -> DeploymentRules.probePathsAreEndpoints(application, paths))
                    .hasMessageContaining(WRONG).hasMessageContaining("/healthz").hasMessageContaining("404");
        }
    }

    @Test
    void a_liveness_check_on_the_readiness_path_is_caught() {
        try (ProbedApplication application = ProbedApplication.start()) {
            List<Found> paths = List.of(new Found(WRONG, "livenessProbe", "/health/ready"));
            assertThatThrownBy(() -> DeploymentRules.livenessPathsStayUpWhileTheDatabaseIsDownOrTheHostDrains(application, paths))
                    .hasMessageContaining(WRONG).hasMessageContaining("/health/ready");
        }
    }

    @Test
    void a_port_other_than_the_default_is_caught() {
        assertThatThrownBy(() -> DeploymentRules.portsEqual(3001, Manifests.containerPorts(wrong)))
                .hasMessageContaining(WRONG).hasMessageContaining("8080");
    }

    @Test
    void a_misspelt_variable_is_caught() {
        assertThatThrownBy(() -> DeploymentRules.variablesAreInTheCatalogue(WRONG, List.of("JWT_SECRET", "DATABSE_URL")))
                .hasMessageContaining(WRONG).hasMessageContaining("DATABSE_URL");
    }

    @Test
    void a_secret_given_as_a_plain_value_is_caught() {
        assertThatThrownBy(() -> DeploymentRules.secretVariablesComeFromTheSecret(WRONG, Manifests.deploymentEnv(wrong),
                DeploymentRules.requiredInProduction(Map.of())))
                .hasMessageContaining(WRONG).hasMessageContaining("JWT_SECRET");
    }

    @Test
    void a_missing_required_variable_is_caught() {
        assertThatThrownBy(() -> DeploymentRules.requiredVariablesAreProvided(WRONG,
                Set.of("DATABASE_URL", "DATABASE_MIGRATION_URL", "JWT_SECRET"), DeploymentRules.requiredInProduction(Map.of())))
                .hasMessageContaining(WRONG).hasMessageContaining("ENCRYPTION_KEY");
    }

    @Test
    void a_compose_secret_that_may_be_missing_is_caught() {
        Map<String, String> environment = Map.of("JWT_SECRET", "${JWT_SECRET:-}");
        assertThatThrownBy(() -> DeploymentRules.composeRefusesToStartWithoutRequiredVariables("wrong-compose.yml",
                environment, Set.of("JWT_SECRET")))
                .hasMessageContaining("wrong-compose.yml").hasMessageContaining("${JWT_SECRET:-}");
    }

    @Test
    void an_example_secret_that_production_would_accept_is_caught() {
        Map<String, String> values = Map.of("JWT_SECRET", "Zq8vN2kLw5pR7tX1yB4cF6hJ9mQ3sV0dG8aE2uK5nP7rXX", "ENCRYPTION_KEY", "x");
        assertThatThrownBy(() -> DeploymentRules.exampleValuesAreRefusedInProduction("wrong-secret.yaml", values))
                .hasMessageContaining("wrong-secret.yaml").hasMessageContaining("JWT_SECRET");
    }

    @Test
    void a_stop_period_shorter_than_the_shutdown_timeout_is_caught() {
        Found period = new Found("wrong-compose.yml", "services.app.stop_grace_period", "10s");
        assertThatThrownBy(() -> DeploymentRules.exceeds(period, Manifests.goDuration(period.value()),
                Duration.ofSeconds(30), "SHUTDOWN_TIMEOUT_MS"))
                .hasMessageContaining("wrong-compose.yml").hasMessageContaining("10s");
    }

    @Test
    void a_root_user_is_caught() {
        Dockerfile root = Dockerfile.parse("wrong.Dockerfile", """
                FROM eclipse-temurin:17-jre AS build
                USER 10001
                FROM eclipse-temurin:17-jre
                USER root
                """);
        assertThatThrownBy(() -> DeploymentRules.runsAsNonRoot(root.file(), root.last("USER")))
                .hasMessageContaining("wrong.Dockerfile").hasMessageContaining("root");
        assertThatThrownBy(() -> DeploymentRules.runsAsNonRoot("no-user.Dockerfile", Optional.empty()))
                .hasMessageContaining("no-user.Dockerfile");
    }

    @Test
    void an_exit_code_the_host_does_not_define_is_caught() {
        Dockerfile commented = Dockerfile.parse("wrong.Dockerfile", """
                # On a lost database the host exits with code 3.
                FROM eclipse-temurin:17-jre
                """);
        assertThatThrownBy(() -> DeploymentRules.exitCodesInCommentsExist(commented.file(), commented.comments()))
                .hasMessageContaining("wrong.Dockerfile").hasMessageContaining("exit code 3");
    }
}
