/**
 * Helpers of the tenancy lint that know nothing of it: reading policy expressions as PostgreSQL
 * prints them. Nothing here refers back to {@code io.erpcore.persistence}.
 */
package io.erpcore.persistence.lint;
