package dev.nano.oracle.optim;

import dev.nano.optim.Adagrad;
import dev.nano.optim.Adam;
import dev.nano.optim.AdamW;
import dev.nano.optim.RMSprop;
import dev.nano.optim.SGD;
import dev.nano.oracle.compare.Compare;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.value.Tolerance;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The report's optimizer section: one row per optimizer × hyperparameter. The hyperparameters are
 * read from nano (the setters of each optimizer's builder), so a setter no grid configuration
 * exercises shows up as a gap. Each row says whether the configurations that set it match PyTorch
 * in both scenarios, whether an invalid value is rejected with PyTorch's message, and the worst error.
 */
public final class OptimizerCoverage {

    /** One row. {@code errors} is null when PyTorch validates nothing for this hyperparameter. */
    public record Row(String optimizer, String hyperparameter, int configs, String givenGradients, String endToEnd,
                      String errors, double worstAbs, double worstRel, String status) {
    }

    /** nano's optimizer classes, by the names the grid uses. */
    public static final Map<String, Class<?>> OPTIMIZERS = new LinkedHashMap<>();

    static {
        OPTIMIZERS.put("sgd", SGD.class);
        OPTIMIZERS.put("adam", Adam.class);
        OPTIMIZERS.put("adamw", AdamW.class);
        OPTIMIZERS.put("adagrad", Adagrad.class);
        OPTIMIZERS.put("rmsprop", RMSprop.class);
    }

    private OptimizerCoverage() {
    }

    /**
     * nano's builder setters, as PyTorch's hyperparameter names ("weightDecay" → "weight_decay").
     * @param optimizer nano's optimizer class
     * @return the names
     * @throws ReflectiveOperationException if the builder cannot be inspected
     */
    public static TreeSet<String> hyperparameters(Class<?> optimizer) throws ReflectiveOperationException {
        Method builder = optimizer.getMethod("builder", dev.nano.Tensor[].class);
        TreeSet<String> names = new TreeSet<>();
        for (Method m : builder.getReturnType().getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getReturnType() != builder.getReturnType()) {
                continue;
            }
            String snake = m.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
            if (snake.equals("betas")) {
                names.add("beta1");
                names.add("beta2");
            } else {
                names.add(snake);
            }
        }
        return names;
    }

    /**
     * One configuration × scenario run through nano against PyTorch's recorded trajectory.
     * {@code nano} and {@code diff} are null when the fixture is stale.
     */
    public record Run(OptimCase optimCase, Trajectory nano, Compare.Diff diff) {
        /**
         * Whether nano's trajectory matched PyTorch's at every step.
         * @return true if matched
         */
        public boolean ok() {
            return diff != null && diff.ok();
        }

        /**
         * "sgd[…]/given: what differs", or the staleness; null when it matched.
         * @return the failure, or null
         */
        public String failure() {
            if (ok()) {
                return null;
            }
            return optimCase + ": " + (diff == null ? optimCase.staleness() : diff.describe().replace("\n", "; "));
        }
    }

    /**
     * Runs every grid configuration in both scenarios through nano (NanoOptimRunner).
     * @param store the fixtures
     * @return the runs
     */
    public static List<Run> runs(FixtureStore store) {
        List<Run> runs = new ArrayList<>();
        for (OptimCase c : OptimCase.load(store)) {
            if (c.staleness() != null) {
                runs.add(new Run(c, null, null));
                continue;
            }
            Trajectory nano = NanoOptimRunner.run(c.config(), c.scenario(), c.fixture().inputs());
            runs.add(new Run(c, nano, TrajectoryCompare.diff(c.fixture().trajectory(), nano,
                    Tolerance.DEFAULT)));
        }
        return runs;
    }

    /**
     * The rows, running the grid first.
     * @param store the fixtures
     * @return the rows
     */
    public static List<Row> rows(FixtureStore store) {
        return rows(runs(store));
    }

    /**
     * One row per optimizer × hyperparameter, judged from the given runs.
     * @param runs the runs
     * @return the rows
     */
    public static List<Row> rows(List<Run> runs) {
        Map<String, Boolean> passed = new LinkedHashMap<>();
        Map<String, double[]> worst = new LinkedHashMap<>();
        for (Run run : runs) {
            String key = run.optimCase().config().id() + "/" + run.optimCase().scenario().id();
            passed.put(key, run.ok());
            if (run.diff() != null) {
                worst.put(key, new double[] {run.diff().maxAbs(), run.diff().maxRel()});
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Class<?>> e : OPTIMIZERS.entrySet()) {
            String optimizer = e.getKey();
            TreeSet<String> names;
            try {
                names = hyperparameters(e.getValue());
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(optimizer + ": cannot read its builder", ex);
            }
            rows.add(row(optimizer, "(defaults)", OptimGrid.of(optimizer).stream()
                    .filter(c -> c.hyperparameters().isEmpty()).toList(), passed, worst));
            for (String h : names) {
                List<OptimConfig> setting = OptimGrid.of(optimizer).stream()
                        .filter(c -> c.hyperparameters().containsKey(h)).toList();
                rows.add(row(optimizer, h, setting, passed, worst));
            }
        }
        return rows;
    }

    private static Row row(String optimizer, String h, List<OptimConfig> configs, Map<String, Boolean> passed,
                           Map<String, double[]> worst) {
        String given = verdict(configs, Scenario.GIVEN_GRADIENTS, passed);
        String e2e = verdict(configs, Scenario.AUTOGRAD, passed);
        double abs = 0;
        double rel = 0;
        for (OptimConfig c : configs) {
            for (Scenario s : Scenario.values()) {
                double[] w = worst.get(c.id() + "/" + s.id());
                if (w != null) {
                    abs = Math.max(abs, w[0]);
                    rel = Math.max(rel, w[1]);
                }
            }
        }
        String errors = errorVerdict(optimizer, h);
        List<String> gaps = new ArrayList<>();
        if (configs.isEmpty()) {
            gaps.add("no grid configuration sets it");
        }
        if (given.equals("✗") || e2e.equals("✗")) {
            gaps.add("a configuration differs from PyTorch");
        }
        return new Row(optimizer, h, configs.size(), given, e2e, errors, abs, rel,
                gaps.isEmpty() ? "complete" : String.join("; ", gaps));
    }

    private static String verdict(List<OptimConfig> configs, Scenario scenario, Map<String, Boolean> passed) {
        if (configs.isEmpty()) {
            return "·";
        }
        for (OptimConfig c : configs) {
            Boolean ok = passed.get(c.id() + "/" + scenario.id());
            if (ok == null || !ok) {
                return "✗";
            }
        }
        return "✓";
    }

    /** ✓ if an invalid value of this hyperparameter is among the error cases, – if torch.optim checks none. */
    private static String errorVerdict(String optimizer, String h) {
        String pytorchName = h.startsWith("beta") ? "beta" : h;
        boolean any = OptimErrorCases.all().stream().anyMatch(c -> c.id().startsWith(optimizer + "[")
                && c.id().contains(pytorchName));
        return any ? "✓" : "–";
    }
}
