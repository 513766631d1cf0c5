package dev.nano.oracle.report;

import dev.nano.oracle.e2e.EndToEndCoverage;
import dev.nano.oracle.e2e.LossCurvePlot;
import dev.nano.oracle.family.Picture;
import dev.nano.oracle.operators.OperatorCoverage;
import dev.nano.oracle.optim.OptimizerCoverage;
import dev.nano.oracle.optim.Trajectory;
import dev.nano.oracle.value.Tolerance;
import dev.nano.oracle.value.Value;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's pictures (XChart, PNG): how much of its tolerance each operator uses, the optimizer
 * trajectories of nano and PyTorch with their difference, and the MNIST loss curves. Each is written
 * into the report's directory and returned for embedding. Only {@code scripts/coverage-gaps} draws
 * them; the build's gate test never does.
 */
final class ReportPictures {
    /** Where a case whose values were bit-identical is drawn: log scales have no 0. */
    static final double EXACT = 1e-12;
    /** Where a bit-identical optimizer step is drawn: below any difference of values near 1 (ulp 2e-16). */
    static final double IDENTICAL_STEP = 1e-18;
    /** Where a NaN/inf mismatch (an infinite error) is drawn. */
    static final double NON_FINITE = 1e3;
    private static final String IDENTICAL = "bit-identical (at 1e-12)";
    private static final String WITHIN = "within tolerance";
    private static final String BEYOND = "beyond: fails";
    private static final String NON_FINITE_MISMATCH = "NaN/inf mismatch (at 1e3): fails";
    private static final Color TORCH = new Color(238, 76, 44);
    private static final Color NANO = new Color(31, 80, 160);
    private static final Color LIMIT = new Color(200, 40, 40);

    private ReportPictures() {
    }

    /**
     * One strip per operator: each dot a case, at the largest |nano − torch| ÷ (atol + rtol·|torch|)
     * of its values, on a log scale. Above the red line (1) a case fails; bit-identical cases sit on
     * the bottom row, NaN/inf mismatches on the top one. Two panels keep ~45 names legible each.
     */
    static Picture margins(List<OperatorCoverage> rows, Path dir) {
        List<OperatorCoverage> compared = rows.stream().filter(r -> !r.toleranceUsed().isEmpty()).toList();
        return save(List.of(marginChart(compared)), 1, 1, dir, "tolerance-margins.png",
                "How close each operator runs to its tolerance",
                "each dot is one case: its largest |nano − torch| ÷ (atol + rtol·|torch|), log scale; right of the "
                        + "red line a case fails; left column (drawn at 1e-12): every value bit-identical; right "
                        + "column (drawn at 1e3): a NaN/inf mismatch");
    }

