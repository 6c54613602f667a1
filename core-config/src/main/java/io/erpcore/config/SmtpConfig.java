package io.erpcore.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/** The outgoing mail server; without a host, e-mail is off. */
public record SmtpConfig(
        @Variable("SMTP_HOST") Optional<String> host,
        @Variable("SMTP_PORT") @Min(1) @Max(65535) int port,
        @Variable("SMTP_USER") Optional<String> user,
        @Variable("SMTP_PASSWORD")
        Optional<@StrongSecret(minBytes = 1, groups = OutsideDevelopment.class) Secret> password,
        @Variable("SMTP_FROM") Optional<@Email(message = "must be an e-mail address") String> from) {

    public boolean enabled() {
        return host.isPresent();
    }

    @Variable(value = "SMTP_FROM", reads = "SMTP_HOST")
    @AssertTrue(message = "is required when SMTP_HOST is set")
    public boolean isSenderGivenWithHost() {
        return host.isEmpty() || from.isPresent();
    }

    @Variable(value = "SMTP_PASSWORD", reads = "SMTP_USER")
    @AssertTrue(message = "must be set together with SMTP_USER, or both left unset")
    public boolean isUserGivenWithPassword() {
        return user.isPresent() == password.isPresent();
    }
}
