package io.erpcore.deployment;

import static io.erpcore.deployment.DeploymentFiles.DOCKERFILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's class-data archive, without Docker: the Dockerfile's training step and its
 * ENTRYPOINT's flags, taken from the file itself, run here against the packaged jar. The training
 * must exit 0 and write the archive, and a JVM started with the ENTRYPOINT's flags and
 * {@code -Xshare:on} (which refuses to start when the archive cannot be used) must run the host.
 */
class ClassDataArchiveTest {

    private static final Path JAR = Path.of("..", "app-host", "target", "app-host-runnable.jar").toAbsolutePath().normalize();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Dockerfile dockerfile = Dockerfile.parse(DOCKERFILE, DeploymentFiles.read(DOCKERFILE));

    @TempDir
    Path directory;

    @Test
    void the_training_step_records_an_archive_that_the_entrypoint_flags_use() throws Exception {
        String training = dockerfile.all("RUN").stream().filter(run -> run.contains("-XX:ArchiveClassesAtExit="))
                .findFirst().orElseThrow(() -> new AssertionError("the Dockerfile has no class-data training step"));
        Path archive = directory.resolve("erp-core.jsa");
        String local = local(training, archive).replace("/tmp/cds-training", directory.resolve("training").toString())
                .replaceFirst("(?<=\\s)java(?=\\s)", JAVA);

        Process train = new ProcessBuilder("bash", "-c", local).redirectErrorStream(true)
                .redirectOutput(directory.resolve("training.txt").toFile()).start();
        assertThat(train.waitFor(120, TimeUnit.SECONDS)).as("the training ends").isTrue();
        assertThat(train.exitValue()).as(Files.readString(directory.resolve("training.txt"))).isZero();
        assertThat(archive).exists();

        List<String> entrypoint = new ArrayList<>();
        for (String word : new ObjectMapper().readValue(dockerfile.last("ENTRYPOINT").orElseThrow(), String[].class)) {
            entrypoint.add(local(word, archive));
        }
        entrypoint.set(0, JAVA);
        entrypoint.add(1, "-Xshare:on");
        entrypoint.add("--version");
        Process run = new ProcessBuilder(entrypoint).redirectErrorStream(true).start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).startsWith("ERP Core ").doesNotContain("[warning][cds]");
    }

    /** The image's paths replaced by this build's jar and the test's archive. */
    private static String local(String text, Path archive) {
        return text.replace("/app/erp-core.jsa", archive.toString()).replace("/app/app.jar", JAR.toString());
    }
}
