package dev.nano;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints tensors the way PyTorch's {@code torch/_tensor_str.py} does, so a learner can put nano's
 * output next to PyTorch's: one number format for the whole tensor (integers as {@code 1.},
 * otherwise 4 decimals, or scientific notation when magnitudes spread), right-aligned columns,
 * nested brackets, rows wrapped at 80 characters, {@code ...} past 1000 elements, and the graph
 * node ({@code grad_fn=<MulBackward0>}) or {@code requires_grad=True} at the end.
 */
final class TensorFormatter {
    private static final int LINE_WIDTH = 80;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;

    private TensorFormatter() {
    }

    static String format(Tensor t) {
        String prefix = "tensor(";
        StringBuilder sb = new StringBuilder(prefix);
        int[] shape = t.shape();
        if (t.numel() == 0) {
            sb.append("[]");
            if (shape.length != 1) {
                sb.append(", size=(");
                for (int i = 0; i < shape.length; i++) {
                    sb.append(i > 0 ? ", " : "").append(shape[i]);
                }
                sb.append(")");
            }
        } else {
            boolean summarize = t.numel() > THRESHOLD;
            NumberFormat fmt = NumberFormat.of(t, summarize);
            if (shape.length == 0) {
                sb.append(fmt.format(t.data()[0]).strip());
            } else {
                sb.append(block(t.data(), shape, 0, 0, prefix.length(), fmt, summarize));
            }
        }
        if (t.gradFn() != null) {
            sb.append(", grad_fn=<").append(t.gradFn().name()).append('>');
        } else if (t.requiresGrad()) {
            sb.append(", requires_grad=True");
        }
        return sb.append(')').toString();
    }

    /** Formats the sub-tensor at {@code dim} starting at flat {@code offset}. */
    private static String block(double[] data, int[] shape, int dim, int offset, int indent, NumberFormat fmt,
                                boolean summarize) {
        int size = shape[dim];
        int stride = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            stride *= shape[d];
        }
        List<String> items = new ArrayList<>();
        boolean skip = summarize && size > 2 * EDGE_ITEMS;
        for (int i = 0; i < size; i++) {
            if (skip && i == EDGE_ITEMS) {
                items.add(dim == shape.length - 1 ? " ..." : "..."); // PyTorch's own spacing
                i = size - EDGE_ITEMS - 1;
                continue;
            }
            if (dim == shape.length - 1) {
                items.add(fmt.format(data[offset + i]));
            } else {
                items.add(block(data, shape, dim + 1, offset + i * stride, indent + 1, fmt, summarize));
            }
        }
        if (dim == shape.length - 1) {
            return "[" + wrap(items, indent, fmt.width) + "]";
        }
        String separator = "," + "\n".repeat(shape.length - dim - 1) + " ".repeat(indent + 1);
        return "[" + String.join(separator, items) + "]";
    }

    /** Joins one row's elements, starting a new line when the row would pass 80 characters. */
    private static String wrap(List<String> items, int indent, int width) {
        int perLine = Math.max(1, (LINE_WIDTH - indent) / (width + 2));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(i % perLine == 0 ? ",\n" + " ".repeat(indent + 1) : ", ");
            }
            sb.append(items.get(i));
        }
        return sb.toString();
    }

    /** The single number format chosen for a whole tensor, as PyTorch's {@code _Formatter}. */
    private static final class NumberFormat {
        private final DType dtype;
        private final boolean intMode;
        private final boolean sciMode;
        private int width;

        private NumberFormat(DType dtype, boolean intMode, boolean sciMode) {
            this.dtype = dtype;
            this.intMode = intMode;
            this.sciMode = sciMode;
        }

        /**
         * As PyTorch: the choice and the column width look only at the elements that will be
         * printed, and the width only at the nonzero finite ones (so {@code nan} or {@code 0.}
         * never widen a column).
         */
        static NumberFormat of(Tensor t, boolean summarize) {
            double[] data = t.data();
            int[] shape = t.shape();
            boolean intMode = true;
            double maxAbs = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            boolean anyNonzeroFinite = false;
            for (int i = 0; i < data.length; i++) {
                double v = data[i];
                if (!Double.isFinite(v) || (summarize && !printed(i, shape))) {
                    continue;
                }
                if (v != Math.rint(v)) {
                    intMode = false;
                }
                if (v != 0) {
                    anyNonzeroFinite = true;
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                    minAbs = Math.min(minAbs, Math.abs(v));
                }
            }
            boolean sci = false;
            if (anyNonzeroFinite) {
                boolean spread = maxAbs / minAbs > 1000.0 || maxAbs > 1e8;
                sci = intMode ? spread : spread || minAbs < 1e-4;
            }
            NumberFormat fmt = new NumberFormat(t.dtype(), intMode, sci);
            int width = 1;
            for (int i = 0; i < data.length; i++) {
                double v = data[i];
                boolean counts = t.dtype() != DType.FLOAT64 || (Double.isFinite(v) && v != 0);
                if (counts && !(summarize && !printed(i, shape))) {
                    width = Math.max(width, fmt.raw(v).length());
                }
            }
            fmt.width = width;
            return fmt;
        }

        /** Whether element {@code i} survives summarization (within 3 of an edge in every dim). */
        private static boolean printed(int i, int[] shape) {
            for (int d = shape.length - 1; d >= 0; d--) {
                int c = i % shape[d];
                i /= shape[d];
                if (shape[d] > 2 * EDGE_ITEMS && c >= EDGE_ITEMS && c < shape[d] - EDGE_ITEMS) {
                    return false;
                }
            }
            return true;
        }

        String format(double v) {
            String s = raw(v);
            return " ".repeat(Math.max(0, width - s.length())) + s;
        }

        private String raw(double v) {
            if (dtype == DType.BOOL) {
                return v != 0 ? "True" : "False";
            }
            if (dtype == DType.INT64) {
                return Long.toString((long) v);
            }
            if (Double.isNaN(v)) {
                return "nan";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            if (sciMode) {
                // Five significant digits of the exact binary value, rounded half-even like Python's
                // "{:.4e}" (Java's %e rounds half-up: 1.00005e10 would print 1.0001e+10).
                BigDecimal rounded = new BigDecimal(v).round(new MathContext(5, RoundingMode.HALF_EVEN));
                int exponent = v == 0 ? 0 : rounded.precision() - rounded.scale() - 1;
                String mantissa = rounded.movePointLeft(exponent).setScale(4, RoundingMode.UNNECESSARY).toPlainString();
                return (v == 0 && 1 / v < 0 ? "-" : "") + mantissa + String.format(Locale.ROOT, "e%s%02d",
                        exponent < 0 ? "-" : "+", Math.abs(exponent));
            }
            // BigDecimal rounds the exact binary value half-even, as Python's format() does.
            String sign = (v == 0 && 1 / v < 0) ? "-" : ""; // BigDecimal has no -0
            if (intMode) {
                return sign + new BigDecimal(v).setScale(0, RoundingMode.HALF_EVEN).toPlainString() + ".";
            }
            return sign + new BigDecimal(v).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
        }
    }
}
