package io.erpcore.host;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * One in-process run of the command: its exit code and everything it printed. The stop signal is
 * raised from the start, so a host that starts to serve stops again at once.
 */
record HostRun(int exitCode, String out, String err) {

    static HostRun of(Map<String, String> environment, Path workingDirectory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = ErpCoreCommand.run(args, new HostEnvironment(environment, workingDirectory,
                new PrintWriter(out, true), new PrintWriter(err, true), StopSignal.raised()));
        return new HostRun(exitCode, out.toString(), err.toString());
    }
}
