package io.erpcore.host;

import io.erpcore.config.LoadedConfig;
import io.erpcore.logging.StructuredLogger;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code erp-core db-check}: what the database phases of start-up would find, without changing
 * anything: each role's connection, the schema against this build's migrations, and the tenancy
 * lint. The report goes to standard output; the exit code is the one start-up would end with.
 */
@Command(name = "db-check", mixinStandardHelpOptions = true,
        description = "Connect as the runtime and owner roles, report the schema version and the tenancy lint; change nothing.")
final class DbCheckCommand implements Callable<Integer> {

    @Option(names = "--env", paramLabel = "APP_ENV", description = "Sets APP_ENV: development, staging or production.")
    private String environment;

    private final ErpCoreCommand parent;

    DbCheckCommand(ErpCoreCommand parent) {
        this.parent = parent;
    }

    @Override
    public Integer call() {
        return parent.withConfig(environment, "ERP Core cannot check the database.", this::check);
    }

    private int check(LoadedConfig loaded) {
        StructuredLogger log = HostLogging.start(loaded);
        try (HostDatabase database = HostDatabase.locate(loaded.config(), parent.process().workingDirectory(), log)) {
            DatabaseCheck.Result result = DatabaseCheck.run(loaded.config(), database);
            parent.process().out().print(result.text());
            return result.exitCode();
        } catch (HostStartupException e) {
            log.error(e.getMessage(), Map.of("exitCode", e.exitCode()));
            return e.exitCode();
        } finally {
            HostLogging.stop();
        }
    }
}
