package dev.nano.oracle.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.oracle.family.Picture;
import dev.nano.oracle.family.Section;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-to-end runs' part of the report: one row per MNIST run, its own table in every format
 * and its loss curves.
 *
 * @param rows one row per run
 */
public record EndToEndSection(List<EndToEndCoverage.Row> rows) implements Section {

    @Override
    public List<String> failures() {
        return EndToEndCoverage.failures(rows);
    }

    @Override
    public boolean complete() {
        return rows.stream().allMatch(EndToEndCoverage.Row::ok);
    }

    @Override
    public String text() {
        return "\nEnd to end (MNIST MLP, nano vs libtorch's recorded run):\n" + EndToEndCoverage.text(rows);
    }

    @Override
    public String markdown() {
        return EndToEndCoverage.markdown(rows);
    }

    @Override
    public String html() {
        return EndToEndCoverage.html(rows);
    }

    @Override
    public void json(ObjectNode root) {
        EndToEndCoverage.json(root, rows);
    }

    /** The loss curves of each run ({@link LossCurvePlot}, as scripts/train-mnist draws them). */
    @Override
    public List<Picture> pictures(Path dir) {
        List<Picture> out = new ArrayList<>();
        for (EndToEndCoverage.Row row : rows) {
            String file = "e2e-" + row.run() + "-loss.png";
            LossCurvePlot.write(row.run() + ", " + row.nano().steps() + " steps", row.nano(), row.torch(),
                    row.perEpoch(), dir.resolve(file));
            try {
                out.add(new Picture(row.run() + ": MNIST loss curves", "nano's loss per step drawn over "
                        + "libtorch's recorded run, and their difference with the tolerance and 1 ulp of the loss",
                        file, Files.readAllBytes(dir.resolve(file))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
