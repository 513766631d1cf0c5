package dev.nano.oracle.e2e;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.data.Sha256Sums;
import dev.nano.io.SafeTensors;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureException;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PyTorch's side of each {@link MnistRun}, recorded: {@code fixtures/e2e/<run>.json}, one case
 * per step ({@code "step 17"}: the batch's dataset indices as input, the loss as output), one per
 * checkpoint ({@code "parameters after step 200"}: the parameters are in
 * {@code <run>-step-200.safetensors} next to it, float64, and the case holds that file's name
 * and sha256), and {@code "test after step 1008"} (test loss and accuracy). The JSON files are in
 * the manifest like every fixture; the safetensors files are covered by the hashes in them.
 */
public final class E2eFixtures {
    /** The fixture family of the MNIST runs. */
    public static final String FAMILY = "e2e";

    private E2eFixtures() {
    }

    /**
     * The fixture file of one run.
     * @param store the fixtures
     * @param run the run
     * @return the path
     */
    public static Path pathOf(FixtureStore store, MnistRun run) {
        return store.root().resolve(FAMILY).resolve(run.name() + ".json");
    }

    static String checkpointFile(MnistRun run, int step) {
        return run.name() + "-step-" + step + ".safetensors";
    }

    /**
     * The fixture files of every run.
     * @param store the fixtures
     * @return the relative paths
     */
    public static List<String> fixturePaths(FixtureStore store) {
        return MnistRun.ALL.stream().map(r -> store.relative(pathOf(store, r))).toList();
    }

    static String stepId(int step) {
        return "step " + step;
    }

    static String checkpointId(int step) {
        return "parameters after step " + step;
    }

    static String testId(int step) {
        return "test after step " + step;
    }

    /**
     * Called by {@code Regenerate}: runs every run through libtorch and writes its fixtures.
     * @param store the fixtures
     * @param entries the manifest's entries, added to
     * @param written the paths written, added to
     * @return the number of cases written
     */
    public static int regenerate(FixtureStore store, List<Manifest.Entry> entries, Set<Path> written) {
        // The digits are the project's input data, not part of this recording: read them where they live.
        MnistData data = MnistData.bundled(FixtureStore.locate());
        int total = 0;
        for (MnistRun run : MnistRun.ALL) {
            Trace torch = TorchMnistTraining.run(run, data, MnistRun.STEPS, true, t -> { });
            Path path = pathOf(store, run);
            try {
                Files.createDirectories(path.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<FixtureCase> cases = new ArrayList<>();
            for (int k = 1; k <= torch.steps(); k++) {
                long[] batch = torch.batches.get(k - 1);
                double[] indices = new double[batch.length];
                for (int i = 0; i < batch.length; i++) {
                    indices[i] = batch[i];
                }
                cases.add(fixtureCase(stepId(k), Map.of(), List.of(Input.int64(new int[] {batch.length}, indices)),
                        List.of(scalar(torch.losses.get(k - 1)))));
            }
            for (Map.Entry<Integer, Map<String, double[]>> c : torch.checkpoints.entrySet()) {
                Path file = path.resolveSibling(checkpointFile(run, c.getKey()));
                Map<String, Tensor> tensors = new LinkedHashMap<>();
                c.getValue().forEach((name, values) -> tensors.put(name, new Tensor(values, torch.shapes.get(name))));
                Map<String, String> metadata = new LinkedHashMap<>(); // ordered: the file must be the same every run
                metadata.put("format", "pt");
                metadata.put("run", run.name());
                metadata.put("step", String.valueOf(c.getKey()));
                metadata.put("source", "libtorch via DJL (torch-oracle E2eFixtures)");
                SafeTensors.save(tensors, metadata, file);
                Map<String, Object> attrs = new LinkedHashMap<>();
                attrs.put("file", file.getFileName().toString());
                attrs.put("sha256", Sha256Sums.of(file));
                cases.add(fixtureCase(checkpointId(c.getKey()), attrs, List.of(), fingerprints(c.getValue())));
            }
            cases.add(fixtureCase(testId(torch.steps()), Map.of(), List.of(),
                    List.of(scalar(torch.testLoss), scalar(torch.testAccuracy))));
            store.write(path, "e2e " + run.name(), cases);
            written.add(path);
            entries.add(new Manifest.Entry(store.relative(path), cases.size(), FixtureStore.sha256(path)));
            total += cases.size();
            System.out.printf(Locale.ROOT, "%-22s %7d   (libtorch: %.1f steps/s, test accuracy %.4f)%n",
                    FAMILY + "/" + run.name(), cases.size(), torch.stepsPerSecond(), torch.testAccuracy);
        }
        return total;
    }

    private static FixtureCase fixtureCase(String id, Map<String, Object> attrs, List<Input> inputs,
                                           List<Value> outputs) {
        return new FixtureCase(id, List.of(), Json.attrs(attrs), inputs, null, outputs, List.of(), null);
    }

    /** Per tensor, its sum and largest magnitude: a readable trace of the weights in the JSON itself. */
    private static List<Value> fingerprints(Map<String, double[]> parameters) {
        List<Value> out = new ArrayList<>();
        for (double[] values : parameters.values()) {
            double sum = 0;
            double max = 0;
            for (double v : values) {
                sum += v;
                max = Math.max(max, Math.abs(v));
            }
            out.add(new Value(new int[] {2}, DType.FLOAT64, new double[] {sum, max}));
        }
        return out;
    }

    private static Value scalar(double v) {
        return new Value(new int[0], DType.FLOAT64, new double[] {v});
    }

    /**
     * PyTorch's recorded run, read back from the fixtures as a trace (time not recorded).
     * @param store the fixtures
     * @param run the run
     * @return the trace
     */
    public static Trace read(FixtureStore store, MnistRun run) {
        Path path = pathOf(store, run);
        FixtureFile file = store.read(path);
        String where = store.relative(path);
        Trace trace = new Trace();
        for (int k = 1; k <= MnistRun.STEPS; k++) {
            FixtureCase c = require(file, stepId(k), where);
            double[] indices = c.inputs().get(0).values();
            long[] batch = new long[indices.length];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = (long) indices[i];
            }
            trace.batches.add(batch);
            trace.losses.add(c.outputs().get(0).values()[0]);
        }
        for (int step : MnistRun.CHECKPOINTS) {
            FixtureCase c = require(file, checkpointId(step), where);
            Path params = path.resolveSibling(c.attrs().get("file").asText());
            String sha = Sha256Sums.of(params);
            if (!sha.equals(c.attrs().get("sha256").asText())) {
                throw new FixtureException(store.relative(params) + " was changed after regeneration (its sha256 " + sha
                        + " disagrees with " + where + "); run " + FixtureStore.REGENERATE);
            }
            Map<String, double[]> values = new LinkedHashMap<>();
            SafeTensors.load(params).forEach((name, t) -> {
                values.put(name, t.data());
                trace.shapes.put(name, t.shape());
            });
            trace.checkpoints.put(step, values);
        }
        FixtureCase test = require(file, testId(MnistRun.STEPS), where);
        trace.testLoss = test.outputs().get(0).values()[0];
        trace.testAccuracy = test.outputs().get(1).values()[0];
        return trace;
    }

    private static FixtureCase require(FixtureFile file, String id, String where) {
        FixtureCase c = file.find(id);
        if (c == null) {
            throw new FixtureException(where + " has no case '" + id + "'; run " + FixtureStore.REGENERATE);
        }
        return c;
    }
}
