/**
 * Helpers of core-logging that are not part of its API: other modules never import them, and
 * nothing here refers back to {@code io.erpcore.logging}.
 */
package io.erpcore.logging.internal;
