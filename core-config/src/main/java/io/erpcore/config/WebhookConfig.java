package io.erpcore.config;

import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Webhook signing: the secret that signs, the secrets retired by rotation (which still verify,
 * and which outgoing signatures still carry so that receivers not yet rotated keep accepting
 * them), and how old a signed timestamp may be before it counts as a replay.
 */
public record WebhookConfig(
        @Variable("WEBHOOK_SECRET")
        Optional<@StrongSecret(minBytes = 32, groups = OutsideDevelopment.class) Secret> secret,
        @Variable("WEBHOOK_PREVIOUS_SECRETS")
        List<@StrongSecret(minBytes = 32, groups = OutsideDevelopment.class) Secret> previousSecrets,
        @Variable("WEBHOOK_TOLERANCE") @DurationMin(seconds = 1) @DurationMax(hours = 1) Duration tolerance) {

    @Variable(value = "WEBHOOK_PREVIOUS_SECRETS", reads = "WEBHOOK_SECRET")
    @AssertTrue(message = "must only be set together with WEBHOOK_SECRET")
    public boolean isPreviousSecretsWithCurrent() {
        return previousSecrets.isEmpty() || secret.isPresent();
    }

    @Variable(value = "WEBHOOK_PREVIOUS_SECRETS", reads = "WEBHOOK_SECRET")
    @AssertTrue(message = "must list secrets that differ from each other and from WEBHOOK_SECRET")
    public boolean isEverySecretDistinct() {
        // Secret.equals compares in constant time, so distinct() does not time the values.
        return previousSecrets.stream().distinct().count() == previousSecrets.size()
                && secret.map(current -> !previousSecrets.contains(current)).orElse(true);
    }
}
