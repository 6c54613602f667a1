package io.erpcore.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 10,000 most common passwords, read from {@value #RESOURCE} the first time one is looked up
 * (the holder idiom: the JVM loads the nested class once, on first use, thread-safely), and kept
 * in lower case.
 */
final class CommonPasswords {

    static final String RESOURCE = "common-passwords.txt";

    private CommonPasswords() {
    }

    /** Whether {@code password}, ignoring case, is on the list. */
    static boolean contains(String password) {
        return Holder.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    /** How many distinct (lower-cased) passwords the list holds. */
    static int size() {
        return Holder.PASSWORDS.size();
    }

    private static final class Holder {
        static final Set<String> PASSWORDS = load();
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource io/erpcore/security/" + RESOURCE + " is missing from core-security");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> passwords = new HashSet<>(16_384);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read io/erpcore/security/" + RESOURCE, e);
        }
    }
}
