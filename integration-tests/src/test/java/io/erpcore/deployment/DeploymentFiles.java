package io.erpcore.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The deployment files under {@code app-host/}, read from the working tree and parsed. */
final class DeploymentFiles {

    static final String DOCKERFILE = "app-host/Dockerfile";
    static final String COMPOSE = "app-host/docker-compose.yml";
    static final String COMPOSE_ENV_EXAMPLE = "app-host/deploy/compose.env.example";
    static final String POSTGRES_INIT = "app-host/deploy/postgres-init.sql";
    static final String DEPLOYMENT = "app-host/deploy/k8s/deployment.yaml";
    static final String SERVICE = "app-host/deploy/k8s/service.yaml";
    static final String SECRET = "app-host/deploy/k8s/secret.example.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DeploymentFiles() {
    }

    /** The text of {@code relative}, a path from the repository root. */
    static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code file} read and parsed as one YAML document. */
    static YamlFile yaml(String file) {
        return yaml(file, read(file));
    }

    /** {@code text} parsed as one YAML document, reported as {@code file}. */
    static YamlFile yaml(String file, String text) {
        try {
            return new YamlFile(file, YAML.readTree(text), comments(text, "#"));
        } catch (IOException e) {
            throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** The comment text of every line of {@code text} that is a comment or ends in one. */
    static List<String> comments(String text, String marker) {
        List<String> comments = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(marker)) {
                comments.add(trimmed.substring(marker.length()).strip());
            } else if (line.contains(" " + marker + " ")) {
                comments.add(line.substring(line.indexOf(" " + marker + " ") + marker.length() + 1).strip());
            }
        }
        return comments;
    }

    /** The repository root: the nearest directory upwards from the working directory with app-host/Dockerfile. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(DOCKERFILE))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no " + DOCKERFILE + " above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** A parsed YAML file: its name for messages, its tree and its comments. */
    record YamlFile(String file, JsonNode tree, List<String> comments) {

        /** The node at {@code pointer} ({@code /spec/replicas}), missing if absent. */
        JsonNode at(String pointer) {
            return tree.at(pointer);
        }
    }
}
