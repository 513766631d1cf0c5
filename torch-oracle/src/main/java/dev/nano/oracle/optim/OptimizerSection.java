package dev.nano.oracle.optim;

import dev.nano.oracle.family.Picture;
import dev.nano.oracle.family.SharedTablesSection;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The optimizers' part of the report: every run of the grid and one row per optimizer ×
 * hyperparameter. The report's shared tables show it, so its own renderings are empty.
 *
 * @param runs every configuration in every scenario, run through nano
 * @param rows one row per optimizer × hyperparameter
 */
public record OptimizerSection(List<OptimizerCoverage.Run> runs, List<OptimizerCoverage.Row> rows)
        implements SharedTablesSection {

    /** Each failing run as {@code optim <config> <scenario>: what differs}. */
    @Override
    public List<String> failures() {
        return runs.stream().map(OptimizerCoverage.Run::failure).filter(Objects::nonNull).map(f -> "optim " + f)
                .toList();
    }

    @Override
    public boolean complete() {
        return rows.stream().allMatch(r -> r.status().equals("complete"));
    }

    /** Per optimizer, nano's and PyTorch's trajectories and their difference. */
    @Override
    public List<Picture> pictures(Path dir) {
        return TrajectoryPictures.optimizers(runs, dir);
    }
}
