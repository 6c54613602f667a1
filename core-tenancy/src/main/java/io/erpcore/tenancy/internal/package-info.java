/**
 * Helpers of core-tenancy that are not part of its API: other modules never import them, and
 * nothing here refers back to {@code io.erpcore.tenancy}, so the two packages never form a cycle.
 */
package io.erpcore.tenancy.internal;
