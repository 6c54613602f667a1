package io.erpcore.config;

import io.erpcore.config.DatabaseUrl.HostAndPort;
import io.erpcore.config.internal.UriText;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Redis connection, {@code redis://[user][:password]@host[:port][/db]}, or {@code rediss://} for TLS.
 *
 * @param tls whether the scheme is {@code rediss://}
 * @param host a DNS name or an IP address; an IPv6 address is kept without its brackets
 * @param port from 1 to 65535, 6379 when the URL gives none
 * @param database the logical database number, 0 when the URL gives none
 * @param user the ACL user (Redis 6 and later); empty for the {@code default} user
 * @param password percent-decoded; empty when the URL gives none
 */
public record RedisUrl(boolean tls, String host, int port, int database, Optional<String> user, Optional<Secret> password) {

    private static final String EXAMPLE = "redis://:password@cache:6379/0";
    private static final int DEFAULT_PORT = 6379;

    /** Refuses an empty host, a port outside 1 to 65535 and a negative database number. */
    public RedisUrl {
        new HostAndPort(host, port); // for its host and port rules, which a Redis server shares
        if (database < 0) {
            throw new IllegalArgumentException(databaseRule());
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** Reads a {@code redis://} or {@code rediss://} URL; no message repeats any part of it. */
    public static RedisUrl parse(String text) {
        String url = text.strip();
        boolean tls = url.toLowerCase(Locale.ROOT).startsWith("rediss://");
        if (!tls && !url.toLowerCase(Locale.ROOT).startsWith("redis://")) {
            throw new IllegalArgumentException("must start with redis:// or rediss:// (TLS), as in " + EXAMPLE);
        }
        UriText.Parts parts = UriText.split(url.substring(url.indexOf("://") + 3));
        if (parts.query().isPresent()) {
            throw new IllegalArgumentException("must not have query parameters: redis://[user][:password]@host[:port][/db]");
        }
        UriText.Userinfo userinfo = UriText.Userinfo.parse(parts.userinfo());
        HostAndPort address = HostAndPort.parse(parts.authority(), DEFAULT_PORT, EXAMPLE);
        return new RedisUrl(tls, address.host(), address.port(), database(parts.path()),
                userinfo.user(), userinfo.password().map(Secret::of));
    }

    private static int database(String path) {
        String digits = path.isEmpty() ? "" : path.substring(1);
        if (digits.isEmpty()) {
            return 0;
        }
        if (digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(databaseRule());
        }
        return Integer.parseInt(digits);
    }

    private static String databaseRule() {
        return "must end with a database number of 0 or more after the host, as in " + EXAMPLE;
    }

    /** The URL with the password masked, port and database always written: {@code redis://:******@cache:6379/0}. */
    @Override
    public String toString() {
        String credentials = user.map(UriText::encode).orElse("") + password.map(secret -> ":" + Secret.MASK).orElse("");
        return (tls ? "rediss" : "redis") + "://" + (credentials.isEmpty() ? "" : credentials + "@")
                + new HostAndPort(host, port) + "/" + database;
    }
}
