package dev.nano.oracle.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nano.oracle.fixtures.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The committed result of the last {@code scripts/mutation-score} run
 * ({@code torch-oracle/src/main/resources/mutation-score.json}), read by the coverage report so that it
 * shows each operator's mutation score on a fresh clone without running PIT again.
 */
public final class MutationSummary {
    /** Where {@code scripts/mutation-score} writes the summary, relative to the repository root. */
    public static final String PATH = "torch-oracle/src/main/resources/mutation-score.json";

    private static final String RESOURCE = "/mutation-score.json";

    private final JsonNode root;

    private MutationSummary(JsonNode root) {
        this.root = root;
    }

    /**
     * The committed summary; an empty one if there is none yet.
     * @return the summary
     */
    public static MutationSummary committed() {
        try (InputStream in = MutationSummary.class.getResourceAsStream(RESOURCE)) {
            return new MutationSummary(in == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The commit the score was measured on, or "never measured".
     * @return the commit
     */
    public String measuredOn() {
        return root.path("measuredOn").asText("never measured");
    }

    /**
     * nano's overall score in words, e.g. {@code 93.1% of 4210 mutants killed (12 equivalent)}.
     * @return the score in words
     */
    public String overall() {
        JsonNode all = root.path("all");
        if (all.isMissingNode()) {
            return "not measured (run scripts/mutation-score)";
        }
        return String.format(Locale.ROOT, "%.1f%% of %d mutants killed (%d equivalent, %d surviving), measured on %s",
                100 * all.path("score").asDouble(), all.path("mutants").asInt() - all.path("equivalent").asInt(),
                all.path("equivalent").asInt(), all.path("survived").asInt() + all.path("noCoverage").asInt(),
                measuredOn());
    }

    /**
     * An operator's score as a cell, e.g. {@code 97% 35/36} (rounded down); "-" when no mutant was credited to it.
     * @param operator a catalogue operator's name
     * @return the cell
     */
    public String cell(String operator) {
        JsonNode op = root.path("operators").path(operator);
        if (op.isMissingNode()) {
            return "-";
        }
        int counted = op.path("mutants").asInt() - op.path("equivalent").asInt();
        int killed = op.path("killed").asInt();
        // Rounded down, so that 314 of 315 never reads as 100%.
        long percent = counted == 0 ? 100 : 100L * killed / counted;
        return String.format(Locale.ROOT, "%d%% %d/%d", percent, killed, counted);
    }

    /**
     * An operator's score in [0, 1], or NaN when no mutant was credited to it (for sorting).
     * @param operator a catalogue operator's name
     * @return the score
     */
    public double score(String operator) {
        JsonNode op = root.path("operators").path(operator);
        return op.isMissingNode() ? Double.NaN : op.path("score").asDouble();
    }
}
