package dev.rollupstudio.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/** Jackson's parse errors as a sentence a user can act on: where, and what is wrong, without class names. */
public final class JsonErrors {
    private JsonErrors() {}

    public static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "too large or too deeply nested to read (" + clean(e.getOriginalMessage()) + ")";
        }
        String what = clean(e.getOriginalMessage());
        if (what.contains("Trailing token")) what = "there is text after the end of the JSON value";
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? "not valid JSON: " + what
                : "not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what;
    }

    /** Jackson names its own classes and settings in some messages; a user needs only the sentence. */
    private static String clean(String m) {
        if (m == null) return "unreadable";
        String first = m.split("\n")[0];
        return first.replaceAll("\\s*\\(?(?:use|Use|by using|via)\\b[^)]*\\b(?:com\\.fasterxml|StreamReadConstraints|JsonReadFeature|JsonParser)[^)]*\\)?", "")
                .replaceAll("[\\w.]*com\\.fasterxml[\\w.$]*", "the JSON reader")
                .replaceAll("\\bStreamReadConstraints\\.\\w+\\(?\\)?", "the reader's limit").trim();
    }
}
