package dev.nano.oracle.mutation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed result of the last {@code scripts/planted-bugs} run
 * ({@code torch-oracle/src/main/resources/planted-bugs.tsv}): per hand-planted bug of
 * {@code scripts/planted/}, whether torch-oracle's PyTorch evidence alone caught it. The report shows
 * it beside PIT's mutation score: PIT's mutants change one operator or branch, these bugs are of the
 * kinds PIT cannot make (sizes, layouts, long horizons, the last bits).
 */
public final class PlantedBugs {
    private static final String RESOURCE = "/planted-bugs.tsv";

    /**
     * One planted bug's outcome.
     *
     * @param patch  the patch's name, e.g. {@code 01-matmul-tail-columns}
     * @param kind   size, layout, time, last-bits or semantic
     * @param caught whether a PyTorch-evidence test failed with the bug planted
     * @param by     the first test that failed, or "-"
     * @param ran    false when the suite did not get to this bug (then {@code caught} is false)
     */
    public record Bug(String patch, String kind, boolean caught, String by, boolean ran) {
    }

    private final List<Bug> bugs;
    private final String run;

    private PlantedBugs(List<Bug> bugs, String run) {
        this.bugs = List.copyOf(bugs);
        this.run = run;
    }

    /**
     * The committed result; an empty one if the suite never ran.
     *
     * @return the result
     */
    public static PlantedBugs committed() {
        try (InputStream in = PlantedBugs.class.getResourceAsStream(RESOURCE)) {
            return in == null ? new PlantedBugs(List.of(), null) : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PlantedBugs read(InputStream in) throws IOException {
        List<Bug> bugs = new ArrayList<>();
        String run = null;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.startsWith("#")) {
                run = line.substring(1).trim();
            } else if (!line.isBlank() && !line.startsWith("patch\t")) {
                String[] f = line.split("\t");
                bugs.add(new Bug(f[0], f[1], f[2].equals("yes"), f.length > 3 ? f[3] : "-", !f[2].equals("not run")));
            }
        }
        return new PlantedBugs(bugs, run);
    }

    /**
     * Every bug's outcome, in the patches' order.
     *
     * @return a read-only list
     */
    public List<Bug> bugs() {
        return bugs;
    }

    /**
     * The report's line: how many were caught, overall and per kind, e.g.
     * {@code 18 of 22 caught by the PyTorch evidence alone (size 3/5, …)}.
     *
     * @return the line
     */
    public String overall() {
        if (bugs.isEmpty()) {
            return "never run";
        }
        Map<String, int[]> byKind = new TreeMap<>();
        List<Bug> ran = bugs.stream().filter(Bug::ran).toList();
        for (Bug b : ran) {
            int[] n = byKind.computeIfAbsent(b.kind(), k -> new int[2]);
            n[0] += b.caught() ? 1 : 0;
            n[1]++;
        }
        List<String> kinds = new ArrayList<>();
        byKind.forEach((k, n) -> kinds.add(k + " " + n[0] + "/" + n[1]));
        long caught = ran.stream().filter(Bug::caught).count();
        List<String> missed = ran.stream().filter(b -> !b.caught()).map(Bug::patch).toList();
        List<String> notRun = bugs.stream().filter(b -> !b.ran()).map(Bug::patch).toList();
        return caught + " of " + ran.size() + " run caught by the PyTorch evidence alone (" + String.join(", ", kinds)
                + ")" + (missed.isEmpty() ? "" : "; not caught: " + String.join(", ", missed))
                + (notRun.isEmpty() ? "" : "; not run: " + String.join(", ", notRun))
                + (run == null ? "" : " [" + run + "]");
    }
}
