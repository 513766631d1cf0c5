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
 * libtorch's side of the CNN run ({@link CnnRun}), recorded in the layout of {@link E2eFixtures}:
 * {@code fixtures/e2e/mnist-cnn-sgd-momentum.json} with one case per step (the batch's dataset
 * indices, the loss), one per checkpoint (the parameters in
 * {@code mnist-cnn-sgd-momentum-step-<k>.safetensors} next to it, named as PyTorch's
 * {@code nn.Sequential} names them, with the file's sha256) and the test result after the last step.
 */
public final class CnnFixtures {
    private CnnFixtures() {
    }

    /**
     * The run's fixture file.
     * @param store the fixtures
     * @return the path
     */
    public static Path pathOf(FixtureStore store) {
        return store.root().resolve(E2eFixtures.FAMILY).resolve(CnnRun.NAME + ".json");
    }

    /**
     * Called by the family's regeneration: runs the CNN through libtorch and writes its fixtures.
     * @param store the fixtures
     * @param entries the manifest's entries, added to
     * @param written the paths written, added to
     */
    public static void regenerate(FixtureStore store, List<Manifest.Entry> entries, Set<Path> written) {
        MnistData data = MnistData.bundled(FixtureStore.locate());
        Trace torch = TorchCnnTraining.run(data, CnnRun.STEPS, true, NanoCnnTraining.model().stateDict(), t -> { });
        Path path = pathOf(store);
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
            cases.add(fixtureCase(E2eFixtures.stepId(k), Map.of(), List.of(Input.int64(new int[] {batch.length},
                    indices)), List.of(scalar(torch.losses.get(k - 1)))));
        }
        for (Map.Entry<Integer, Map<String, double[]>> c : torch.checkpoints.entrySet()) {
            Path file = path.resolveSibling(CnnRun.NAME + "-step-" + c.getKey() + ".safetensors");
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            c.getValue().forEach((name, values) -> tensors.put(name, new Tensor(values, torch.shapes.get(name))));
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("format", "pt");
            metadata.put("run", CnnRun.NAME);
            metadata.put("step", String.valueOf(c.getKey()));
            metadata.put("source", "libtorch via DJL (torch-oracle CnnFixtures)");
            SafeTensors.save(tensors, metadata, file);
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("file", file.getFileName().toString());
            attrs.put("sha256", Sha256Sums.of(file));
            cases.add(fixtureCase(E2eFixtures.checkpointId(c.getKey()), attrs, List.of(), fingerprints(c.getValue())));
        }
        cases.add(fixtureCase(E2eFixtures.testId(torch.steps()), Map.of(), List.of(),
                List.of(scalar(torch.testLoss), scalar(torch.testAccuracy))));
        store.write(path, "e2e " + CnnRun.NAME, cases);
        written.add(path);
        entries.add(new Manifest.Entry(store.relative(path), cases.size(), FixtureStore.sha256(path)));
        System.out.printf(Locale.ROOT, "%-22s %7d   (libtorch: %.1f steps/s, test accuracy %.4f)%n",
                E2eFixtures.FAMILY + "/" + CnnRun.NAME, cases.size(), torch.stepsPerSecond(), torch.testAccuracy);
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
     * libtorch's recorded run, read back as a trace.
     * @param store the fixtures
     * @return the trace
     */
    public static Trace read(FixtureStore store) {
        Path path = pathOf(store);
        FixtureFile file = store.read(path);
        String where = store.relative(path);
        Trace trace = new Trace();
        for (int k = 1; k <= CnnRun.STEPS; k++) {
            FixtureCase c = require(file, E2eFixtures.stepId(k), where);
            double[] indices = c.inputs().get(0).values();
            long[] batch = new long[indices.length];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = (long) indices[i];
            }
            trace.batches.add(batch);
            trace.losses.add(c.outputs().get(0).values()[0]);
        }
        for (int step : CnnRun.CHECKPOINTS) {
            FixtureCase c = require(file, E2eFixtures.checkpointId(step), where);
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
        FixtureCase test = require(file, E2eFixtures.testId(CnnRun.STEPS), where);
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
