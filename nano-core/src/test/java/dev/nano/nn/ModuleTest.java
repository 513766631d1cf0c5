package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module tree: registration order, names, deduplication, train/eval, gradients, printing. */
class ModuleTest {

    /** A module with a parameter, a buffer, an absent parameter and two children. */
    static final class Block extends Module {
        final Tensor scale = registerParameter("scale", Nano.ones(2));
        final Tensor absent = registerParameter("absent", null);
        final Tensor count = registerBuffer("count", Nano.zeros(1));
        final Linear first;
        final Linear second;

        Block(Linear first, Linear second) {
            this.first = registerModule("first", first);
            this.second = registerModule("second", second);
        }

        @Override
        public Tensor forward(Tensor input) {
            return second.forward(first.forward(input)).mul(scale);
        }
    }

    private static Linear linear(int in, int out) {
        return new Linear(in, out, true, new Random(1));
    }

    @Test
    void parametersComeInRegistrationOrderWithDottedNames() {
        Block block = new Block(linear(3, 2), linear(2, 2));
        Map<String, Tensor> named = block.namedParameters();
        assertEquals(List.of("scale", "first.weight", "first.bias", "second.weight", "second.bias"),
                List.copyOf(named.keySet()));
        assertSame(block.scale, block.parameters().get(0));
        assertSame(block.first.weight(), named.get("first.weight"));
        assertTrue(block.parameters().stream().allMatch(Tensor::requiresGrad), "parameters require grad");
    }

    @Test
    void aSharedParameterOrModuleIsListedOnce() {
        Linear shared = linear(2, 2);
        Block block = new Block(shared, shared);
        assertEquals(List.of("scale", "first.weight", "first.bias"), List.copyOf(block.namedParameters().keySet()));
        assertEquals(List.of("", "first"), List.copyOf(block.namedModules().keySet()));
        assertEquals(3, block.parameters().size());
        assertEquals(2, block.modules().size());
    }

    @Test
    void buffersAreNotParameters() {
        Block block = new Block(linear(3, 2), linear(2, 2));
        assertEquals(List.of("count"), List.copyOf(block.namedBuffers().keySet()));
        assertSame(block.count, block.buffers().get(0));
        assertFalse(block.parameters().contains(block.count));
        BatchNorm1d bn = new BatchNorm1d(3);
        Sequential seq = new Sequential(linear(2, 3), bn);
        assertEquals(List.of("1.running_mean", "1.running_var", "1.num_batches_tracked"),
                List.copyOf(seq.namedBuffers().keySet()));
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias"), List.copyOf(seq.namedParameters().keySet()));
    }

    @Test
    void childrenAreTheDirectOnes() {
        Linear a = linear(3, 2);
        Linear b = linear(2, 2);
        Block block = new Block(a, b);
        assertEquals(List.of(a, b), block.children());
        assertEquals(List.of("first", "second"), List.copyOf(block.namedChildren().keySet()));
        Sequential outer = new Sequential(block, new ReLU());
        assertEquals(List.of("", "0", "0.first", "0.second", "1"), List.copyOf(outer.namedModules().keySet()));
    }

    @Test
    void aNewModuleIsTrainingAndTrainEvalCoverTheSubtreeAndReturnTheModule() {
        Block block = new Block(linear(3, 2), linear(2, 2));
        assertTrue(block.isTraining());
        assertSame(block, block.eval());
        assertTrue(block.modules().stream().noneMatch(Module::isTraining), "eval() reaches every descendant");
        assertSame(block, block.train());
        assertTrue(block.modules().stream().allMatch(Module::isTraining));
        assertSame(block, block.train(false));
        assertFalse(block.first.isTraining());
        // A module built after its parent's eval() still starts in training mode.
        Sequential parent = new Sequential();
        parent.eval();
        Dropout late = new Dropout(0.5);
        parent.append(late);
        assertTrue(late.isTraining());
        assertFalse(parent.isTraining());
    }

