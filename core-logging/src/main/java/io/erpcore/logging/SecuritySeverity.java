package io.erpcore.logging;

/** How serious a security event is: LOW and MEDIUM log at WARN, HIGH and CRITICAL at ERROR. */
public enum SecuritySeverity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
