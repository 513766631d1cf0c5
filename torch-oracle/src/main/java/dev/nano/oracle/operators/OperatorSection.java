package dev.nano.oracle.operators;

import dev.nano.oracle.family.Picture;
import dev.nano.oracle.family.SharedTablesSection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators' part of the report: one row per operator, and the cases whose PyTorch answer
 * depends on libtorch's CPU dispatch. The report's shared tables show it (the summary line counts
 * operators, optimizers and modules together), so its own renderings are empty.
 *
 * @param rows            one row per operator of nano and per catalogue entry
 * @param kernelDependent each kernel-dependent case with what each dispatch answers differently
 */
public record OperatorSection(List<OperatorCoverage> rows, List<String> kernelDependent) implements SharedTablesSection {

    @Override
    public List<String> failures() {
        List<String> all = new ArrayList<>();
        rows.forEach(r -> all.addAll(r.failures()));
        return all;
    }

    @Override
    public boolean complete() {
        return rows.stream().allMatch(OperatorCoverage::complete);
    }

    /** How much of its tolerance each operator's cases use. */
    @Override
    public List<Picture> pictures(Path dir) {
        return List.of(MarginPicture.margins(rows, dir));
    }
}
