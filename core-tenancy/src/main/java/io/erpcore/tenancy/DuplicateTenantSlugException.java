package io.erpcore.tenancy;

/** A tenant cannot be stored because another tenant already has its slug; slugs are unique. */
public final class DuplicateTenantSlugException extends TenancyException {

    private static final long serialVersionUID = 1L;

    /** {@code slug} belongs to {@code owner} and cannot also be given to {@code newcomer}. */
    public DuplicateTenantSlugException(String slug, TenantId owner, TenantId newcomer) {
        super("'slug' '" + slug + "' already belongs to tenant '" + owner
                + "' and cannot also be given to tenant '" + newcomer + "'");
    }
}
