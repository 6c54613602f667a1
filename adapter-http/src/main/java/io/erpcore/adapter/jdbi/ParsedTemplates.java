package io.erpcore.adapter.jdbi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Keeps what a template engine parsed, as JDBI does for its own engine: wrapping the engine for a
 * scope would otherwise parse every statement's template again (an ANTLR lexer run per statement
 * for JDBI's default engine). Keyed by engine and template; bounded.
 */
final class ParsedTemplates {

    private static final int MAX_TEMPLATES = 4096;
    private static final Map<Key, Optional<Function<StatementContext, String>>> PARSED = new ConcurrentHashMap<>();

    private ParsedTemplates() {
    }

    /** {@code template} rendered by {@code engine} for {@code context}, parsing it once per engine. */
    static String render(TemplateEngine engine, String template, StatementContext context) {
        Key key = new Key(engine, template);
        Optional<Function<StatementContext, String>> parsed = PARSED.get(key);
        if (parsed == null) {
            parsed = engine.parse(template, context.getConfig());
            if (PARSED.size() < MAX_TEMPLATES) {
                PARSED.put(key, parsed);
            }
        }
        return parsed.isPresent() ? parsed.get().apply(context) : engine.render(template, context);
    }

    /** An engine instance (by identity) and a template. */
    private record Key(TemplateEngine engine, String template) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && engine == that.engine && template.equals(that.template);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(engine) * 31 + template.hashCode();
        }
    }
}
