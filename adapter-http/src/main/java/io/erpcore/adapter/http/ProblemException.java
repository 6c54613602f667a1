package io.erpcore.adapter.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The adapter's one exception root: a request answered with an RFC 9457 problem. Steps and handlers
 * throw it; {@link ProblemResponses} writes it. Its message is the {@code detail}, which is shown to
 * the caller, so it must hold nothing internal.
 */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String title;
    private final transient List<FieldError> errors;
    private final transient Optional<Duration> retryAfter;

    private ProblemException(int status, String code, String title, String detail, List<FieldError> errors,
            Optional<Duration> retryAfter) {
        super(detail, null, false, false); // an answer, not a failure: no stack trace to fill
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem's status must be 4xx or 5xx but was " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.title = Objects.requireNonNull(title, "title");
        this.errors = List.copyOf(errors);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** A problem with a status, a stable code, a title and a detail. */
    public static ProblemException of(int status, String code, String title, String detail) {
        return new ProblemException(status, code, title, detail, List.of(), Optional.empty());
    }

    /** A 400 {@code VALIDATION_FAILED} listing every offending field. */
    public static ProblemException validation(String detail, List<FieldError> errors) {
        ErrorCode code = ErrorCode.VALIDATION_FAILED;
        return new ProblemException(code.status(), code.name(), code.title(), detail, errors, Optional.empty());
    }

    /** This problem, answered with {@code Retry-After} (for 429 and 503). */
    public ProblemException retryAfter(Duration wait) {
        return new ProblemException(status, code, title, getMessage(), errors, Optional.of(wait));
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The stable code. */
    public String code() {
        return code;
    }

    /** The title, fixed per code. */
    public String title() {
        return title;
    }

    /** The detail shown to the caller. */
    public String detail() {
        return getMessage();
    }

    /** The offending fields of a validation problem; empty otherwise. */
    public List<FieldError> errors() {
        return errors;
    }

    /** How long the caller should wait before retrying, when the answer says so. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
