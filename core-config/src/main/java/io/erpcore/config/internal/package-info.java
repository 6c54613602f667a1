/** Helpers of core-config that are not part of its API: other modules never import them. */
package io.erpcore.config.internal;
