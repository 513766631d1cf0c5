package dev.nano.oracle.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The committed list of equivalent mutants ({@code scripts/mutation-equivalents.tsv}): mutants that
 * no test can kill because the changed program computes exactly what the original does. Each row
 * names the mutant (class, method, line, mutator) and says why; a listed mutant is reported apart
 * and left out of the score's denominator. A row that matches no surviving mutant is reported as
 * stale, so the list cannot silently outlive the code it describes.
 *
 * @param rows the listed mutants, in file order
 */
public record Equivalents(List<Row> rows) {

    /**
     * One listed mutant.
     *
     * @param mutatedClass binary name of the class
     * @param method       the mutated method
     * @param line         source line
     * @param mutator      PIT's mutator, short name
     * @param reason       why no test can kill it, starting with its kind ("equivalent:", "performance:", ...)
     */
    public record Row(String mutatedClass, String method, int line, String mutator, String reason) {
        boolean matches(Mutant m) {
            return m.mutatedClass().equals(mutatedClass) && m.method().equals(method) && m.line() == line
                    && m.mutator().equals(mutator);
        }

        @Override
        public String toString() {
            return mutatedClass + "." + method + ":" + line + " " + mutator;
        }
    }

    /**
     * Reads the list; '#' starts a comment line. A missing file is an empty list.
     * @param tsv the list's path
     * @return the rows read
     */
    public static Equivalents read(Path tsv) {
        if (!Files.exists(tsv)) {
            return new Equivalents(List.of());
        }
        List<Row> rows = new ArrayList<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 5 || f[4].isBlank()) {
                    throw new IllegalArgumentException(tsv + ":" + n + ": expected 5 tab-separated fields "
                            + "(class, method, line, mutator, reason) with a reason, got: " + line);
                }
                rows.add(new Row(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Equivalents(rows);
    }

    /**
     * The reason a surviving mutant is equivalent, if it is listed.
     * @param m a mutant of this run
     * @return its listed reason, or empty
     */
    public Optional<String> reasonFor(Mutant m) {
        return rows.stream().filter(r -> r.matches(m)).map(Row::reason).findFirst();
    }

    /**
     * Rows that match no surviving mutant of this run.
     * @param mutants every mutant of the run
     * @return the stale rows
     */
    public List<Row> stale(List<Mutant> mutants) {
        return rows.stream().filter(r -> mutants.stream().noneMatch(m -> !m.killed() && r.matches(m))).toList();
    }
}
