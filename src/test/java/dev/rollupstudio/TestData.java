package dev.rollupstudio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the conformance fixtures copied into src/test/resources. */
public final class TestData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestData() {}

    public static JsonNode json(String resource) {
        try (InputStream in = TestData.class.getResourceAsStream("/" + resource)) {
            if (in == null) throw new IllegalArgumentException("missing test resource " + resource);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
