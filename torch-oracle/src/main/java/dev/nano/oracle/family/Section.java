package dev.nano.oracle.family;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;

/**
 * A family's part of the coverage report ({@code scripts/coverage-gaps}): what failed, whether the
 * family is complete, and the section in each of the report's formats. The report writes the
 * sections in the order of {@code Families.ALL}.
 */
public interface Section {

    /**
     * Every failing case with what differs, e.g. {@code elu[edges]: grad of input 0: …}.
     * @return the failures, empty when everything passed
     */
    List<String> failures();

    /**
     * Whether every case passed and no evidence is missing.
     * @return true when the family is complete
     */
    boolean complete();

    /**
     * The section for the console.
     * @return plain text, empty when the report's shared tables show this family
     */
    String text();

    /**
     * The section in {@code report.md}.
     * @return Markdown, empty when the report's shared tables show this family
     */
    String markdown();

    /**
     * The section in {@code report.html}.
     * @return HTML, empty when the report's shared tables show this family
     */
    String html();

    /**
     * Draws the section's pictures into {@code dir}.
     * @param dir the report's folder
     * @return the pictures, in the order the report shows them
     */
    default List<Picture> pictures(Path dir) {
        return List.of();
    }

    /**
     * Adds the section's fields to {@code report.json}.
     * @param root the report's JSON object
     */
    void json(ObjectNode root);
}
