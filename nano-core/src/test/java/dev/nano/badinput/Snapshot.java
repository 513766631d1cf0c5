package dev.nano.badinput;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.nn.Module;
import dev.nano.optim.Optimizer;
import dev.nano.optim.ParamGroup;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything observable about some objects, as text, so "nothing changed" is one string
 * comparison: a tensor's values, shape, dtype, version, requires-grad flag and gradient; a
 * module's parameters, buffers and training flags; an optimizer's groups and per-parameter state.
 */
final class Snapshot {
    private Snapshot() {
    }

    static String of(Object... things) {
        StringBuilder s = new StringBuilder("grad enabled=").append(Nano.isGradEnabled()).append('\n');
        for (Object thing : things) {
            if (thing instanceof Tensor t) {
                tensor(s, "tensor", t);
            } else if (thing instanceof Module m) {
                module(s, m);
            } else if (thing instanceof Optimizer o) {
                optimizer(s, o);
            } else {
                throw new IllegalArgumentException("no snapshot for " + thing);
            }
        }
        return s.toString();
    }

    private static void tensor(StringBuilder s, String name, Tensor t) {
        s.append(name).append(' ').append(Arrays.toString(t.shape())).append(' ').append(t.dtype())
                .append(" v").append(t.version()).append(" rg=").append(t.requiresGrad())
                .append(' ').append(Arrays.toString(t.data()));
        Tensor g = t.grad();
        s.append(" grad=").append(g == null ? "null" : Arrays.toString(g.shape()) + Arrays.toString(g.data()))
                .append('\n');
    }

    private static void module(StringBuilder s, Module m) {
        m.namedModules().forEach((name, sub) -> s.append("module '").append(name).append("' training=")
                .append(sub.isTraining()).append('\n'));
        m.namedParameters().forEach((name, p) -> tensor(s, "parameter " + name, p));
        m.namedBuffers().forEach((name, b) -> tensor(s, "buffer " + name, b));
    }

    private static void optimizer(StringBuilder s, Optimizer o) {
        for (ParamGroup group : o.paramGroups()) {
            s.append("group ").append(new TreeMap<>(group.options())).append('\n');
            for (Tensor p : group.params()) {
                tensor(s, "param", p);
                for (Map.Entry<String, Tensor> e : new TreeMap<>(o.state(p)).entrySet()) {
                    tensor(s, "state " + e.getKey(), e.getValue());
                }
            }
        }
    }
}
