package dev.nano.io;

import dev.nano.DType;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.nn.BatchNorm1d;
import dev.nano.nn.CrossEntropyLoss;
import dev.nano.nn.Linear;
import dev.nano.nn.Module;
import dev.nano.nn.ReLU;
import dev.nano.nn.Sequential;
import dev.nano.optim.Adam;
import dev.nano.optim.Optimizer;
import dev.nano.optim.ParamGroup;
import dev.nano.optim.SGD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Module and optimizer state dicts, and saving them as safetensors checkpoints. */
class CheckpointTest {
    @TempDir
    Path dir;

    static Sequential model(long seed) {
        Random g = new Random(seed);
        return new Sequential(new Linear(4, 6, true, g), new BatchNorm1d(6), new ReLU(), new Linear(6, 3, true, g));
    }

    /** Standard normal values from a seeded generator (kept local: Nano's own random factories are being reworked). */
    static Tensor normal(long seed, int rows, int cols) {
        Random g = new Random(seed);
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = g.nextGaussian();
        }
        return Nano.tensor(v, rows, cols);
    }

    @Test
    void stateDictHasPyTorchsKeysInPyTorchsOrderSharingStorage() {
        Sequential m = model(1);
        Map<String, Tensor> sd = m.stateDict();
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked", "3.weight", "3.bias"), List.copyOf(sd.keySet()));
        assertEquals(DType.INT64, sd.get("1.num_batches_tracked").dtype());
        assertFalse(sd.get("0.weight").requiresGrad());
        assertSame(m.parameters().get(0).data(), sd.get("0.weight").data());
        assertFalse(new Linear(2, 2, false).stateDict().containsKey("bias"));
    }

    @Test
    void loadStateDictCopiesEveryValueThroughASafetensorsFile() {
        Sequential a = model(1);
        Tensor x = normal(3, 5, 4);
        a.forward(x); // moves the running statistics and num_batches_tracked
        Path p = dir.resolve("model.safetensors");
        SafeTensors.save(a.stateDict(), Map.of("format", "pt"), p);
        Sequential b = model(2);
        int version = b.parameters().get(0).version();
        assertSame(b, b.loadStateDict(SafeTensors.load(p)));
        for (Map.Entry<String, Tensor> e : a.stateDict().entrySet()) {
            assertArrayEquals(e.getValue().data(), b.stateDict().get(e.getKey()).data(), e.getKey());
        }
        assertEquals(1, b.stateDict().get("1.num_batches_tracked").item());
        assertTrue(b.parameters().get(0).version() > version, "a load is an in-place write");
    }

    @Test
    void aPyTorchWrittenFloat32FileLoadsIntoALinear() throws IOException {
        Linear linear = new Linear(2, 1);
        linear.loadStateDict(SafeTensors.load(Files.write(dir.resolve("t.safetensors"), SafeTensorsTest.TORCH_FLOAT32)));
        assertArrayEquals(new double[] {0.5, -1.25}, linear.weight().data());
        assertArrayEquals(new double[] {3.0}, linear.bias().data());
    }

    @Test
    void valuesAreConvertedToTheReceivingDtype() {
        class Flags extends Module {
            final Tensor mask = registerBuffer("mask", Nano.boolTensor(new boolean[] {false, false}, 2));
            final Tensor count = registerBuffer("count", Nano.longTensor(new long[] {0}));
        }
        Flags f = new Flags();
        f.loadStateDict(Map.of("mask", Nano.tensor(0.0, -2.0), "count", Nano.scalar(-3.7)));
        assertArrayEquals(new double[] {0, 1}, f.mask.data());
        assertEquals(-3, f.count.item());
    }

    @Test
    void wrongKeysOrShapesAreAllReportedInPyTorchsWordsAndChangeNothing() {
        Sequential m = model(1);
        Map<String, Tensor> before = new LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> before.put(k, Nano.clone(v)));
        Map<String, Tensor> bad = new LinkedHashMap<>(model(2).stateDict());
        bad.remove("0.bias");
        bad.remove("3.bias");
        bad.put("3.weight", Nano.zeros(3, 7));
        bad.put("extra", Nano.zeros(1));
        var e = assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(bad));
        assertEquals("Error(s) in loading state_dict for Sequential:\n"
                + "\tMissing key(s) in state_dict: \"0.bias\", \"3.bias\". \n"
                + "\tUnexpected key(s) in state_dict: \"extra\". \n"
                + "\tsize mismatch for 3.weight: copying a param with shape torch.Size([3, 7]) from checkpoint, the "
                + "shape in current model is torch.Size([3, 6]).", e.getMessage());
        for (Map.Entry<String, Tensor> s : m.stateDict().entrySet()) {
            assertArrayEquals(before.get(s.getKey()).data(), s.getValue().data(), s.getKey());
        }
        Map<String, Tensor> onlyShape = new LinkedHashMap<>(model(2).stateDict());
        onlyShape.put("0.bias", Nano.zeros(5));
        var e2 = assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(onlyShape));
        assertTrue(e2.getMessage().startsWith("Error(s) in loading state_dict for Sequential:\n\tsize mismatch for "
                + "0.bias"), e2.getMessage());
    }

    @Test
    void aTruncatedCheckpointIsRefusedAndTheModelKeepsItsWeights() throws IOException {
        Path p = dir.resolve("model.safetensors");
        SafeTensors.save(model(1).stateDict(), p);
        byte[] bytes = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(bytes, bytes.length - 8));
        Sequential m = model(2);
        double[] before = m.parameters().get(0).data().clone();
        var e = assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(SafeTensors.load(p)));
        assertTrue(e.getMessage().startsWith("safetensors file " + p + ": truncated: the header describes"),
                e.getMessage());
        assertArrayEquals(before, m.parameters().get(0).data());
    }

    // ---------------------------------------------------------------- optimizers

    @Test
    void optimizerStateDictFlattensPyTorchsStateAndGroups() {
        Tensor w = Nano.ones(2, 2).requiresGrad(true);
        Tensor b = Nano.zeros(2).requiresGrad(true);
        Adam adam = Adam.builder(ParamGroup.of(w), ParamGroup.of(b).set("lr", 0.5)).amsgrad(true).build();
        w.setGrad(Nano.ones(2, 2));
        adam.step();
        Map<String, Tensor> sd = adam.stateDict();
        assertEquals(0.001, sd.get("param_groups.0.lr").item());
        assertEquals(0.5, sd.get("param_groups.1.lr").item());
        assertArrayEquals(new double[] {0.9, 0.999}, sd.get("param_groups.0.betas").data());
        assertEquals(DType.BOOL, sd.get("param_groups.0.amsgrad").dtype());
        assertEquals(1.0, sd.get("param_groups.0.amsgrad").item());
        assertArrayEquals(new double[] {0}, sd.get("param_groups.0.params").data());
        assertArrayEquals(new double[] {1}, sd.get("param_groups.1.params").data());
        assertEquals(1.0, sd.get("state.0.step").item());
        assertArrayEquals(new int[] {2, 2}, sd.get("state.0.exp_avg").shape());
        assertTrue(sd.containsKey("state.0.max_exp_avg_sq"));
        assertFalse(sd.keySet().stream().anyMatch(k -> k.startsWith("state.1.")), "b had no gradient: no state");
        assertNotSameStorage(adam.state(w).get("exp_avg"), sd.get("state.0.exp_avg"));
    }

    private static void assertNotSameStorage(Tensor a, Tensor b) {
        assertFalse(a.data() == b.data(), "the state dict holds copies");
    }

    @Test
    void optimizerLoadRestoresHyperparametersAndState() {
        Tensor w1 = Nano.ones(3).requiresGrad(true);
        Adam a = Adam.builder(w1).lr(0.1).betas(0.8, 0.9).build();
        w1.setGrad(Nano.tensor(1, 2, 3));
        a.step();
        a.paramGroups().get(0).lr(0.05);
        Path p = dir.resolve("adam.safetensors");
        SafeTensors.save(a.stateDict(), p);

        Tensor w2 = Nano.ones(3).requiresGrad(true);
        Adam b = Adam.builder(w2).build();
        b.loadStateDict(SafeTensors.load(p));
        assertEquals(0.05, b.paramGroups().get(0).lr());
        assertArrayEquals(new double[] {0.8, 0.9}, b.paramGroups().get(0).getPair("betas"));
        assertArrayEquals(a.state(w1).get("exp_avg_sq").data(), b.state(w2).get("exp_avg_sq").data());
        assertEquals(1.0, b.state(w2).get("step").item());
    }

    private static Map<String, Tensor> sgdState(double momentum) {
        Tensor w = Nano.ones(2).requiresGrad(true);
        SGD sgd = SGD.builder(w).lr(0.1).momentum(momentum).build();
        w.setGrad(Nano.ones(2));
        sgd.step();
        return sgd.stateDict();
    }

    @Test
    void aMismatchedOptimizerStateIsRefusedAndChangesNothing() {
        Tensor w = Nano.ones(2).requiresGrad(true);
        SGD sgd = SGD.builder(w).lr(0.1).momentum(0.9).build();
        w.setGrad(Nano.tensor(1, 2));
        sgd.step();
        Map<String, Tensor> before = sgd.stateDict();

        var e = assertThrows(IllegalArgumentException.class, () -> sgd.loadStateDict(Map.of()));
        assertEquals("loaded state dict has a different number of parameter groups (0, the optimizer has 1)",
                e.getMessage());
        Map<String, Tensor> twoParams = new LinkedHashMap<>(sgdState(0.9));
        twoParams.put("param_groups.0.params", Nano.longTensor(new long[] {0, 1}, 2));
        var e2 = assertThrows(IllegalArgumentException.class, () -> sgd.loadStateDict(twoParams));
        assertTrue(e2.getMessage().startsWith("loaded state dict contains a parameter group that doesn't match the size "
                + "of optimizer's group"), e2.getMessage());

        Map<String, Tensor> bad = new LinkedHashMap<>(sgdState(0.9));
        bad.remove("param_groups.0.dampening");
        bad.put("param_groups.0.nesterov", Nano.scalar(1));
        bad.put("state.0.momentum_buffer", Nano.zeros(3));
        bad.put("state.0.step", Nano.zeros(1));
        bad.put("state.1.momentum_buffer", Nano.zeros(2));
        bad.put("state.x.momentum_buffer", Nano.zeros(2));
        bad.put("other", Nano.zeros(2));
        bad.put("state.0.flag", Nano.boolTensor(new boolean[] {true, true}, 2));
        bad.put("param_groups.0.lr", Nano.tensor(0.1, 0.2));
        bad.put("param_groups.0.lr", Nano.tensor(0.1, 0.2));
        var e3 = assertThrows(IllegalArgumentException.class, () -> sgd.loadStateDict(bad));
        assertEquals("Error(s) in loading the optimizer's state_dict:\n"
                + "\tparam_groups.0.lr is a torch.float64 tensor of shape [2], expected torch.float64 of shape []\n"
                + "\tmissing param_groups.0.dampening\n"
                + "\tparam_groups.0.nesterov is a torch.float64 tensor of shape [], expected torch.bool of shape []\n"
                + "\tstate.0.momentum_buffer is a torch.float64 tensor of shape [3], but parameter 0 has shape [2]\n"
                + "\tstate.0.step is a torch.float64 tensor of shape [1], but parameter 0 has shape [2]\n"
                + "\tunexpected key state.1.momentum_buffer\n"
                + "\tunexpected key state.x.momentum_buffer\n"
                + "\tunexpected key other\n"
                + "\tstate.0.flag is a torch.bool tensor of shape [2], but parameter 0 has shape [2]",
                e3.getMessage());
        Map<String, Tensor> after = sgd.stateDict();
        for (Map.Entry<String, Tensor> s : before.entrySet()) {
            assertArrayEquals(s.getValue().data(), after.get(s.getKey()).data(), s.getKey());
        }
        assertEquals(before.keySet(), after.keySet());
    }

    // ---------------------------------------------------------------- resuming

    /** k steps of SGD with momentum on fixed batches; returns the losses' bits. */
    private static List<Long> train(Sequential m, Optimizer opt, int from, int to) {
        CrossEntropyLoss ce = new CrossEntropyLoss();
        List<Long> losses = new ArrayList<>();
        for (int step = from; step < to; step++) {
            Tensor x = normal(100 + step, 8, 4);
            Tensor y = Nano.longTensor(new long[] {0, 1, 2, 0, 1, 2, 0, 1}, 8);
            opt.zeroGrad();
            Tensor loss = ce.forward(m.forward(x), y);
            loss.backward();
            opt.step();
            losses.add(Double.doubleToRawLongBits(loss.item()));
        }
        return losses;
    }

    @Test
    void resumingFromACheckpointContinuesBitForBit() {
        Sequential straight = model(5);
        SGD sgd = SGD.builder(straight.parameters()).lr(0.1).momentum(0.9).build();
        List<Long> all = train(straight, sgd, 0, 10);

        Sequential first = model(5);
        SGD firstOpt = SGD.builder(first.parameters()).lr(0.1).momentum(0.9).build();
        List<Long> head = train(first, firstOpt, 0, 4);
        Path modelFile = dir.resolve("mlp.safetensors");
        Path optFile = dir.resolve("mlp-optimizer.safetensors");
        SafeTensors.save(first.stateDict(), modelFile);
        SafeTensors.save(firstOpt.stateDict(), optFile);

        Sequential resumed = model(99);                      // other weights, overwritten by the checkpoint
        SGD resumedOpt = SGD.builder(resumed.parameters()).lr(0.5).momentum(0.9).build();
        resumed.loadStateDict(SafeTensors.load(modelFile));
        resumedOpt.loadStateDict(SafeTensors.load(optFile));
        List<Long> tail = train(resumed, resumedOpt, 4, 10);

        List<Long> joined = new ArrayList<>(head);
        joined.addAll(tail);
        assertEquals(all, joined);
        for (int i = 0; i < straight.parameters().size(); i++) {
            assertArrayEquals(straight.parameters().get(i).data(), resumed.parameters().get(i).data());
        }
        assertNotEquals(all.get(4), head.get(3));
    }
}
