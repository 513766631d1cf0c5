package dev.nano.oracle.fuzz;

import dev.nano.DType;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One drawn case: the operator, a sample in the catalogue's own terms, and the seed of the upstream
 * gradient its backward uses. {@link #toString()} is a (shrunk) failure as a
 * ready-to-paste catalogue sample.
 */
record FuzzCase(OpInfo op, Sample sample, long upstreamSeed) {

    @Override
    public String toString() {
        return op.name() + ": " + javaSample(null);
    }

    /**
     * The Java builder line of this case for the operator's list in {@code cases/}: {@code Sample.of(...)},
     * or {@code Sample.error(...)} with PyTorch's message as the key phrase when {@code torchError} is given.
     */
    String javaSample(String torchError) {
        StringJoiner args = new StringJoiner(", ");
        String id = "\"fuzz " + shortId() + "\"";
        if (torchError != null) {
            args.add(id).add(quote(firstLine(torchError)));
        } else {
            args.add(id).add(kinds());
        }
        args.add(attrs(sample.attrs()));
        for (Input in : sample.inputs()) {
            args.add(input(in));
        }
        return (torchError != null ? "Sample.error(" : "Sample.of(") + args + ")";
    }

    private String shortId() {
        List<String> shapes = new ArrayList<>();
        for (Input in : sample.inputs()) {
            shapes.add(in.shapeText());
        }
        return String.join("|", shapes) + (sample.attrs().asMap().isEmpty() ? "" : " " + sample.attrs().asMap()
                .entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue())).reduce((a, b) -> a + " " + b)
                .orElse(""));
    }

    private String kinds() {
        List<String> k = new ArrayList<>();
        boolean edge = sample.inputs().stream().flatMapToDouble(in -> Arrays.stream(in.values()))
                .anyMatch(v -> !Double.isFinite(v) || v == 0 || Math.abs(v) >= 1e300 || Math.abs(v) <= 1e-300);
        if (edge) {
            k.add("Kind.EDGE");
        }
        long shapes = sample.inputs().stream().map(in -> Arrays.toString(in.shape())).distinct().count();
        if (shapes > 1) {
            k.add("Kind.BROADCAST");
        }
        if (sample.attrs().has("scalar")) {
            k.add("Kind.SCALAR");
        }
        return "kinds(" + String.join(", ", k) + ")";
    }

    static String attrs(Attrs attrs) {
        Map<String, Object> map = attrs.asMap();
        if (map.isEmpty()) {
            return "Attrs.none()";
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            sb.append(first ? "Attrs.of(" : ".with(").append(quote(e.getKey())).append(", ")
                    .append(java(e.getValue())).append(")");
            first = false;
        }
        return sb.toString();
    }

    static String input(Input in) {
        String shape = "new int[] {" + join(in.shape()) + "}";
        String values = values(in.values());
        String sep = values.isEmpty() ? "" : ", ";
        if (in.dtype() == DType.FLOAT64) {
            return (in.requiresGrad() ? "Input.of(" : "Input.constant(") + shape + sep + values + ")";
        }
        return (in.dtype() == DType.BOOL ? "Input.bool(" : "Input.int64(") + shape + sep + values + ")";
    }

    private static String java(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return literal(d);
        }
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof int[] ints) {
            return "new int[] {" + join(ints) + "}";
        }
        return String.valueOf(v);
    }

    private static String text(Object v) {
        return v instanceof int[] ints ? Arrays.toString(ints) : String.valueOf(v);
    }

    private static String values(double[] v) {
        StringJoiner j = new StringJoiner(", ");
        for (double d : v) {
            j.add(literal(d));
        }
        return j.toString();
    }

    /** A Java literal for a double, with the catalogue's NAN and INF constants. */
    static String literal(double d) {
        if (Double.isNaN(d)) {
            return "NAN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "INF" : "-INF";
        }
        if (d == Double.MAX_VALUE || d == -Double.MAX_VALUE) {
            return (d < 0 ? "-" : "") + "Double.MAX_VALUE";
        }
        if (d == Double.MIN_VALUE || d == -Double.MIN_VALUE) {
            return (d < 0 ? "-" : "") + "Double.MIN_VALUE";
        }
        return Double.toString(d);
    }

    private static String join(int[] ints) {
        StringJoiner j = new StringJoiner(", ");
        for (int i : ints) {
            j.add(Integer.toString(i));
        }
        return j.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
