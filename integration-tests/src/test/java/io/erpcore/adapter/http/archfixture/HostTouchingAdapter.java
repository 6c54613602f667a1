package io.erpcore.adapter.http.archfixture;

import io.erpcore.host.archfixture.HostWiring;

/** Violates: an adapter that touches the host. */
public final class HostTouchingAdapter {

    public String describe(HostWiring host) {
        return host.toString();
    }
}
