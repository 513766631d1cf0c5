package dev.nano.oracle.optim;

import dev.nano.oracle.family.Picture;
import dev.nano.oracle.family.Pictures;
import dev.nano.oracle.value.Tolerance;
import dev.nano.oracle.value.Value;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.nano.oracle.family.Pictures.LIMIT;
import static dev.nano.oracle.family.Pictures.NANO;
import static dev.nano.oracle.family.Pictures.NON_FINITE;
import static dev.nano.oracle.family.Pictures.TORCH;

/** The report's pictures of the optimizers: nano's and PyTorch's trajectories, and their difference. */
final class TrajectoryPictures {
    /** Where a bit-identical optimizer step is drawn: below any difference of values near 1 (ulp 2e-16). */
    static final double IDENTICAL_STEP = 1e-18;

    private TrajectoryPictures() {
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
            out.add(Pictures.save(List.of(trajectoryPanel(optimizer, defaults), differencePanel(optimizer, mine)), 1, 2, dir,
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
        // Half a step of room at both ends: with the axis ending on the first and last step XChart finds the
        // steps evenly spaced and labels every one, which run together beside the legend.
        st.setXAxisMin(0.5);
        st.setXAxisMax(steps + 0.5);
        st.setXAxisDecimalPattern("0");
        st.setYAxisMin(IDENTICAL_STEP / 3);
        st.setYAxisMax(Math.max(1e-10, highest * 3)); // a failing configuration stays in view
        // One legend entry per configuration beside the plot (bit-identical ones overlap at 1e-18, so the
        // legend is the only way to tell which line is which); the red line is the atol.
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setLegendFont(st.getLegendFont().deriveFont(10f));
        chart.setTitle(String.format(java.util.Locale.ROOT, "%s: %d of %d steps bit-identical (drawn at 1e-18)",
                optimizer, identical, total)); // short: the legend beside the plot takes its width
        st.setChartBackgroundColor(Color.WHITE);
        return chart;
    }

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
