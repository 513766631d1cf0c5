package dev.nano.oracle.sizes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.oracle.family.Section;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The size cases' part of the report: how many of them (each on one thread and on two) nano answers
 * as PyTorch does.
 *
 * @param rows one row per case and thread count
 */
public record SizeSection(List<Row> rows) implements Section {

    /**
     * One case on one thread count.
     * @param name    e.g. {@code matmul[(33,131)@(131,67)] on 2 threads}
     * @param problem what differs, or null
     */
    public record Row(String name, String problem) {
    }

    @Override
    public List<String> failures() {
        return rows.stream().map(Row::problem).filter(Objects::nonNull).toList();
    }

    @Override
    public boolean complete() {
        return failures().isEmpty();
    }

    private String summary() {
        return String.format(Locale.ROOT, "%d of %d runs of the size cases (%d cases past every threshold of nano's "
                + "kernels, each on 1 and 2 threads) agree with PyTorch", rows.size() - failures().size(), rows.size(),
                rows.size() / SizeClassFamily.THREADS.length);
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder("\nSize classes (large inputs, 1 and 2 threads):\n  ").append(summary())
                .append('\n');
        failures().forEach(f -> out.append("  FAIL ").append(f).append('\n'));
        return out.toString();
    }

    @Override
    public String markdown() {
        StringBuilder out = new StringBuilder("\n## Size classes\n\n").append(summary()).append(".\n");
        failures().forEach(f -> out.append("\n- FAIL ").append(f));
        return out.append('\n').toString();
    }

    @Override
    public String html() {
        StringBuilder out = new StringBuilder("<h2>Size classes</h2>\n<p>").append(summary()).append(".</p>\n");
        failures().forEach(f -> out.append("<p>FAIL ").append(f.replace("<", "&lt;")).append("</p>\n"));
        return out.toString();
    }

    @Override
    public void json(ObjectNode root) {
        ObjectNode sizes = root.putObject("sizes");
        sizes.put("runs", rows.size());
        sizes.put("agreeingRuns", rows.size() - failures().size());
    }
}
