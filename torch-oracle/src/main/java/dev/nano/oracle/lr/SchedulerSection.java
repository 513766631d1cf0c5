package dev.nano.oracle.lr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.oracle.family.Section;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The schedulers' part of the report: how many configurations and values nano computes exactly as the
 * transcription of torch/optim/lr_scheduler.py does.
 *
 * @param rows one row per configuration
 */
public record SchedulerSection(List<LrComparison.Row> rows) implements Section {

    @Override
    public List<String> failures() {
        return rows.stream().map(LrComparison.Row::problem).filter(Objects::nonNull).toList();
    }

    @Override
    public boolean complete() {
        return rows.stream().allMatch(LrComparison.Row::ok);
    }

    private String summary() {
        
        return String.format(Locale.ROOT, "%d of %d configurations agree with the transcription of "
                        + "torch/optim/lr_scheduler.py (PyTorch's schedulers are Python only); %d of %d learning rates "
                        + "and momenta bit for bit, warnings and errors with PyTorch's wording",
                rows.stream().filter(LrComparison.Row::ok).count(), rows.size(),
                rows.stream().mapToLong(LrComparison.Row::exact).sum(),
                rows.stream().mapToLong(LrComparison.Row::values).sum());
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder("\nLR schedulers (nano vs a transcription of lr_scheduler.py):\n  ")
                .append(summary()).append('\n');
        failures().forEach(f -> out.append("  FAIL ").append(f).append('\n'));
        return out.toString();
    }

    @Override
    public String markdown() {
        StringBuilder out = new StringBuilder("\n## LR schedulers\n\n").append(summary()).append(".\n");
        failures().forEach(f -> out.append("\n- FAIL ").append(f));
        return out.append('\n').toString();
    }

    @Override
    public String html() {
        StringBuilder out = new StringBuilder("<h2>LR schedulers</h2>\n<p>").append(summary()).append(".</p>\n");
        failures().forEach(f -> out.append("<p>FAIL ").append(f.replace("<", "&lt;")).append("</p>\n"));
        return out.toString();
    }

    @Override
    public void json(ObjectNode root) {
        ObjectNode s = root.putObject("schedulers");
        s.put("configurations", rows.size());
        s.put("agreeingConfigurations", rows.stream().filter(LrComparison.Row::ok).count());
        s.put("values", rows.stream().mapToLong(LrComparison.Row::values).sum());
        s.put("exactValues", rows.stream().mapToLong(LrComparison.Row::exact).sum());
    }
}
