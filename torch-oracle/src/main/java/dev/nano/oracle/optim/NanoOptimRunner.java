package dev.nano.oracle.optim;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.optim.Adagrad;
import dev.nano.optim.Adam;
import dev.nano.optim.AdamW;
import dev.nano.optim.Optimizer;
import dev.nano.optim.RMSprop;
import dev.nano.optim.SGD;
import dev.nano.oracle.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a scenario in nano: its optimizer, and for the autograd scenario its own autograd too. */
public final class NanoOptimRunner {
    private NanoOptimRunner() {
    }

    /**
     * Runs nano's optimizer for one configuration and scenario.
     * @param config the configuration
     * @param scenario the scenario
     * @param inputs its starting point
     * @return the trajectory
     */
    public static Trajectory run(OptimConfig config, Scenario scenario, Scenario.Inputs inputs) {
        List<Tensor> params = new ArrayList<>();
        for (Value v : inputs.initial()) {
            params.add(v.toTensor().requiresGrad(true));
        }
        Optimizer optimizer = build(config, params);
        List<Trajectory.Step> steps = new ArrayList<>();
        for (int step = 0; step < scenario.steps(); step++) {
            List<Value> grads = new ArrayList<>();
            if (scenario.givesGradients()) {
                for (int i = 0; i < params.size(); i++) {
                    Value g = inputs.givenGrads().get(step).get(i);
                    params.get(i).setGrad(g == null ? null : g.toTensor());
                    grads.add(g);
                }
            } else {
                optimizer.zeroGrad();
                Tensor m = inputs.constants().get(0).toTensor();
                Tensor x = params.get(0);
                Tensor w = params.get(1);
                x.matmul(w).relu().logSoftmax(1).mul(m).add(m).sum().backward();
                params.forEach(p -> grads.add(Value.of(p.grad())));
            }
            optimizer.step();
            if (scenario.records(step + 1)) {
                steps.add(record(grads, params, optimizer));
            }
        }
        return new Trajectory(steps);
    }

    /**
     * nano's optimizer for a configuration, through its public builders.
     * @param config the configuration
     * @param params the parameters
     * @return the optimizer
     */
    public static Optimizer build(OptimConfig config, List<Tensor> params) {
        Map<String, Object> h = config.hyperparameters();
        return switch (config.optimizer()) {
            case "sgd" -> {
                SGD.Builder b = SGD.builder(params);
                h.forEach((name, value) -> {
                    switch (name) {
                        case "lr" -> b.lr((Double) value);
                        case "momentum" -> b.momentum((Double) value);
                        case "dampening" -> b.dampening((Double) value);
                        case "weight_decay" -> b.weightDecay((Double) value);
                        case "nesterov" -> b.nesterov((Boolean) value);
                        case "maximize" -> b.maximize((Boolean) value);
                        default -> throw unknown(config, name);
                    }
                });
                yield b.build();
            }
            case "rmsprop" -> {
                RMSprop.Builder b = RMSprop.builder(params);
                h.forEach((name, value) -> {
                    switch (name) {
                        case "lr" -> b.lr((Double) value);
                        case "alpha" -> b.alpha((Double) value);
                        case "eps" -> b.eps((Double) value);
                        case "weight_decay" -> b.weightDecay((Double) value);
                        case "momentum" -> b.momentum((Double) value);
                        case "centered" -> b.centered((Boolean) value);
                        case "maximize" -> b.maximize((Boolean) value);
                        default -> throw unknown(config, name);
                    }
                });
                yield b.build();
            }
            case "adagrad" -> {
                Adagrad.Builder b = Adagrad.builder(params);
                h.forEach((name, value) -> {
                    switch (name) {
                        case "lr" -> b.lr((Double) value);
                        case "lr_decay" -> b.lrDecay((Double) value);
                        case "weight_decay" -> b.weightDecay((Double) value);
                        case "initial_accumulator_value" -> b.initialAccumulatorValue((Double) value);
                        case "eps" -> b.eps((Double) value);
                        case "maximize" -> b.maximize((Boolean) value);
                        default -> throw unknown(config, name);
                    }
                });
                yield b.build();
            }
            case "adam" -> {
                Adam.Builder b = Adam.builder(params);
                if (h.containsKey("beta1") || h.containsKey("beta2")) {
                    b.betas(config.number("beta1"), config.number("beta2"));
                }
                h.forEach((name, value) -> {
                    switch (name) {
                        case "lr" -> b.lr((Double) value);
                        case "beta1", "beta2" -> { } // set together above
                        case "eps" -> b.eps((Double) value);
                        case "weight_decay" -> b.weightDecay((Double) value);
                        case "amsgrad" -> b.amsgrad((Boolean) value);
                        case "maximize" -> b.maximize((Boolean) value);
                        case "decoupled_weight_decay" -> b.decoupledWeightDecay((Boolean) value);
                        default -> throw unknown(config, name);
                    }
                });
                yield b.build();
            }
            case "adamw" -> {
                AdamW.Builder b = AdamW.builder(params);
                if (h.containsKey("beta1") || h.containsKey("beta2")) {
                    b.betas(config.number("beta1"), config.number("beta2"));
                }
                h.forEach((name, value) -> {
                    switch (name) {
                        case "lr" -> b.lr((Double) value);
                        case "beta1", "beta2" -> { } // set together above
                        case "eps" -> b.eps((Double) value);
                        case "weight_decay" -> b.weightDecay((Double) value);
                        case "amsgrad" -> b.amsgrad((Boolean) value);
                        case "maximize" -> b.maximize((Boolean) value);
                        default -> throw unknown(config, name);
                    }
                });
                yield b.build();
            }
            default -> throw new IllegalArgumentException("unknown optimizer " + config.optimizer());
        };
    }

    private static IllegalArgumentException unknown(OptimConfig config, String name) {
        return new IllegalArgumentException(config + ": nano's " + config.optimizer() + " builder has no " + name);
    }

    private static Trajectory.Step record(List<Value> grads, List<Tensor> params, Optimizer optimizer) {
        List<Value> values = new ArrayList<>();
        List<Map<String, Value>> state = new ArrayList<>();
        for (Tensor p : params) {
            values.add(new Value(p.shape(), DType.FLOAT64, p.toDoubleArray()));
            Map<String, Value> s = new LinkedHashMap<>();
            optimizer.state(p).forEach((name, t) -> s.put(name, Value.of(t)));
            state.add(s);
        }
        return new Trajectory.Step(grads, values, state);
    }
}
