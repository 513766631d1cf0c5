package dev.nano.nn;

import dev.nano.GradCheck;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The activation and loss modules are thin wrappers: the same numbers as the functions they call. */
class ModulesTest {
    private final Tensor x = GradCheck.uniform(1, -2, 2, 3, 4);

    @Test
    void activationsCallTheirOperators() {
        assertArrayEquals(x.relu().data(), new ReLU().forward(x).data());
        assertArrayEquals(x.sigmoid().data(), new Sigmoid().forward(x).data());
        assertArrayEquals(x.tanh().data(), new Tanh().forward(x).data());
        assertArrayEquals(x.gelu().data(), new GELU().forward(x).data());
        assertArrayEquals(x.gelu("tanh").data(), new GELU("tanh").forward(x).data());
        assertArrayEquals(x.softmax(1).data(), new Softmax(1).forward(x).data());
        assertArrayEquals(x.logSoftmax(0).data(), new LogSoftmax(0).forward(x).data());
        Tensor y = GradCheck.uniform(2, -1, 1, 2, 3, 4);
        assertArrayEquals(new int[] {2, 12}, new Flatten().forward(y).shape());
        assertArrayEquals(new int[] {6, 4}, new Flatten(0, 1).forward(y).shape());
    }

    @Test
    void lossesCallTheirFunctions() {
        Tensor target = Nano.longTensor(new long[] {0, 3, 1}, 3);
        Tensor w = Nano.tensor(1, 2, 3, 4);
        assertArrayEquals(F.crossEntropy(x, target).data(), new CrossEntropyLoss().forward(x, target).data());
        assertArrayEquals(F.crossEntropy(x, target, w, 1, "sum", 0.1).data(),
                new CrossEntropyLoss(w, 1, "sum", 0.1).forward(x, target).data());
        Tensor logp = x.logSoftmax(1);
        assertArrayEquals(F.nllLoss(logp, target).data(), new NLLLoss().forward(logp, target).data());
        assertArrayEquals(F.nllLoss(logp, target, w, 3, "none").data(),
                new NLLLoss(w, 3, "none").forward(logp, target).data());
        Tensor t = GradCheck.uniform(3, 0, 1, 3, 4);
        assertArrayEquals(F.mseLoss(x, t).data(), new MSELoss().forward(x, t).data());
        assertArrayEquals(F.mseLoss(x, t, "sum").data(), new MSELoss("sum").forward(x, t).data());
        Tensor p = x.sigmoid();
        assertArrayEquals(F.binaryCrossEntropy(p, t).data(), new BCELoss().forward(p, t).data());
        assertArrayEquals(F.binaryCrossEntropy(p, t, w, "none").data(), new BCELoss(w, "none").forward(p, t).data());
        assertArrayEquals(F.binaryCrossEntropyWithLogits(x, t).data(), new BCEWithLogitsLoss().forward(x, t).data());
        Tensor posWeight = w.mul(3.0).add(0.5); // distinct from w, so swapped arguments would show
        assertArrayEquals(F.binaryCrossEntropyWithLogits(x, t, w, "sum", posWeight).data(),
                new BCEWithLogitsLoss(w, "sum", posWeight).forward(x, t).data());
    }

    @Test
    void classWeightsAreBuffersAndTheReductionIsKept() {
        Tensor w = Nano.tensor(1, 2);
        CrossEntropyLoss ce = new CrossEntropyLoss(w, -100, "sum", 0);
        assertSame(w, ce.namedBuffers().get("weight"));
        assertEquals("sum", ce.reduction());
        BCEWithLogitsLoss bce = new BCEWithLogitsLoss(null, "mean", w);
        assertEquals(List.of("pos_weight"), List.copyOf(bce.namedBuffers().keySet()));
        assertEquals("mean", new MSELoss().reduction());
        assertEquals("CrossEntropyLoss.forward() missing 1 required positional argument: 'target'",
                assertThrows(IllegalArgumentException.class, () -> ce.forward(x)).getMessage());
    }
}
