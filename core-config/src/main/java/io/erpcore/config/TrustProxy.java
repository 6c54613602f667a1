package io.erpcore.config;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which proxies in front of the server to believe about the client's address ({@code X-Forwarded-For}),
 * as the {@code TRUST_PROXY} setting writes it: {@code none}, a hop count, or a comma list of networks.
 */
public sealed interface TrustProxy permits TrustProxy.None, TrustProxy.Hops, TrustProxy.Networks {

    /** Trusts no proxy: the socket peer is the client, whatever the headers say. */
    record None() implements TrustProxy {

        /** {@code none}. */
        @Override
        public String toString() {
            return "none";
        }
    }

    /**
     * Trusts exactly {@code count} proxies in front of the server, whatever their addresses.
     *
     * @param count from 1 to 10; no proxy at all is {@link None}
     */
    record Hops(int count) implements TrustProxy {

        /** Refuses counts outside 1 to 10: more proxies than that is a typo, not a deployment. */
        public Hops {
            if (count < 1 || count > 10) {
                throw refused();
            }
        }

        /** The count, as {@code TRUST_PROXY} writes it. */
        @Override
        public String toString() {
            return Integer.toString(count);
        }
    }

    /**
     * Trusts peers inside these networks as proxies.
     *
     * @param blocks at least one network
     */
    record Networks(List<CidrBlock> blocks) implements TrustProxy {

        /** Copies the list, which must name at least one network. */
        public Networks {
            blocks = List.copyOf(blocks);
            if (blocks.isEmpty()) {
                throw refused();
            }
        }

        /** The comma list, as {@code TRUST_PROXY} writes it: {@code 10.0.0.0/8,192.168.0.0/16}. */
        @Override
        public String toString() {
            return blocks.stream().map(CidrBlock::toString).collect(Collectors.joining(","));
        }
    }

    /** The default: trust no proxy. */
    static TrustProxy none() {
        return new None();
    }

    /** Reads {@code none} (any case), a hop count ({@code 0} is none), or a comma list of CIDR blocks or addresses. */
    static TrustProxy parse(String text) {
        String setting = text.strip();
        if (setting.toLowerCase(Locale.ROOT).equals("none")) {
            return none();
        }
        if (setting.matches("[0-9]{1,2}")) {
            int count = Integer.parseInt(setting);
            return count == 0 ? none() : new Hops(count);
        }
        return new Networks(Stream.of(setting.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(TrustProxy::block)
                .toList());
    }

    private static CidrBlock block(String entry) {
        try {
            return CidrBlock.parse(entry);
        } catch (IllegalArgumentException e) {
            // Host bits and prefix lengths have their own, more precise messages; anything else is not a block at all.
            if (CidrBlock.NOT_A_BLOCK.equals(e.getMessage())) {
                throw refused();
            }
            throw e;
        }
    }

    private static IllegalArgumentException refused() {
        return new IllegalArgumentException(
                "must be none, a hop count from 1 to 10, or a comma list of CIDR blocks such as 10.0.0.0/8");
    }
}