    @Test
    void evalOnASubmoduleTouchesOnlyItsSubtreeUntilTheParentTrainsAgain() {
        Block inner = new Block(linear(3, 2), linear(2, 2));
        Sequential model = new Sequential(linear(2, 3), inner, new Dropout(0.1));
        inner.eval();
        assertTrue(model.isTraining());
        assertTrue(model.get(0).isTraining());
        assertFalse(inner.first.isTraining());
        assertTrue(model.get(2).isTraining());
        model.train();
        assertTrue(model.modules().stream().allMatch(Module::isTraining));
    }

    @Test
    void theModeDoesNotTouchGradMode() {
        Sequential model = new Sequential(linear(2, 2));
        model.eval();
        assertTrue(Nano.isGradEnabled());
        Tensor y = model.forward(Nano.ones(1, 2));
        assertTrue(y.requiresGrad(), "eval() is not no_grad()");
        try (var g = Nano.noGrad()) {
            assertFalse(model.forward(Nano.ones(1, 2)).requiresGrad());
            assertFalse(model.isTraining());
        }
    }

    @Test
    void zeroGradClearsOrZeroesEveryGradient() {
        Sequential model = new Sequential(linear(3, 2), new ReLU(), linear(2, 1));
        model.forward(Nano.ones(4, 3)).sum().backward();
        assertTrue(model.parameters().stream().allMatch(p -> p.grad() != null));
        model.zeroGrad(false);
        for (Tensor p : model.parameters()) {
            assertNotNull(p.grad());
            for (double g : p.grad().data()) {
                assertEquals(0.0, g);
            }
        }
        model.zeroGrad();
        assertTrue(model.parameters().stream().allMatch(p -> p.grad() == null));
        model.zeroGrad(); // nothing to clear: fine
        model.zeroGrad(false);
    }

    @Test
    void requiresGradFreezesAndUnfreezes() {
        Sequential model = new Sequential(linear(3, 2));
        assertSame(model, model.requiresGrad(false));
        assertTrue(model.parameters().stream().noneMatch(Tensor::requiresGrad));
        assertFalse(model.forward(Nano.ones(1, 3)).requiresGrad());
        model.requiresGrad(true);
        assertTrue(model.parameters().stream().allMatch(Tensor::requiresGrad));
    }

    static final class Named extends Module {
        void add(String kind, String name) {
            switch (kind) {
                case "parameter" -> registerParameter(name, Nano.ones(1));
                case "buffer" -> registerBuffer(name, Nano.ones(1));
                default -> registerModule(name, new ReLU());
            }
        }
    }

