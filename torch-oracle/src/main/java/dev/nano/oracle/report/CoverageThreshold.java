package dev.nano.oracle.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * Fails the build when nano-core's line or branch coverage (JaCoCo's aggregate CSV, counting the
 * tests of both modules) is below the minimum. JaCoCo's own {@code check} goal cannot read an
 * aggregate report, hence this.
 *
 * <p>Arguments: the CSV path, the minimum line ratio, the minimum branch ratio.
 */
public final class CoverageThreshold {
    private CoverageThreshold() {
    }

    /**
     * The build gate: fails when an operator lacks evidence without a written reason.
     * @param args none
     * @throws java.io.IOException if the report cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path csv = Paths.get(args[0]);
        double minLine = Double.parseDouble(args[1]);
        double minBranch = Double.parseDouble(args[2]);
        if (!Files.isRegularFile(csv)) {
            throw new IllegalStateException("coverage: " + csv + " is missing (did JaCoCo's report-aggregate run?)");
        }
        long[] totals = new long[4]; // branch missed, branch covered, line missed, line covered
        List<String> lines = Files.readAllLines(csv);
        // GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            totals[0] += Long.parseLong(f[5]);
            totals[1] += Long.parseLong(f[6]);
            totals[2] += Long.parseLong(f[7]);
            totals[3] += Long.parseLong(f[8]);
        }
        double branch = ratio(totals[1], totals[0]);
        double lineRatio = ratio(totals[3], totals[2]);
        String summary = String.format(Locale.ROOT, "nano-core coverage: lines %.2f%% (minimum %.0f%%), branches %.2f%% "
                + "(minimum %.0f%%); report: %s", 100 * lineRatio, 100 * minLine, 100 * branch, 100 * minBranch,
                csv.getParent().resolve("index.html"));
        System.out.println(summary);
        if (lineRatio < minLine || branch < minBranch) {
            throw new IllegalStateException("Coverage below the minimum. " + summary);
        }
    }

    private static double ratio(long covered, long missed) {
        return covered + missed == 0 ? 1 : (double) covered / (covered + missed);
    }
}
