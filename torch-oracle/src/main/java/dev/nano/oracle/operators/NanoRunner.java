package dev.nano.oracle.operators;

import dev.nano.Tensor;
import dev.nano.autograd.GradMode;
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
        Tensor[] leaves = leaves(inputs);
        Tensor[] outs;
        try {
            outs = op.nano().apply(leaves, sample.attrs());
        } catch (RuntimeException e) {
            return Result.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return backward(op, inputs, leaves, outs, upstream);
    }

    /**
     * Runs one case through the operator's in-place form ({@link OpInfo#inplace()}), as PyTorch's
     * OpInfo tests run {@code inplace_variant}: on a clone of input 0 (so that the gradient still
     * reaches the case's leaf through CloneBackward), which the form must return, written, with its
     * version counter moved on; then backward as for the operator. Without an upstream gradient the
     * call runs with grad mode off, so the form takes its direct loop over the storage instead of
     * recording a node (the two paths of {@code dev.nano.ops.InPlace}).
     * @param op       the operator, which has an in-place form
     * @param sample   the case
     * @param inputs   the inputs to use
     * @param upstream dL/d(output 0) for backward, or null for the forward alone, with grad mode off
     * @return nano's outputs and gradients, or its error
     */
    public static Result runInPlace(OpInfo op, Sample sample, List<Input> inputs, Value upstream) {
        Tensor[] leaves = leaves(inputs);
        Tensor[] args = leaves.clone();
        args[0] = leaves[0].cloneTensor();
        int versionBefore = args[0].version();
        Tensor[] outs;
        try (GradMode.Scope ignored = GradMode.set(upstream != null)) {
            outs = op.inplace().apply(args, sample.attrs());
        } catch (RuntimeException e) {
            return Result.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (outs[0] != args[0]) {
            return Result.failure("nano: " + op.name() + "_ returned a new tensor instead of writing into its input");
        }
        if (args[0].version() == versionBefore) {
            return Result.failure("nano: " + op.name() + "_ did not move the written tensor's version counter on");
        }
        return backward(op, inputs, leaves, outs, upstream);
    }

    private static Tensor[] leaves(List<Input> inputs) {
        Tensor[] leaves = new Tensor[inputs.size()];
        for (int i = 0; i < leaves.length; i++) {
            Input in = inputs.get(i);
            leaves[i] = new Tensor(in.values().clone(), in.shape(), in.dtype());
            if (in.requiresGrad()) {
                leaves[i].requiresGrad(true);
            }
        }
        return leaves;
    }

    /** The outputs as values, then backward from output 0 and the leaves' gradients. */
    private static Result backward(OpInfo op, List<Input> inputs, Tensor[] leaves, Tensor[] outs, Value upstream) {
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