    /** Operators down the y axis (horizontal names stay legible), error ÷ tolerance along x. */
    private static XYChart marginChart(List<OperatorCoverage> ops) {
        int n = ops.size();
        XYChart chart = new XYChartBuilder().width(1300).height(260 + 16 * n)
                .title("error ÷ tolerance per case, " + n + " operators").xAxisTitle("error ÷ tolerance (log scale)")
                .yAxisTitle("").build();
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        groups.put(IDENTICAL, new ArrayList<>());
        groups.put(WITHIN, new ArrayList<>());
        groups.put(BEYOND, new ArrayList<>());
        groups.put(NON_FINITE_MISMATCH, new ArrayList<>());
        for (int i = 0; i < n; i++) {
            List<Double> used = ops.get(i).toleranceUsed();
            for (int k = 0; k < used.size(); k++) {
                // Spread a strip's dots a little (deterministically) so that piles show as piles.
                double y = n - i + 0.5 * ((k * 0.618034) % 1.0 - 0.5);
                double r = used.get(k);
                String group = r == 0 ? IDENTICAL : r <= 1 ? WITHIN
                        : Double.isInfinite(r) ? NON_FINITE_MISMATCH : BEYOND;
                groups.get(group).add(new double[] {r == 0 ? EXACT : Math.min(r, NON_FINITE), y});
            }
        }
        Map<String, Color> colors = Map.of(IDENTICAL, new Color(170, 170, 170), WITHIN, NANO, BEYOND, LIMIT,
                NON_FINITE_MISMATCH, Color.BLACK);
        groups.forEach((name, points) -> {
            if (points.isEmpty()) {
                return;
            }
            XYSeries s = chart.addSeries(name + ": " + points.size(), points.stream().map(p -> p[0])
                    .toList(), points.stream().map(p -> p[1]).toList());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(colors.get(name));
        });
        XYSeries limit = chart.addSeries("tolerance", List.of(1.0, 1.0),
                List.of(0.4, n + 0.6));
        limit.setMarker(SeriesMarkers.NONE);
        limit.setLineColor(LIMIT);
        limit.setLineWidth(2f);
        var st = chart.getStyler();
        st.setXAxisLogarithmic(true);
        st.setXAxisMin(EXACT / 3);
        st.setXAxisMax(NON_FINITE * 3);
        st.setYAxisMin(0.4);
        st.setYAxisMax(n + 0.6);
        st.setMarkerSize(5);
        st.setYAxisTickMarkSpacingHint(12); // one tick per operator
        st.setyAxisTickLabelsFormattingFunction(y -> {
            int i = n - (int) Math.round(y);
            // XChart 3.8.8 widens the tick step until all labels differ: blanks must differ too.
            return Math.abs(y - Math.round(y)) < 1e-6 && i >= 0 && i < n ? ops.get(i).name()
                    : " ".repeat(1 + (int) Math.round(Math.abs(y) * 8));
        });
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    /**
     * Per optimizer, two panels: the trajectory of a few parameter values in PyTorch (thick) and
     * nano (thin, drawn over it) for the run with the optimizer's default hyperparameters; and per
     * configuration, the largest |nano − torch| over all parameters at each step, log scale.
     */
    static List<Picture> optimizers(List<OptimizerCoverage.Run> runs, Path dir) {
        List<Picture> out = new ArrayList<>();
        for (String optimizer : OptimizerCoverage.OPTIMIZERS.keySet()) {
            List<OptimizerCoverage.Run> mine = runs.stream().filter(r -> r.nano() != null
                    && r.optimCase().config().optimizer().equals(optimizer)
                    && r.optimCase().scenario().id().equals("given-gradients")).toList();
            if (mine.isEmpty()) {
                continue;
            }
            OptimizerCoverage.Run defaults = mine.stream().filter(r -> r.optimCase().config().hyperparameters()
                    .isEmpty()).findFirst().orElse(mine.get(0));
            out.add(save(List.of(trajectoryPanel(optimizer, defaults), differencePanel(optimizer, mine)), 1, 2, dir,
                    "optim-" + optimizer + ".png", optimizer + ": nano and PyTorch step by step",
                    "left: three values of parameter 0 over the 20 steps of the given-gradients scenario, "
                            + defaults.optimCase().config().id() + "; right: per configuration, the largest "
                            + "|nano − torch| over every parameter after each step, log scale (bit-identical steps "
                            + "are drawn at 1e-18)"));
        }
        return out;
    }

    private static XYChart trajectoryPanel(String optimizer, OptimizerCoverage.Run run) {
        XYChart chart = new XYChartBuilder().width(760).height(480).title(run.optimCase().config().id()
                + ": parameter values, PyTorch (thick) and nano (dots)").xAxisTitle("step").yAxisTitle("value").build();
        var torch = parameterSeries(run.optimCase().fixture().trajectory(), 0);
        var nano = parameterSeries(run.nano(), 0);
        List<Double> steps = new ArrayList<>();
        for (int s = 0; s <= torch.get(0).size() - 1; s++) {
            steps.add((double) s + 1);
        }
        for (int e = 0; e < Math.min(3, torch.size()); e++) {
            XYSeries t = chart.addSeries("torch p0[" + e + "]", steps, torch.get(e));
            t.setMarker(SeriesMarkers.NONE);
            t.setLineWidth(5f);
            t.setLineColor(new Color(TORCH.getRed(), TORCH.getGreen() + 50 * e, TORCH.getBlue() + 40 * e));
            XYSeries n = chart.addSeries("nano p0[" + e + "]", steps, nano.get(e));
            n.setMarker(SeriesMarkers.CIRCLE);
            n.setLineWidth(1.2f);
            n.setLineColor(NANO);
            n.setMarkerColor(NANO);
        }
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static XYChart differencePanel(String optimizer, List<OptimizerCoverage.Run> runs) {
        XYChart chart = new XYChartBuilder().width(760).height(480).title(optimizer + ": max |nano − torch| per step")
                .xAxisTitle("step").yAxisTitle("max |nano − torch| over parameters (log)").build();
        int steps = 0;
        int identical = 0;
        int total = 0;
        double highest = 0;
        for (OptimizerCoverage.Run run : runs) {
            List<Double> diff = largestDifference(run.optimCase().fixture().trajectory(),
                    run.nano());
            steps = Math.max(steps, diff.size());
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int s = 0; s < diff.size(); s++) {
                x.add(s + 1.0);
                y.add(Math.min(Math.max(diff.get(s), IDENTICAL_STEP), NON_FINITE));
                highest = Math.max(highest, y.get(s));
                identical += diff.get(s) == 0 ? 1 : 0;
                total++;
            }
            XYSeries series = chart.addSeries(run.optimCase().config().id(), x, y);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineWidth(1f);
        }
        XYSeries atol = chart.addSeries("atol " + Tolerance.DEFAULT.atol(), List.of(1.0, (double) steps),
                List.of(Tolerance.DEFAULT.atol(), Tolerance.DEFAULT.atol()));
        atol.setMarker(SeriesMarkers.NONE);
        atol.setLineColor(LIMIT);
        atol.setLineWidth(2f);
        var st = chart.getStyler();
        st.setYAxisLogarithmic(true);
        st.setYAxisMin(IDENTICAL_STEP / 3);
        st.setYAxisMax(Math.max(1e-10, highest * 3)); // a failing configuration stays in view
        st.setLegendVisible(false); // dozens of configurations: the red line is labelled in the title instead
        chart.setTitle(String.format(java.util.Locale.ROOT, "%s, %d configurations: %d of %d steps bit-identical "
                + "(drawn at 1e-18); red: atol", optimizer, runs.size(), identical, total));
        st.setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static Picture save(List<XYChart> charts, int rows, int columns, Path dir, String file,
                                             String title, String caption) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            BitmapEncoder.saveBitmap(charts, rows, columns, png, BitmapEncoder.BitmapFormat.PNG);
            Files.createDirectories(dir);
            Files.write(dir.resolve(file), png.toByteArray());
            return new Picture(title, caption, file, png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(file), e);
        }
    }

