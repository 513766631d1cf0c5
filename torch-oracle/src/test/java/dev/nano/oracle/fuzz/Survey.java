package dev.nano.oracle.fuzz;

import dev.nano.oracle.cases.KnownDisagreement;
import dev.nano.oracle.torch.Dispatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The survey mode of {@code scripts/fuzz --survey}: instead of stopping at the first failure (and
 * shrinking it), every failure is recorded and grouped into classes (operator, what differs, and the
 * kind of value on each side, e.g. {@code pow | grad of input 0 | finite vs NaN}); each class keeps
 * its smallest case. A long run then lists every distinct disagreement it met, and
 * {@code scripts/fuzz --op NAME} shrinks one.
 */
final class Survey {
    private static final Pattern VALUES = Pattern.compile("= (\\S+), expected (\\S+)");

    private record Finding(int count, int size, String example, String reason) {
    }

    private static final Map<String, Finding> CLASSES = new TreeMap<>();
    private static int cases;

    private Survey() {
    }

    static boolean enabled() {
        return Boolean.getBoolean("fuzz.survey");
    }

    static synchronized void record(FuzzCase c, String problem) {
        cases++;
        if (problem == null) {
            return;
        }
        KnownDisagreement known = c.op().knownDisagreement(c.sample(), problem);
        String key = (known != null ? "known: " : "") + c.op().name() + " | "
                + c.sample().attrs().getString("form", "-") + " | " + classOf(problem);
        int size = c.sample().inputs().stream().mapToInt(in -> in.values().length).sum();
        Finding old = CLASSES.get(key);
        String reason = known == null ? null : known.reason();
        if (old == null || size < old.size) {
            CLASSES.put(key, new Finding(old == null ? 1 : old.count + 1, size, problem, reason));
        } else {
            CLASSES.put(key, new Finding(old.count + 1, old.size, old.example, reason));
        }
    }

    /** "grad of input 0 | finite vs NaN", "PyTorch raised but nano succeeded", ... */
    static String classOf(String problem) {
        String[] lines = problem.split("\n");
        String first = lines.length > 1 ? lines[1].trim() : lines[0];
        if (problem.startsWith("PyTorch raised")) {
            return "PyTorch raises, nano does not";
        }
        if (problem.startsWith("PyTorch succeeded")) {
            return "nano raises, PyTorch does not";
        }
        if (problem.startsWith("both raise")) {
            return "message lacks key phrase";
        }
        String where = first.contains(":") ? first.substring(0, first.indexOf(':')) : first;
        Matcher m = VALUES.matcher(first);
        return m.find() ? where + " | " + kind(m.group(1)) + " vs " + kind(m.group(2)) : where;
    }

    private static String kind(String v) {
        return switch (v) {
            case "NaN", "Infinity", "-Infinity", "0.0", "-0.0" -> v;
            default -> "finite";
        };
    }

    static synchronized String summary() {
        int failures = CLASSES.values().stream().mapToInt(Finding::count).sum();
        long knownClasses = CLASSES.keySet().stream().filter(k -> k.startsWith("known: ")).count();
        int known = CLASSES.entrySet().stream().filter(e -> e.getKey().startsWith("known: "))
                .mapToInt(e -> e.getValue().count).sum();
        List<String> lines = new ArrayList<>();
        lines.add("fuzz survey: " + cases + " cases under libtorch's " + Dispatch.current() + " dispatch, "
                + failures + " disagree in " + CLASSES.size() + " classes; "
                + known + " of them in " + knownClasses + " known classes (the entries' knownDisagreement), " + (failures - known)
                + " in " + (CLASSES.size() - knownClasses) + " unexplained classes");
        CLASSES.forEach((k, f) -> {
            lines.add("");
            lines.add("[" + f.count + "x] " + k);
            if (f.reason != null) {
                lines.add("  why known: " + f.reason);
            }
            lines.add("  smallest: " + f.example.replace("\n", "\n  "));
        });
        return String.join("\n", lines);
    }

    static synchronized void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, summary() + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }
}
