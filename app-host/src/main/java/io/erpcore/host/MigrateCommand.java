package io.erpcore.host;

import io.erpcore.config.AppConfig;
import io.erpcore.config.LoadedConfig;
import io.erpcore.logging.StructuredLogger;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code erp-core migrate}: the database and migration phases of start-up alone, for a deployment
 * that migrates in a job of its own before the replicas start (with {@code DATABASE_MIGRATE=false}
 * on them). Waits for the database like start-up, applies the migrations as the owner role and
 * runs the tenancy lint, fatal outside development; serves nothing.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply the migrations as the owner role (DATABASE_MIGRATION_URL) and run the tenancy lint; then exit.")
final class MigrateCommand implements Callable<Integer> {

    @Option(names = "--env", paramLabel = "APP_ENV", description = "Sets APP_ENV: development, staging or production.")
    private String environment;

    private final ErpCoreCommand parent;

    MigrateCommand(ErpCoreCommand parent) {
        this.parent = parent;
    }

    @Override
    public Integer call() {
        return parent.withConfig(environment, "ERP Core cannot migrate.", this::migrate);
    }

    private int migrate(LoadedConfig loaded) {
        AppConfig config = loaded.config();
        StructuredLogger log = HostLogging.start(loaded);
        StartupPhases phases = new StartupPhases();
        phases.logTo(log);
        try (HostDatabase database = phases.run(StartupPhase.DATABASE,
                () -> HostDatabase.reach(config, parent.process().workingDirectory(), log))) {
            int applied = phases.run(StartupPhase.MIGRATIONS, () -> {
                int count = database.migrate(log);
                database.lint(config, log);
                return count;
            });
            log.info("Migrations done: " + applied + " applied, and the tenancy lint passed");
            return ExitCode.OK;
        } catch (BootstrapException e) {
            log.error(e.getMessage(), Map.of("phase", e.phase().label(), "exitCode", e.exitCode()));
            return e.exitCode();
        } finally {
            HostLogging.stop();
        }
    }
}
