/** The standalone host: CLI, configuration loading, wiring and the process lifecycle. */
package io.erpcore.host;
