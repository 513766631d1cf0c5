package dev.nano.oracle.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.nano.DType;
import dev.nano.oracle.torch.TorchEngine;
import dev.nano.oracle.value.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a scenario on the PyTorch side: gradients given, or computed by PyTorch's autograd (DJL),
 * and the update by {@link TorchOptimizer}; everything float64. One NDManager per run, closed at
 * the end, keeps native memory flat.
 */
public final class TorchOptimRunner {
    private TorchOptimRunner() {
    }

    /**
     * Runs PyTorch's optimizer (the {@link TorchOptimizer} port) for one configuration and scenario.
     * @param config the configuration
     * @param scenario the scenario
     * @param inputs its starting point
     * @return the trajectory
     */
    public static Trajectory run(OptimConfig config, Scenario scenario, Scenario.Inputs inputs) {
        try (NDManager m = TorchEngine.baseManager().newSubManager()) {
            NDArray[] params = new NDArray[inputs.initial().size()];
            for (int i = 0; i < params.length; i++) {
                params[i] = create(m, inputs.initial().get(i));
            }
            TorchOptimizer optimizer = TorchOptimizer.create(config, m, Arrays.asList(params));
            List<Trajectory.Step> steps = new ArrayList<>();
            for (int step = 0; step < scenario.steps(); step++) {
                List<Value> grads = scenario.givesGradients() ? inputs.givenGrads().get(step)
                        : autogradGradients(params, inputs.constants().get(0));
                NDArray[] g = new NDArray[params.length];
                for (int i = 0; i < g.length; i++) {
                    g[i] = grads.get(i) == null ? null : create(m, grads.get(i));
                }
                optimizer.step(params, g);
                if (scenario.records(step + 1)) {
                    steps.add(record(grads, params, optimizer));
                }
            }
            return new Trajectory(steps);
        }
    }

    /**
     * d/d(x, W) of {@code x.matmul(W).relu().logSoftmax(1).mul(m).add(m).sum()} by PyTorch's autograd,
     * on fresh leaves holding the current values (so nothing accumulates across steps). The open
     * collector is what turns PyTorch's grad mode on for the forward pass.
     */
    static List<Value> autogradGradients(NDArray[] params, Value mValue) {
        try (NDManager m = TorchEngine.baseManager().newSubManager()) {
            NDArray x = m.create(params[0].toDoubleArray(), params[0].getShape());
            NDArray w = m.create(params[1].toDoubleArray(), params[1].getShape());
            NDArray constant = create(m, mValue);
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray loss = Activation.relu(x.matMul(w)).logSoftmax(1).mul(constant).add(constant).sum();
                JniUtils.backward((PtNDArray) loss, (PtNDArray) m.create(1.0), false, false);
                return List.of(read(x.getGradient()), read(w.getGradient()));
            }
        }
    }

    private static Trajectory.Step record(List<Value> grads, NDArray[] params, TorchOptimizer optimizer) {
        List<Value> values = new ArrayList<>();
        List<Map<String, Value>> state = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            values.add(read(params[i]));
            Map<String, Value> s = new LinkedHashMap<>();
            optimizer.state(i).forEach((name, array) -> s.put(name, read(array)));
            state.add(s);
        }
        return new Trajectory.Step(grads, values, state);
    }

    static NDArray create(NDManager m, Value v) {
        long[] shape = Arrays.stream(v.shape()).asLongStream().toArray();
        return m.create(v.values().clone(), new Shape(shape));
    }

    /** A float64 array's values; anything else means a float literal or default-typed factory leaked in. */
    static Value read(NDArray a) {
        if (a.getDataType() != DataType.FLOAT64) {
            throw new IllegalStateException("the torch-side optimizer produced " + a.getDataType()
                    + "; everything must stay float64");
        }
        int[] shape = Arrays.stream(a.getShape().getShape()).mapToInt(d -> (int) d).toArray();
        return new Value(shape, DType.FLOAT64, a.toDoubleArray());
    }
}
