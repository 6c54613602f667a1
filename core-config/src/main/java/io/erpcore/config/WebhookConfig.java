package io.erpcore.config;

import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/** Webhook signing and how old a signed timestamp may be before it counts as a replay. */
public record WebhookConfig(
        @Variable("WEBHOOK_SECRET")
        Optional<@StrongSecret(minBytes = 32, groups = OutsideDevelopment.class) Secret> secret,
        @Variable("WEBHOOK_TOLERANCE") @DurationMin(seconds = 1) @DurationMax(hours = 1) Duration tolerance) {
}
