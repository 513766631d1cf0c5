package dev.nano.autograd;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A graph node prints as PyTorch's grad_fn name. Added for the mutation score
 * (scripts/mutation-score): Context.toString was never called by a test.
 */
class ContextNameTest {

    @Test
    void aNodePrintsAsItsBackwardName() {
        Tensor x = Nano.tensor(1.0, 2.0).requiresGrad(true);
        assertEquals("MulBackward0", String.valueOf(x.mul(x).gradFn()));
        assertEquals("SumBackward0", String.valueOf(x.sum().gradFn()));
    }
}
