package dev.nano.oracle.operators;

import dev.nano.oracle.family.Picture;
import dev.nano.oracle.family.Pictures;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.nano.oracle.family.Pictures.LIMIT;
import static dev.nano.oracle.family.Pictures.NANO;
import static dev.nano.oracle.family.Pictures.NON_FINITE;

/** The report's picture of how much of its tolerance each operator's cases use. */
final class MarginPicture {
    /** Where a case whose values were bit-identical is drawn: log scales have no 0. */
    static final double EXACT = 1e-12;
    private static final String IDENTICAL = "bit-identical (at 1e-12)";
    private static final String WITHIN = "within tolerance";
    private static final String BEYOND = "beyond: fails";
    private static final String NON_FINITE_MISMATCH = "NaN/inf mismatch (at 1e3): fails";

    private MarginPicture() {
    }

    /**
     * One strip per operator: each dot a case, at the largest |nano − torch| ÷ (atol + rtol·|torch|)
     * of its values, on a log scale. Above the red line (1) a case fails; bit-identical cases sit on
     * the bottom row, NaN/inf mismatches on the top one. Two panels keep ~45 names legible each.
     */
    static Picture margins(List<OperatorCoverage> rows, Path dir) {
        List<OperatorCoverage> compared = rows.stream().filter(r -> !r.toleranceUsed().isEmpty()).toList();
        return Pictures.save(List.of(marginChart(compared)), 1, 1, dir, "tolerance-margins.png",
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
}
