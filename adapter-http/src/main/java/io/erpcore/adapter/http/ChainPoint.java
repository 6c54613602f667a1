package io.erpcore.adapter.http;

/**
 * Where an embedding service's own middleware joins the chain of DESIGN section 4. Every point lies
 * on API routes only, after the general rate limit; the operational endpoints never reach them.
 */
public enum ChainPoint {
    /** After the general rate limit and slow-down, before authentication: sees anonymous requests. */
    BEFORE_AUTHENTICATION,
    /** After authentication, tenant resolution and the tenant's rate limit, before authorization. */
    AFTER_TENANT,
    /** After authorization, right before the route's handler. */
    BEFORE_HANDLER
}
