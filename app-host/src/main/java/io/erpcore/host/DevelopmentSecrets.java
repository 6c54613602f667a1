package io.erpcore.host;

import io.erpcore.config.ConfigCatalogue;
import io.erpcore.config.ConfigLoader;
import io.erpcore.config.ConfigSource;
import io.erpcore.config.EffectiveSetting;
import io.erpcore.config.Environment;
import io.erpcore.config.LayeredConfigSource;
import io.erpcore.config.LoadedConfig;
import io.erpcore.config.MapConfigSource;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Generated development secrets that outlive a run. Development generates {@code JWT_SECRET} and
 * {@code ENCRYPTION_KEY} when they are unset, but the embedded database keeps its data in
 * {@code data/postgres}: phone numbers encrypted in one run would not decrypt in the next, and
 * tokens would not survive a restart. So, in development on the embedded database only, the
 * generated values are kept in {@code data/dev-secrets.properties} (owner-only where the file
 * system has POSIX permissions) and read back as a configuration source below every other, so a
 * value given anywhere else still wins. Staging and production, and any {@code DATABASE_URL},
 * are left as they are.
 */
final class DevelopmentSecrets {

    /** Where the values live, relative to the working directory, beside the embedded data. */
    static final Path FILE = Path.of("data", "dev-secrets.properties");

    private static final String SOURCE_NAME = "data/dev-secrets.properties";

    private DevelopmentSecrets() {
    }

    /**
     * The configuration to run with: {@code loaded} itself, unless it generated secrets for a
     * development run on the embedded database; then {@code sources} loaded again above the file.
     *
     * @param create whether to write the file when it is missing or lacks a generated secret
     *     ({@code false} for {@code --validate-config}, which only reads)
     * @throws io.erpcore.config.ConfigurationException if the file holds a value the rules refuse
     * @throws HostStartupException if the file cannot be read or written
     */
    static LoadedConfig apply(LoadedConfig loaded, LayeredConfigSource sources, Path workingDirectory, boolean create) {
        List<String> generated = generated(loaded);
        if (generated.isEmpty() || !loaded.config().environment().isDevelopment()
                || loaded.config().databaseConfig().url().isPresent()) {
            return loaded;
        }
        Path file = workingDirectory.resolve(FILE);
        Map<String, String> kept = read(file);
        if (create && !kept.keySet().containsAll(generated)) {
            generated.forEach(variable -> kept.computeIfAbsent(variable, DevelopmentSecrets::generate));
            write(file, kept);
        }
        if (kept.isEmpty()) {
            return loaded;
        }
        List<ConfigSource> layers = new ArrayList<>(sources.layers());
        layers.add(MapConfigSource.of(SOURCE_NAME, kept));
        LoadedConfig reloaded = ConfigLoader.load(LayeredConfigSource.of(layers.toArray(ConfigSource[]::new)));
        List<String> warnings = new ArrayList<>(reloaded.warnings());
        warnings.add("Development secrets (" + String.join(", ", generated) + ") are read from " + SOURCE_NAME
                + ", so the embedded database's encrypted data and issued tokens survive a restart; "
                + "delete it together with data/postgres to start afresh (development only)");
        return new LoadedConfig(reloaded.config(), reloaded.effectiveSettings(), warnings);
    }

    private static List<String> generated(LoadedConfig loaded) {
        return loaded.effectiveSettings().stream()
                .filter(setting -> setting.origin().equals("generated"))
                .map(EffectiveSetting::variable)
                .toList();
    }

    /** A fresh value made the way the catalogue generates this variable's development default. */
    private static String generate(String variable) {
        return ConfigCatalogue.find(variable).orElseThrow().defaultValue()
                .text(Environment.DEVELOPMENT, earlier -> null).orElseThrow();
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> values = new TreeMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new HostStartupException(ExitCode.CONFIGURATION, "Cannot read " + file + ": " + e.getMessage()
                    + "; delete it together with data/postgres to start afresh", e);
        }
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    /** Writes a temporary file, owner-only from its creation, then moves it over the old one. */
    private static void write(Path file, Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(temporary);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "ERP Core development secrets, generated once and reused while data/postgres "
                        + "lives. Never use them outside development.");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new HostStartupException(ExitCode.CONFIGURATION, "Cannot keep the development secrets in " + file
                    + ": " + e.getMessage(), e);
        }
    }
}
