package io.erpcore.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.config.ConfigLoader;
import io.erpcore.config.ConfigSources;
import io.erpcore.config.EffectiveSetting;
import io.erpcore.config.LayeredConfigSource;
import io.erpcore.config.LoadedConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Development on the embedded database keeps its generated secrets beside the data, and nowhere else. */
class DevelopmentSecretsTest {

    private static final String JWT_SECRET = "Zq8vN2kLw5pR7tX1yB4cF6hJ9mQ3sV0dG8aE2uK5nP7r";

    @TempDir
    Path workingDirectory;

    @Test
    void generated_secrets_are_kept_and_read_back_on_the_next_start() {
        LoadedConfig first = load(Map.of(), true);
        LoadedConfig second = load(Map.of(), true);

        assertThat(second.config().jwtConfig().secret().reveal()).isEqualTo(first.config().jwtConfig().secret().reveal());
        assertThat(second.config().encryptionConfig().key().reveal())
                .isEqualTo(first.config().encryptionConfig().key().reveal());
        assertThat(origin(second, "JWT_SECRET")).isEqualTo("data/dev-secrets.properties");
        assertThat(origin(second, "ENCRYPTION_KEY")).isEqualTo("data/dev-secrets.properties");
        assertThat(second.warnings()).anyMatch(warning -> warning.startsWith(
                "Development secrets (JWT_SECRET, ENCRYPTION_KEY) are read from data/dev-secrets.properties"));
    }

    @Test
    void the_file_is_readable_by_its_owner_only() throws IOException {
        load(Map.of(), true);

        Path file = workingDirectory.resolve(DevelopmentSecrets.FILE);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void a_value_given_anywhere_else_wins_over_the_file() {
        load(Map.of(), true);

        LoadedConfig given = load(Map.of("JWT_SECRET", JWT_SECRET), true);

        assertThat(given.config().jwtConfig().secret().reveal()).isEqualTo(JWT_SECRET);
        assertThat(origin(given, "JWT_SECRET")).isEqualTo("environment");
        assertThat(origin(given, "ENCRYPTION_KEY")).isEqualTo("data/dev-secrets.properties");
    }

    @Test
    void a_database_url_leaves_the_generated_secrets_alone() {
        LoadedConfig loaded = load(Map.of("DATABASE_URL", "postgresql://erp_app@localhost:5432/erp"), true);

        assertThat(origin(loaded, "JWT_SECRET")).isEqualTo("generated");
        assertThat(workingDirectory.resolve(DevelopmentSecrets.FILE)).doesNotExist();
    }

    @Test
    void reading_only_never_writes_the_file() {
        LoadedConfig loaded = load(Map.of(), false);

        assertThat(origin(loaded, "JWT_SECRET")).isEqualTo("generated");
        assertThat(workingDirectory.resolve("data")).doesNotExist();
    }

    private LoadedConfig load(Map<String, String> environment, boolean create) {
        LayeredConfigSource sources = ConfigSources.standard(Map.of(), environment, workingDirectory);
        return DevelopmentSecrets.apply(ConfigLoader.load(sources), sources, workingDirectory, create);
    }

    private static String origin(LoadedConfig loaded, String variable) {
        return loaded.effectiveSettings().stream().filter(setting -> setting.variable().equals(variable))
                .map(EffectiveSetting::origin).findFirst().orElseThrow();
    }
}
