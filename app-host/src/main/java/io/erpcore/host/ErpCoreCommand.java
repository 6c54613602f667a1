package io.erpcore.host;

import io.erpcore.config.ConfigLoader;
import io.erpcore.config.ConfigSources;
import io.erpcore.config.ConfigurationException;
import io.erpcore.config.LayeredConfigSource;
import io.erpcore.config.LoadedConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
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
            "  0:clean stop (SIGTERM, SIGINT), or the command did what was asked",
            "  1:an unexpected failure; the log has the stack trace",
            " 64:the command line is wrong",
            " 65:the tenancy lint failed outside development",
            " 69:the database is unreachable for DATABASE_STARTUP_TIMEOUT or refuses the login; or readiness fails at start",
            " 70:a migration failed, or (db-check) migrations are pending that start-up would not apply",
            " 75:the port is in use",
            " 78:the configuration is invalid; every violation is listed",
            "124:the graceful stop took longer than SHUTDOWN_TIMEOUT_MS; the log names what was still running"})
final class ErpCoreCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "Sets PORT.")
    private String port;

    @Option(names = "--host", paramLabel = "HOST", description = "Sets HOST.")
    private String host;

    @Option(names = "--env", paramLabel = "APP_ENV", description = "Sets APP_ENV: development, staging or production.")
    private String environment;

    @Option(names = "--skip-health",
            description = "Listen without waiting for a first passing round of health checks; readiness answers 503 until one passes.")
    private boolean skipHealth;

    @Option(names = "--start-then-stop",
            description = "Run every start-up phase and listen, then stop gracefully at once: exit 0 when this "
                    + "configuration can serve. The image build uses it to record its class-data archive.")
    private boolean startThenStop;

    @Option(names = "--validate-config",
            description = "Print the effective configuration, secrets masked, with the source of every value; then exit.")
    private boolean validateConfig;

    private final HostEnvironment process;

    private ErpCoreCommand(HostEnvironment process) {
        this.process = process;
    }

    /** Runs the command and returns the process exit code. */
    static int run(String[] args, HostEnvironment process) {
        ErpCoreCommand command = new ErpCoreCommand(process);
        CommandLine commandLine = new CommandLine(command)
                .addSubcommand("migrate", new MigrateCommand(command))
                .addSubcommand("db-check", new DbCheckCommand(command))
                .setOut(process.out())
                .setErr(process.err());
        commandLine.getHelpSectionMap().put(CatalogueHelp.SECTION, help -> CatalogueHelp.render());
        List<String> sections = new ArrayList<>(commandLine.getHelpSectionKeys());
        sections.add(CatalogueHelp.SECTION);
        commandLine.setHelpSectionKeys(sections);
        // Picocli answers a failure of the command itself with 1; this covers an error that escapes it.
        int exitCode = ExitCode.UNEXPECTED;
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
        if (validateConfig) {
            return validateConfig();
        }
        BootstrapOptions options = new BootstrapOptions(flags(), process.variables(), process.workingDirectory(),
                skipHealth, false);
        RunningServer server;
        try {
            AppContext context = ErpCore.bootstrap(options);
            server = ErpCore.startServer(context, context.config().serverConfig().port(), context.config().serverConfig().host());
        } catch (BootstrapException e) {
            if (e.phase() == StartupPhase.CONFIG) {
                // Logging is not configured before the configuration is read: standard error it is.
                process.err().println("ERP Core cannot start. " + e.getCause().getMessage());
            }
            return e.exitCode();
        }
        // Readiness turns 503 on the signal's own thread: waking this one can take a while on a busy machine.
        process.stopSignal().whenRequested(server::startDraining);
        if (startThenStop) {
            process.stopSignal().request();
        }
        try {
            process.stopSignal().awaitRequest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StopReport report = server.stop();
        if (!report.completed()) {
            HostLogging.stop();
            return ExitCode.SHUTDOWN_TIMED_OUT;
        }
        return ExitCode.OK;
    }

    private int validateConfig() {
        LoadedConfig loaded;
        try {
            loaded = loadWithoutCreating();
        } catch (ConfigurationException | HostStartupException invalid) {
            process.err().println("ERP Core cannot start. " + invalid.getMessage());
            return invalid instanceof HostStartupException startup ? startup.exitCode() : ExitCode.CONFIGURATION;
        }
        loaded.warnings().forEach(warning -> process.err().println("WARNING: " + warning));
        process.out().print(ConfigurationReport.render(loaded));
        return ExitCode.OK;
    }

    /** The configuration for a command that must not write development secrets: they are made by a start only. */
    LoadedConfig loadWithoutCreating() {
        LayeredConfigSource sources = ConfigSources.standard(flags(), process.variables(), process.workingDirectory());
        return DevelopmentSecrets.apply(ConfigLoader.load(sources), sources, process.workingDirectory(), false);
    }

    HostEnvironment process() {
        return process;
    }

    /**
     * Runs a sub-command on the configuration, with {@code APP_ENV} from its own {@code --env}
     * when given; when the configuration is invalid, prints why after {@code cannot} and returns 78.
     */
    int withConfig(String environmentFlag, String cannot, ToIntFunction<LoadedConfig> command) {
        if (environmentFlag != null) {
            environment = environmentFlag;
        }
        LoadedConfig loaded;
        try {
            loaded = loadWithoutCreating();
        } catch (ConfigurationException | HostStartupException invalid) {
            process.err().println(cannot + " " + invalid.getMessage());
            return invalid instanceof HostStartupException startup ? startup.exitCode() : ExitCode.CONFIGURATION;
        }
        return command.applyAsInt(loaded);
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
            return new String[] {"ERP Core " + HostVersion.current()};
        }
    }
}
