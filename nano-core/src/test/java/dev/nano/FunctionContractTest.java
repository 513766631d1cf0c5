package dev.nano;

import dev.nano.autograd.Context;
import dev.nano.autograd.Function;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What {@code Function.apply} checks for every operator, whoever calls it. */
class FunctionContractTest {

    /** A constant: no inputs, so the dtype rule has nothing to refuse. */
    static final class Constant extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            return Nano.scalar(7);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            return new Tensor[0];
        }
    }

    /** The identity, to be called with a null input. */
    static final class Identity extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            return inputs[0];
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            return new Tensor[] {gradOutput};
        }
    }

    @Test
    void aNullInputIsNamedByTheOperatorAndItsPosition() {
        var e = assertThrows(NullPointerException.class, () -> new Identity().apply(Nano.scalar(1), null));
        assertEquals("identity: argument 'input 1' must not be null", e.getMessage());
    }

    @Test
    void anOperatorWithoutInputsComputes() {
        Expect.values(new Constant().apply(), new int[0], 7);
    }
}