    @Test
    void badNamesFailAsInPyTorch() {
        Named m = new Named();
        assertEquals("parameter name can't be empty string \"\"",
                assertThrows(IllegalArgumentException.class, () -> m.add("parameter", "")).getMessage());
        assertEquals("buffer name can't contain \".\", got: a.b",
                assertThrows(IllegalArgumentException.class, () -> m.add("buffer", "a.b")).getMessage());
        assertEquals("module name can't be empty string \"\"",
                assertThrows(IllegalArgumentException.class, () -> m.add("module", null)).getMessage());
        m.add("parameter", "w");
        m.add("parameter", "w"); // the same kind again replaces it
        assertEquals("attribute 'w' already exists",
                assertThrows(IllegalArgumentException.class, () -> m.add("module", "w")).getMessage());
        assertEquals("attribute 'w' already exists",
                assertThrows(IllegalArgumentException.class, () -> m.add("buffer", "w")).getMessage());
        assertEquals(1, m.parameters().size());
        Module computed = new Module() {
            {
                Tensor leaf = Nano.ones(2).requiresGrad(true);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> registerParameter("scaled", leaf.mul(2.0)));
                assertTrue(e.getMessage().startsWith("Cannot assign non-leaf Tensor to parameter 'scaled'. Model "
                        + "parameters must be created explicitly."), e.getMessage());
                assertSame(leaf, registerParameter("leaf", leaf), "a leaf that already requires grad is kept as is");
            }
        };
        assertEquals(1, computed.parameters().size());
    }

    @Test
    void aModuleWithoutForwardSaysSo() {
        Named m = new Named();
        assertEquals("Module [Named] is missing the required \"forward\" function",
                assertThrows(UnsupportedOperationException.class, () -> m.forward(Nano.ones(1))).getMessage());
        assertEquals("Named()", m.toString());
    }

    @Test
    void sequentialChainsIndexesAndAppends() {
        Linear a = linear(3, 4);
        ReLU relu = new ReLU();
        Linear b = linear(4, 2);
        Sequential seq = new Sequential(a, relu);
        assertSame(seq, seq.append(b));
        assertEquals(3, seq.size());
        assertSame(a, seq.get(0));
        assertSame(b, seq.get(-1));
        assertSame(relu, seq.get(-2));
        assertEquals("index 3 is out of range", assertThrows(IndexOutOfBoundsException.class, () -> seq.get(3))
                .getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> seq.get(-4));
        Tensor x = GradCheckInputs.uniform(3, -1, 1, 5, 3);
        Tensor expected = b.forward(a.forward(x).relu());
        assertArrayEquals(expected.data(), seq.forward(x).data());
        assertSame(x, new Sequential().forward(x), "an empty Sequential is the identity");
    }

    @Test
    void printsLikePyTorch() {
        Sequential model = new Sequential(new Linear(4, 8), new BatchNorm1d(8), new ReLU(), new Dropout(0.2),
                new Linear(8, 3, false));
        assertEquals("Sequential(\n"
                + "  (0): Linear(in_features=4, out_features=8, bias=True)\n"
                + "  (1): BatchNorm1d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\n"
                + "  (2): ReLU()\n"
                + "  (3): Dropout(p=0.2, inplace=False)\n"
                + "  (4): Linear(in_features=8, out_features=3, bias=False)\n"
                + ")", model.toString());
        Sequential nested = new Sequential(new Sequential(new Tanh()), new LayerNorm(3, 4));
        assertEquals("Sequential(\n"
                + "  (0): Sequential(\n"
                + "    (0): Tanh()\n"
                + "  )\n"
                + "  (1): LayerNorm((3, 4), eps=1e-05, elementwise_affine=True)\n"
                + ")", nested.toString());
        assertEquals("BatchNorm2d(3, eps=0.001, momentum=None, affine=False, track_running_stats=False)",
                new BatchNorm2d(3, 1e-3, null, false, false).toString());
        assertEquals("LayerNorm((5,), eps=1e-05, elementwise_affine=False)",
                new LayerNorm(new int[] {5}, 1e-5, false, true).toString());
        assertEquals("GELU(approximate='tanh')", new GELU("tanh").toString());
        assertEquals("Softmax(dim=1)", new Softmax(1).toString());
        assertEquals("LogSoftmax(dim=-1)", new LogSoftmax(-1).toString());
        assertEquals("Flatten(start_dim=1, end_dim=-1)", new Flatten().toString());
        assertEquals("Sigmoid()", new Sigmoid().toString());
        assertEquals("CrossEntropyLoss()", new CrossEntropyLoss().toString());
        assertEquals("Sequential()", new Sequential().toString());
    }

    /** Random inputs for the tests of this package. */
    static final class GradCheckInputs {
        static Tensor uniform(long seed, double lo, double hi, int... shape) {
            return dev.nano.GradCheck.uniform(seed, lo, hi, shape);
        }
    }

    @Test
    void absentParametersAreRegisteredButNotListed() {
        Block block = new Block(linear(3, 2), linear(2, 2));
        assertNull(block.absent);
        assertFalse(block.namedParameters().containsKey("absent"));
        Linear noBias = new Linear(3, 2, false);
        assertNull(noBias.bias());
        assertEquals(List.of("weight"), List.copyOf(noBias.namedParameters().keySet()));
    }
}
