package io.erpcore.host;

import io.erpcore.adapter.micrometer.MicrometerMetricsSink;
import io.erpcore.config.AppConfig;
import io.erpcore.config.ConfigLoader;
import io.erpcore.config.ConfigSources;
import io.erpcore.config.ConfigurationException;
import io.erpcore.config.LayeredConfigSource;
import io.erpcore.config.LoadedConfig;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.metrics.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The {@code erp-core} command line. Flags override every other configuration source; the
 * variables themselves are listed by {@code --help}, from the same catalogue the binder uses.
 */
@Command(name = "erp-core",
        mixinStandardHelpOptions = true,
        versionProvider = ErpCoreCommand.Version.class,
        sortOptions = false,
        usageHelpWidth = 100,
        exitCodeOnInvalidInput = ExitCode.USAGE,
        description = "Runs the ERP Core API. Configuration comes from, highest first: these flags, "
                + "system properties (-DNAME=value), the environment, ./.env, then the defaults below.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:clean stop (SIGTERM, SIGINT), or the command did what was asked",
            "64:the command line is wrong",
            "65:the tenancy lint failed outside development",
            "69:the database cannot be reached",
            "70:a migration failed",
            "75:the port is in use",
            "78:the configuration is invalid; every violation is listed"})
final class ErpCoreCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "Sets PORT.")
    private String port;

    @Option(names = "--host", paramLabel = "HOST", description = "Sets HOST.")
    private String host;

    @Option(names = "--env", paramLabel = "APP_ENV", description = "Sets APP_ENV: development, staging or production.")
    private String environment;

    @Option(names = "--validate-config",
            description = "Print the effective configuration, secrets masked, with the source of every value; then exit.")
    private boolean validateConfig;

    private final HostEnvironment process;

    private ErpCoreCommand(HostEnvironment process) {
        this.process = process;
    }

    /** Runs the command and returns the process exit code. */
    static int run(String[] args, HostEnvironment process) {
        CommandLine commandLine = new CommandLine(new ErpCoreCommand(process))
                .setOut(process.out())
                .setErr(process.err());
        commandLine.getHelpSectionMap().put(CatalogueHelp.SECTION, help -> CatalogueHelp.render());
        List<String> sections = new ArrayList<>(commandLine.getHelpSectionKeys());
        sections.add(CatalogueHelp.SECTION);
        commandLine.setHelpSectionKeys(sections);
        // Picocli answers a failure of the command itself with 1; this covers an error that escapes it.
        int exitCode = CommandLine.ExitCode.SOFTWARE;
        try {
            exitCode = commandLine.execute(args);
        } finally {
            process.out().flush();
            process.err().flush();
            process.stopSignal().finished(exitCode);
        }
        return exitCode;
    }

    @Override
    public Integer call() {
        LoadedConfig loaded;
        try {
            LayeredConfigSource sources = ConfigSources.standard(flags(), process.variables(), process.workingDirectory());
            loaded = DevelopmentSecrets.apply(ConfigLoader.load(sources), sources, process.workingDirectory(), !validateConfig);
        } catch (ConfigurationException invalid) {
            process.err().println("ERP Core cannot start. " + invalid.getMessage());
            return ExitCode.CONFIGURATION;
        } catch (HostStartupException e) {
            process.err().println("ERP Core cannot start. " + e.getMessage());
            return e.exitCode();
        }
        if (validateConfig) {
            loaded.warnings().forEach(warning -> process.err().println("WARNING: " + warning));
            process.out().print(ConfigurationReport.render(loaded));
            return ExitCode.OK;
        }
        return start(loaded);
    }

    /**
     * The start-up phases so far (logging, metrics, database, HTTP), then serving until the stop
     * signal; the stop closes them in reverse: the HTTP server, the audit head publisher, the
     * database, the metrics, and logging last. Bootstrap phases and the graceful drain come later.
     */
    private int start(LoadedConfig loaded) {
        AppConfig config = loaded.config();
        StructuredLogger log = HostLogging.start(loaded);
        try (MicrometerMetricsSink sink = MicrometerMetricsSink.prometheus()) {
            Metrics metrics = Metrics.create(sink, config.metricsConfig());
            try (HostDatabase database = HostDatabase.start(config, process.workingDirectory(), metrics, sink.registry(), log);
                    HostHttp http = HostHttp.start(config, metrics, sink, database.runtime(), log)) {
                process.stopSignal().awaitRequest();
                log.info("ERP Core is stopping");
            }
        } catch (HostStartupException e) {
            log.error(e.getMessage(), Map.of("exitCode", e.exitCode()));
            HostLogging.stop();
            return e.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("ERP Core stopped");
        HostLogging.stop();
        return ExitCode.OK;
    }

    /** The flags that were given, under the names of the variables they set. */
    private Map<String, String> flags() {
        Map<String, String> values = new LinkedHashMap<>();
        if (port != null) {
            values.put("PORT", port);
        }
        if (host != null) {
            values.put("HOST", host);
        }
        if (environment != null) {
            values.put("APP_ENV", environment);
        }
        return values;
    }

    /** The version from the jar manifest, or a marker when running from unpackaged classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ErpCoreCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ERP Core " + (version == null ? "(unpackaged build)" : version)};
        }
    }
}
