package io.erpcore.config;

import io.erpcore.config.internal.Placeholders;
import jakarta.validation.constraints.AssertTrue;
import java.util.Optional;

/** The Redis server shared by all replicas, if there is one. */
public record RedisConfig(@Variable("REDIS_URL") Optional<RedisUrl> url) {

    @Variable("REDIS_URL")
    @AssertTrue(groups = OutsideDevelopment.class, message = "must not use a placeholder password from the documentation")
    public boolean isPasswordReal() {
        return url.flatMap(RedisUrl::password).map(password -> !Placeholders.isPlaceholder(password.reveal())).orElse(true);
    }
}
