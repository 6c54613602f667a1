package io.erpcore.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An amount of bytes written the way Express writes body limits: {@code 512kb}, {@code 1mb}. */
public record ByteSize(long bytes) {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|kb|mb|gb)?");
    private static final long KB = 1024;

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
    }

    /** Parses {@code 100}, {@code 100b}, {@code 512kb}, {@code 1mb}, {@code 2gb} (units of 1024). */
    public static ByteSize parse(String text) {
        Matcher size = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!size.matches()) {
            throw new IllegalArgumentException("must be a size such as 512kb or 1mb (units: b, kb, mb, gb)");
        }
        long amount = Long.parseLong(size.group(1));
        String unit = size.group(2) == null ? "b" : size.group(2);
        return new ByteSize(switch (unit) {
            case "kb" -> amount * KB;
            case "mb" -> amount * KB * KB;
            case "gb" -> amount * KB * KB * KB;
            default -> amount;
        });
    }

    public static ByteSize ofKilobytes(long kilobytes) {
        return new ByteSize(kilobytes * KB);
    }

    public static ByteSize ofMegabytes(long megabytes) {
        return new ByteSize(megabytes * KB * KB);
    }

    /** The largest unit that divides the size exactly: {@code 1mb}, {@code 1536kb}, {@code 100b}. */
    @Override
    public String toString() {
        if (bytes != 0 && bytes % (KB * KB * KB) == 0) {
            return bytes / (KB * KB * KB) + "gb";
        }
        if (bytes != 0 && bytes % (KB * KB) == 0) {
            return bytes / (KB * KB) + "mb";
        }
        if (bytes != 0 && bytes % KB == 0) {
            return bytes / KB + "kb";
        }
        return bytes + "b";
    }
}
