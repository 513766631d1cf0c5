package dev.nano.oracle.report;

import dev.nano.oracle.Families;
import dev.nano.oracle.family.Family;
import dev.nano.oracle.family.Picture;
import dev.nano.oracle.family.Section;
import dev.nano.oracle.fixtures.FixtureStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scripts/coverage-gaps}: operator by operator, how far nano is proven equal to PyTorch.
 *
 * <p>Runs every catalogue case through nano against its committed PyTorch fixture (and the
 * finite-difference check where it applies) — no libtorch needed — then prints one row per
 * operator of nano and writes the same as Markdown, JSON and HTML under
 * {@code torch-oracle/target/coverage/}.
 */
public final class Report {
    private Report() {
    }

    /**
     * Prints the report, writes it under {@code torch-oracle/target/coverage/} with its pictures,
     * and exits with status 1 when any case fails or any evidence is missing, 0 otherwise.
     * @param args none
     */
    public static void main(String[] args) {
        FixtureStore store = FixtureStore.locate();
        Path dir = store.root().getParent().resolve("torch-oracle").resolve("target").resolve("coverage");
        int status = write(store, dir);
        System.out.flush();
        System.exit(status);
    }

    /** Runs every family's section, writes the report into {@code dir}, and returns the exit status. */
    static int write(FixtureStore store, Path dir) {
        List<Section> sections = new ArrayList<>();
        for (Family family : Families.ALL) {
            sections.add(family.report(store));
        }
        System.err.println("drawing the pictures...");
        List<Picture> pictures = new ArrayList<>();
        for (Section section : sections) {
            pictures.addAll(section.pictures(dir));
        }
        ReportWriter writer = new ReportWriter(sections, pictures);
        System.out.print(writer.text());
        write(dir.resolve("report.md"), writer.markdown());
        write(dir.resolve("report.json"), writer.json());
        write(dir.resolve("report.html"), writer.html());
        System.out.println("\nWritten: " + dir.resolve("report.md") + ", report.json, report.html and "
                + pictures.size() + " pictures (*.png) beside them");
        int status = exitStatus(sections, writer.moduleRows());
        if (status != 0) {
            System.out.println("coverage-gaps: exit status " + status + " (something fails or is missing; see above)");
        }
        return status;
    }

    /**
     * 0 when every family is complete (every case passes, every kind of evidence present or
     * excused, every optimizer hyperparameter covered, the MNIST runs match) and every nn module is
     * covered and passes; 1 otherwise.
     */
    static int exitStatus(List<Section> sections, List<ModuleCoverage.Row> moduleRows) {
        boolean ok = sections.stream().allMatch(s -> s.complete() && s.failures().isEmpty())
                && moduleRows.stream().allMatch(r -> r.status().startsWith("complete"));
        return ok ? 0 : 1;
    }

    private static void write(Path path, String text) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
