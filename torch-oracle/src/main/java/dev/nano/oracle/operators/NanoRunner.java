package dev.nano.oracle.operators;

import dev.nano.Tensor;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.compare.Compare;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs a case through nano: forward, then backward with the given upstream gradient. */
public final class NanoRunner {
    private NanoRunner() {
    }

    /**
     * Runs one case through nano: forward, then backward with the upstream gradient.
     * @param op       the operator
     * @param sample   the case
     * @param inputs   the inputs to use (normally the fixture's, which equal the catalogue's)
     * @param upstream dL/d(output 0) for backward, or null to skip backward
     * @return nano's outputs and gradients, or its error
     */
    public static Result run(OpInfo op, Sample sample, List<Input> inputs, Value upstream) {
        Tensor[] leaves = new Tensor[inputs.size()];
        for (int i = 0; i < leaves.length; i++) {
            Input in = inputs.get(i);
            leaves[i] = new Tensor(in.values().clone(), in.shape(), in.dtype());
            if (in.requiresGrad()) {
                leaves[i].requiresGrad(true);
            }
        }
        Tensor[] outs;
        try {
            outs = op.nano().apply(leaves, sample.attrs());
        } catch (RuntimeException e) {
            return Result.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        List<Value> outputs = new ArrayList<>();
        for (Tensor t : outs) {
            outputs.add(Value.of(t));
        }
        List<Value> grads = new ArrayList<>();
        if (upstream != null) {
            Tensor out = outs[0];
            if (!out.requiresGrad()) {
                return Result.failure("nano: output of " + op.name() + " does not require grad, so no backward");
            }
            if (!Arrays.equals(out.shape(), upstream.shape())) {
                return Result.failure("nano: output shape " + Arrays.toString(out.shape())
                        + " differs from the upstream gradient's " + Arrays.toString(upstream.shape()));
            }
            try {
                out.backward(upstream.toTensor());
            } catch (RuntimeException e) {
                return Result.failure("backward: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            for (int i = 0; i < leaves.length; i++) {
                if (!inputs.get(i).requiresGrad()) {
                    grads.add(null);
                } else if (leaves[i].grad() == null) {
                    // PyTorch leaves .grad None when nothing flows; DJL reports zeros. Compare as zeros.
                    grads.add(new Value(leaves[i].shape(), dev.nano.DType.FLOAT64, new double[leaves[i].numel()]));
                } else {
                    grads.add(Value.of(leaves[i].grad()));
                }
            }
        }
        return new Result(outputs, upstream, grads, null);
    }
}