    /** Element e of parameter {@code param} after each step: one list per element. */
    private static List<List<Double>> parameterSeries(Trajectory t, int param) {
        List<List<Double>> series = new ArrayList<>();
        for (Trajectory.Step step : t.steps()) {
            double[] v = step.params().get(param).values();
            for (int e = 0; e < v.length; e++) {
                if (series.size() <= e) {
                    series.add(new ArrayList<>());
                }
                series.get(e).add(v[e]);
            }
        }
        return series;
    }

    /** After each step, the largest |nano − torch| over every parameter value (a NaN/inf mismatch: infinite). */
    private static List<Double> largestDifference(Trajectory torch, Trajectory nano) {
        List<Double> out = new ArrayList<>();
        for (int s = 0; s < Math.min(torch.steps().size(), nano.steps().size()); s++) {
            double worst = 0;
            List<Value> expected = torch.steps().get(s).params();
            List<Value> actual = nano.steps().get(s).params();
            for (int p = 0; p < expected.size(); p++) {
                double[] e = expected.get(p).values();
                double[] a = actual.get(p).values();
                for (int i = 0; i < e.length; i++) {
                    double d = Math.abs(a[i] - e[i]);
                    boolean same = Double.compare(a[i], e[i]) == 0;
                    worst = Math.max(worst, same ? 0 : Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
                }
            }
            out.add(worst);
        }
        return out;
    }
}
