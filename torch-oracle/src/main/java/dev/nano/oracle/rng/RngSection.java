package dev.nano.oracle.rng;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.oracle.family.Section;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The random streams' part of the report: how many cases and values nano draws exactly as libtorch does.
 *
 * @param rows one row per case
 */
public record RngSection(List<RngComparison.Row> rows) implements Section {

    @Override
    public List<String> failures() {
        return rows.stream().map(RngComparison.Row::problem).filter(Objects::nonNull).toList();
    }

    @Override
    public boolean complete() {
        return rows.stream().allMatch(RngComparison.Row::ok);
    }

    private long exactValues() {
        return rows.stream().mapToLong(RngComparison.Row::exact).sum();
    }

    private long values() {
        return rows.stream().mapToLong(RngComparison.Row::values).sum();
    }

    private String summary() {
        return String.format(Locale.ROOT, "%d of %d cases agree with libtorch after the same manual_seed; %d of %d "
                        + "values bit for bit, the rest within %.0f ulps (log/sin/cos, fused multiply-add)",
                rows.stream().filter(RngComparison.Row::ok).count(), rows.size(), exactValues(), values(),
                RngComparison.ULP_SLACK);
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder("\nRandom streams (nano's generator vs libtorch's CPU generator):\n  ")
                .append(summary()).append('\n');
        failures().forEach(f -> out.append("  FAIL ").append(f).append('\n'));
        return out.toString();
    }

    @Override
    public String markdown() {
        StringBuilder out = new StringBuilder("\n## Random streams\n\n").append(summary()).append(".\n");
        failures().forEach(f -> out.append("\n- FAIL ").append(f));
        return out.append('\n').toString();
    }

    @Override
    public String html() {
        StringBuilder out = new StringBuilder("<h2>Random streams</h2>\n<p>").append(summary()).append(".</p>\n");
        failures().forEach(f -> out.append("<p>FAIL ").append(f.replace("<", "&lt;")).append("</p>\n"));
        return out.toString();
    }

    @Override
    public void json(ObjectNode root) {
        ObjectNode rng = root.putObject("rng");
        rng.put("cases", rows.size());
        rng.put("agreeingCases", rows.stream().filter(RngComparison.Row::ok).count());
        rng.put("values", values());
        rng.put("exactValues", exactValues());
    }
}
