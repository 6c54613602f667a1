package io.erpcore.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.config.AppConfig;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * How Javalin and Jetty are set up: no banner, no server version, no header-value cache, Jetty's
 * refusals as problems, the body limit, gzip above 1 KB.
 */
final class ServerSettings {

    private static final int COMPRESS_ABOVE_BYTES = 1024;

    private ServerSettings() {
    }

    static void apply(JavalinConfig javalin, AppConfig config, ObjectMapper json, QueuedThreadPool threads,
            ProblemResponses problems) {
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.jetty.threadPool = threads;
        javalin.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblemErrors(problems)));
        javalin.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            // Jetty remembers recent header values per connection; every request here carries its
            // own bearer token, which overflows that memory within a few requests, and Jetty then
            // wipes and refills it: a cost on every request and no hit to show for it.
            http.setHeaderCacheSize(0);
        });
        javalin.jsonMapper(new JavalinJackson(json, false));
        javalin.http.prefer405over404 = true;
        javalin.http.maxRequestSize = config.requestLimitConfig().bodyLimit().bytes();
        javalin.http.defaultContentType = "application/json";
        CompressionStrategy compression = config.serverConfig().compressionEnabled()
                ? new CompressionStrategy(null, new Gzip(6)) : CompressionStrategy.NONE;
        compression.setDefaultMinSizeForCompression(COMPRESS_ABOVE_BYTES);
        javalin.http.compressionStrategy = compression;
    }
}
