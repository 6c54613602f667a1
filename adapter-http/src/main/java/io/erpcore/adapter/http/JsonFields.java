package io.erpcore.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.erpcore.tenancy.InvalidTenantException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object body read field by field, collecting every problem so that one 400
 * {@code VALIDATION_FAILED} names them all. Binding straight to a record would stop at the first
 * wrong type or unknown field; reading the tree lets a caller see every mistake at once. Fields of
 * nested objects are named by their path ({@code admin.email}) and share the parent's problems.
 * Not thread-safe: one per request.
 */
final class JsonFields {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final int MAX_LIST = 50;
    private static final char NUL = '\0';
    private static final String NO_NUL = "must not contain the NUL character (\\u0000)";
    private static final String NO_LONE_SURROGATE =
            "must be well-formed Unicode, without an unpaired surrogate (\\ud800 to \\udfff)";

    private final ObjectNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonFields(ObjectNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    /**
     * The request's body as a JSON object.
     *
     * @throws ProblemException 400 {@code MALFORMED_JSON} for an empty body, text that is not JSON,
     *     a repeated field or anything after the value; 400 {@code VALIDATION_FAILED} for JSON that
     *     is not an object
     */
    static JsonFields read(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.bodyAsBytes());
        } catch (JsonProcessingException malformed) {
            throw ErrorCode.MALFORMED_JSON.problem("the request body is not valid JSON");
        } catch (IOException unreadable) {
            throw ErrorCode.MALFORMED_REQUEST.problem("the request body could not be read");
        }
        if (body == null || body.isMissingNode()) {
            throw ErrorCode.MALFORMED_JSON.problem("the request body is empty; send a JSON object");
        }
        if (!(body instanceof ObjectNode object)) {
            throw ProblemException.validation("the request body must be a JSON object", List.of());
        }
        return new JsonFields(object, "", new ArrayList<>());
    }

    /** Refuses every field not in {@code known}: a misspelt field must not be ignored silently. */
    JsonFields onlyKnown(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                add(name, "is not a known field");
            }
        }
        return this;
    }

    /** Whether the body has field {@code name}, null or not. */
    boolean has(String name) {
        return node.has(name);
    }

    /** Whether the body has field {@code name} set to null. */
    boolean isNull(String name) {
        return node.has(name) && node.get(name).isNull();
    }

    /** A string field that must be present and not null. */
    Optional<String> requiredText(String name) {
        if (!node.has(name) || node.get(name).isNull()) {
            add(name, "is required");
            return Optional.empty();
        }
        return optionalText(name);
    }

    /**
     * A string field that may be absent; when present it must be a string without the NUL
     * character, which PostgreSQL cannot store in text and would answer with an error, and without
     * an unpaired surrogate (JSON can escape one, UTF-8 cannot encode it: it would be stored as '?').
     */
    Optional<String> optionalText(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            add(name, "must be a string");
            return Optional.empty();
        }
        return storable(name, value.textValue());
    }

    /** {@code text}, unless it holds what PostgreSQL's text cannot: then the problem of {@code name}, and empty. */
    private Optional<String> storable(String name, String text) {
        if (text.indexOf(NUL) >= 0) {
            add(name, NO_NUL);
            return Optional.empty();
        }
        if (hasUnpairedSurrogate(text)) {
            add(name, NO_LONE_SURROGATE);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A boolean field that may be absent; when present it must be {@code true} or {@code false}. */
    Optional<Boolean> optionalBoolean(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            add(name, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    /** A list of strings that may be absent; when present it must be an array of strings, at most 50. */
    Optional<List<String>> optionalTextList(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray() || value.size() > MAX_LIST) {
            add(name, "must be an array of at most " + MAX_LIST + " strings");
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                add(name, "must be an array of at most " + MAX_LIST + " strings");
                return Optional.empty();
            }
            Optional<String> text = storable(name, item.textValue());
            if (text.isEmpty()) {
                return Optional.empty();
            }
            texts.add(text.get());
        }
        return Optional.of(texts);
    }

    /** A whole number that fits an {@code int}, when present; null counts as absent. */
    Optional<Integer> optionalInt(String name, String rule) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            add(name, rule);
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    /** A nested object that must be present, read with the same problems as this one. */
    Optional<JsonFields> requiredObject(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            add(name, "is required");
            return Optional.empty();
        }
        if (!(value instanceof ObjectNode object)) {
            add(name, "must be an object");
            return Optional.empty();
        }
        return Optional.of(new JsonFields(object, prefix + name + ".", errors));
    }

    /** Runs {@code rule}, recording the message of a refusal by a value's own rules as the problem of {@code name}. */
    void check(String name, Runnable rule) {
        try {
            rule.run();
        } catch (IllegalArgumentException | InvalidTenantException broken) {
            add(name, broken.getMessage());
        }
    }

    /** Records a problem with field {@code name} of this object. */
    void add(String name, String message) {
        errors.add(new FieldError(prefix + name, message));
    }

    /** Answers 400 {@code VALIDATION_FAILED} with every problem, if there is any. */
    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.validation("the request body is not valid", errors);
        }
    }
}
