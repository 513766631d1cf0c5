package dev.nano.oracle.lr;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.optim.Adagrad;
import dev.nano.optim.Adam;
import dev.nano.optim.Optimizer;
import dev.nano.optim.ParamGroup;
import dev.nano.optim.SGD;
import dev.nano.optim.lr.CosineAnnealingWarmRestarts;
import dev.nano.optim.lr.LRScheduler;
import dev.nano.optim.lr.ReduceLROnPlateau;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What one run of a case gave: the learning rate of every group after construction and after each
 * step, the momentum (SGD) or beta1 (Adam) where the optimizer has one, every warning, and the error
 * that ended the run, if any, with the step it happened at (0: construction).
 *
 * @param lrs       per step, one rate per group
 * @param momenta   per step, one momentum per group (empty rows for Adagrad)
 * @param warnings  the warnings, in order
 * @param error     {@code Type: message} (Python) or the exception's message (nano), or null
 * @param errorStep the step that failed, or -1
 */
record LrRun(List<double[]> lrs, List<double[]> momenta, List<String> warnings, String error, int errorStep) {

    /** The transcription of lr_scheduler.py on a Python-shaped optimizer. */
    static LrRun torch(LrCase c) {
        PyOptimizer opt = c.optimizer().python();
        List<double[]> lrs = new ArrayList<>();
        List<double[]> momenta = new ArrayList<>();
        int k = 0;
        try {
            TorchLrScheduler s = c.torch().apply(opt);
            record(opt, lrs, momenta);
            for (k = 1; k <= c.steps(); k++) {
                if (k >= c.optimizerFrom()) {
                    opt.step();
                }
                if (c.metric() != null) {
                    ((TorchLrScheduler.ReduceLROnPlateau) s).step(c.metric().applyAsDouble(k));
                } else if (c.epoch() != null) {
                    ((TorchLrScheduler.CosineAnnealingWarmRestarts) s).step(c.epoch().applyAsDouble(k));
                } else {
                    s.step();
                }
                record(opt, lrs, momenta);
            }
            return new LrRun(lrs, momenta, opt.warnings, null, -1);
        } catch (Py.Error e) {
            return new LrRun(lrs, momenta, opt.warnings, e.recorded(), k);
        }
    }

    private static void record(PyOptimizer opt, List<double[]> lrs, List<double[]> momenta) {
        int n = opt.paramGroups.size();
        double[] lr = new double[n];
        double[] m = new double[opt.kind == PyOptimizer.Kind.ADAGRAD ? 0 : n];
        for (int i = 0; i < n; i++) {
            lr[i] = opt.number(i, "lr");
            if (opt.kind == PyOptimizer.Kind.SGD) {
                m[i] = opt.number(i, "momentum");
            } else if (opt.kind == PyOptimizer.Kind.ADAM) {
                m[i] = (Double) ((List<?>) opt.paramGroups.get(i).get("betas")).get(0);
            }
        }
        lrs.add(lr);
        momenta.add(m);
    }

    /** nano's scheduler on a real nano optimizer (one scalar parameter per group, no gradients). */
    static LrRun nano(LrCase c) {
        Optimizer opt = nanoOptimizer(c.optimizer());
        List<double[]> lrs = new ArrayList<>();
        List<double[]> momenta = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Logger log = Logger.getLogger(LRScheduler.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = log.getUseParentHandlers();
        log.addHandler(capture);
        log.setUseParentHandlers(false);
        int k = 0;
        try {
            LRScheduler s = c.nano().apply(opt);
            record(opt, s, c.optimizer().kind(), lrs, momenta);
            for (k = 1; k <= c.steps(); k++) {
                if (k >= c.optimizerFrom()) {
                    opt.step();
                }
                if (c.metric() != null) {
                    ((ReduceLROnPlateau) s).step(c.metric().applyAsDouble(k));
                } else if (c.epoch() != null) {
                    ((CosineAnnealingWarmRestarts) s).step(c.epoch().applyAsDouble(k));
                } else {
                    s.step();
                }
                record(opt, s, c.optimizer().kind(), lrs, momenta);
            }
            return new LrRun(lrs, momenta, warnings, null, -1);
        } catch (RuntimeException e) {
            return new LrRun(lrs, momenta, warnings, e.getClass().getSimpleName() + ": " + e.getMessage(), k);
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(parents);
        }
    }

    static Optimizer nanoOptimizer(LrCase.OptimizerSpec spec) {
        ParamGroup[] groups = new ParamGroup[spec.lrs().length];
        for (int i = 0; i < groups.length; i++) {
            Tensor p = Nano.zeros(1).requiresGrad(true);
            groups[i] = ParamGroup.of(p).set("lr", spec.lrs()[i]);
        }
        return switch (spec.kind()) {
            case SGD -> SGD.builder(groups).lr(spec.lrs()[0]).momentum(spec.momentum()).build();
            case ADAM -> Adam.builder(groups).lr(spec.lrs()[0]).build();
            case ADAGRAD -> Adagrad.builder(groups).lr(spec.lrs()[0]).build();
        };
    }

    /** The groups' rates, which must also be the scheduler's getLastLr(). */
    private static void record(Optimizer opt, LRScheduler s, PyOptimizer.Kind kind, List<double[]> lrs,
                               List<double[]> momenta) {
        List<ParamGroup> groups = opt.paramGroups();
        double[] lr = new double[groups.size()];
        double[] m = new double[kind == PyOptimizer.Kind.ADAGRAD ? 0 : groups.size()];
        for (int i = 0; i < lr.length; i++) {
            lr[i] = groups.get(i).lr();
            if (kind == PyOptimizer.Kind.SGD) {
                m[i] = groups.get(i).getDouble("momentum");
            } else if (kind == PyOptimizer.Kind.ADAM) {
                m[i] = groups.get(i).getPair("betas")[0];
            }
        }
        if (!Arrays.equals(lr, s.getLastLr())) {
            throw new IllegalStateException("getLastLr() " + Arrays.toString(s.getLastLr())
                    + " is not the groups' lr " + Arrays.toString(lr));
        }
        lrs.add(lr);
        momenta.add(m);
    }
}
