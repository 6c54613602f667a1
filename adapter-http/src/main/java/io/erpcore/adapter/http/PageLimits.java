package io.erpcore.adapter.http;

import io.javalin.http.Context;
import java.util.List;

/** The {@code ?limit=} of a list: 1 to the list's maximum, 20 when absent (DESIGN section 4). */
final class PageLimits {

    /** The page size when none is asked for. */
    static final int DEFAULT = 20;

    private PageLimits() {
    }

    /**
     * The request's limit.
     *
     * @throws ProblemException 400 {@code VALIDATION_FAILED} naming {@code limit} for anything but a whole number in 1..max
     */
    static int read(Context ctx, int max) {
        String text = ctx.queryParam("limit");
        if (text == null) {
            return Math.min(DEFAULT, max);
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ProblemException.validation("the query is not valid", List.of(new FieldError("limit",
                "must be a whole number from 1 to " + max)));
    }
}
