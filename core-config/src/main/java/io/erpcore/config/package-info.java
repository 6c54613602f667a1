/** Configuration: sources, the variable catalogue, typed and validated config records. */
package io.erpcore.config;
