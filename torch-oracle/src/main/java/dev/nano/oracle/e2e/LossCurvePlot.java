package dev.nano.oracle.e2e;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The picture of a run (XChart): on the left, nano's and libtorch's loss at every step; on the
 * right, {@code |nano − torch|} per step on a log scale with the tolerance of
 * {@link E2eTolerance} above it. Steps where the two losses are bit-identical have no point on a
 * log scale; their count is in the title.
 */
public final class LossCurvePlot {
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 560;

    private LossCurvePlot() {
    }

    private static List<Double> ulps(Trace torch, int steps) {
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            out.add(Math.ulp(torch.losses.get(k)));
        }
        return out;
    }

    /**
     * Draws the two panels into {@code png}.
     *
     * @param perEpoch steps per epoch (the x axis counts epochs)
     * @param title the picture's title
     * @param nano nano's trace
     * @param torch PyTorch's trace
     * @param png where to write
     */
    public static void write(String title, Trace nano, Trace torch, int perEpoch, Path png) {
        write(title, nano, torch, perEpoch, png, E2eTolerance::at, "E2eTolerance");
    }

    /**
     * The same picture with another run's tolerance (the CNN run's {@link CnnTolerance}).
     * @param title the picture's title
     * @param nano nano's trace
     * @param torch libtorch's trace
     * @param perEpoch steps per epoch (the x axis counts epochs)
     * @param png where the picture is written
     * @param tolerance the tolerance at each step
     * @param toleranceName its name, for the legend
     */
    public static void write(String title, Trace nano, Trace torch, int perEpoch, Path png,
                             java.util.function.IntToDoubleFunction tolerance, String toleranceName) {
        int steps = Math.min(nano.steps(), torch.steps());
        // Epochs, not steps, on the x axis: XChart spaces ticks of evenly spaced integer data poorly.
        String xTitle = "epoch (" + perEpoch + " steps; an epoch ends with a batch of only "
                + nano.batches.get(perEpoch - 1).length + " examples: the spikes)";
        List<Double> x = new ArrayList<>();
        List<Double> diffX = new ArrayList<>();
        List<Double> diff = new ArrayList<>();
        List<Double> toleranceValues = new ArrayList<>();
        int identical = 0;
        for (int k = 1; k <= steps; k++) {
            x.add(k / (double) perEpoch);
            double d = Math.abs(nano.losses.get(k - 1) - torch.losses.get(k - 1));
            toleranceValues.add(tolerance.applyAsDouble(k));
            if (d == 0) {
                identical++;
            } else {
                diffX.add(k / (double) perEpoch);
                diff.add(d);
            }
        }
        XYChart curves = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT)
                .title(title + ": loss per step (nano drawn over libtorch)")
                .xAxisTitle(xTitle).yAxisTitle("cross entropy (batch of 64)").build();
        XYSeries torchSeries = curves.addSeries("libtorch 2.7.1", x, torch.losses.subList(0, steps));
        torchSeries.setMarker(SeriesMarkers.NONE);
        torchSeries.setLineColor(new Color(238, 76, 44));
        torchSeries.setLineWidth(4f);
        XYSeries nanoSeries = curves.addSeries("nano", x, nano.losses.subList(0, steps));
        nanoSeries.setMarker(SeriesMarkers.NONE);
        nanoSeries.setLineColor(new Color(31, 80, 160));
        nanoSeries.setLineWidth(1.2f);

        XYChart gap = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT)
                .title(String.format(Locale.ROOT, "|nano - libtorch| per step (%d of %d steps bit-identical)",
                        identical, steps))
                .xAxisTitle(xTitle).yAxisTitle("absolute loss difference (log scale)").build();
        gap.getStyler().setYAxisLogarithmic(true);
        gap.getStyler().setYAxisMin(1e-17);
        gap.getStyler().setYAxisMax(1e-11); // room above the tolerance for the legend
        if (!diff.isEmpty()) {
            XYSeries d = gap.addSeries("|difference|", diffX, diff);
            d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            d.setMarker(SeriesMarkers.CIRCLE);
            d.setMarkerColor(new Color(31, 80, 160));
        }
        XYSeries t = gap.addSeries("tolerance (" + toleranceName + ")", x, toleranceValues);
        t.setMarker(SeriesMarkers.NONE);
        t.setLineColor(new Color(200, 40, 40));
        XYSeries ulp = gap.addSeries("1 ulp of the loss", x, ulps(torch, steps));
        ulp.setMarker(SeriesMarkers.NONE);
        ulp.setLineColor(Color.GRAY);
        gap.getStyler().setMarkerSize(4);
        for (XYChart chart : List.of(curves, gap)) {
            chart.getStyler().setXAxisMin(0.0);
            // The axis ends at the tenth of an epoch after the last step, so that its ticks are round. It must not
            // end exactly on the last step (a run of whole epochs): XChart then finds the axis values evenly
            // spaced and puts a tick at every few steps, whose labels (0.43, 0.86, ...) run together.
            chart.getStyler().setXAxisMax(Math.floor(10.0 * steps / perEpoch) / 10 + 0.1);
            chart.getStyler().setXAxisDecimalPattern("0.##");
            chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        }

        try {
            BitmapEncoder.saveBitmap(List.of(curves, gap), 1, 2, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
