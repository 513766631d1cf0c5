package dev.nano.badinput;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.nn.BatchNorm1d;
import dev.nano.nn.BatchNorm2d;
import dev.nano.nn.Dropout;
import dev.nano.nn.F;
import dev.nano.nn.Init;
import dev.nano.nn.LayerNorm;
import dev.nano.optim.Adagrad;
import dev.nano.optim.Adam;
import dev.nano.optim.AdamW;
import dev.nano.optim.RMSprop;
import dev.nano.optim.SGD;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * NaN (and infinite) hyperparameters. A check written {@code x < 0} or {@code a > b} lets NaN
 * through and the result is silently NaN; every check here is written so that NaN fails it.
 * Where a row names a tensor, module or optimizer, the failed call must leave it unchanged.
 */
final class NanCases {
    private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private NanCases() {
    }

    private static Tensor param() {
        Tensor p = Nano.tensor(1, 2).requiresGrad(true);
        p.setGrad(Nano.tensor(0.5, -0.5));
        return p;
    }

    static List<BadCase> cases() {
        List<BadCase> list = new ArrayList<>();
        BadCase.Rows r = new BadCase.Rows("nan", list);
        // ---------------------------------------------------------------- init
        Tensor w = Nano.tensor(7, 8, 9);
        r.addTouching("Init.uniform(t, from=NaN, 1)", IAE, "from is out of bounds for double",
                () -> Init.uniform(w, NAN, 1, new Random(0)), w);
        r.addTouching("Init.uniform(t, 0, to=NaN)", IAE, "to is out of bounds for double",
                () -> Init.uniform(w, 0, NAN, new Random(0)), w);
        r.addTouching("Init.uniform(t, from=-inf, 1)", IAE, "from is out of bounds for double",
                () -> Init.uniform(w, -INF, 1, new Random(0)), w);
        r.addTouching("Init.uniform(t, from=inf, inf)", IAE, "from is out of bounds for double",
                () -> Init.uniform(w, INF, INF, new Random(0)), w);
        r.addTouching("Init.uniform(t, 0, to=inf)", IAE, "to is out of bounds for double",
                () -> Init.uniform(w, 0, INF, new Random(0)), w);
        r.addTouching("Init.uniform(t, -1e308, 1e308)", IAE, "which result in to-from to exceed the limit",
                () -> Init.uniform(w, -1e308, 1e308, new Random(0)), w);
        r.addTouching("Init.uniform(t, 2, 1)", IAE, "uniform_ expects to return a [from, to) range, but found from=2",
                () -> Init.uniform(w, 2, 1, new Random(0)), w);
        Tensor ints = Nano.longTensor(new long[] {1, 2}, 2);
        r.addTouching("Init.uniform(int64 tensor, 0, 1)", IAE, "uniform_: expected a float64 tensor, got torch.int64",
                () -> Init.uniform(ints, 0, 1, new Random(0)), ints);
        // ---------------------------------------------------------------- normalisation
        r.add("new BatchNorm1d(3, eps=NaN, ...)", IAE, "BatchNorm1d: eps must be a number, got nan",
                () -> new BatchNorm1d(3, NAN, 0.1, true, true));
        r.add("new BatchNorm1d(3, 1e-5, momentum=NaN, ...)", IAE, "BatchNorm1d: momentum must be a number, got nan",
                () -> new BatchNorm1d(3, 1e-5, NAN, true, true));
        r.add("new BatchNorm2d(3, eps=NaN, ...)", IAE, "BatchNorm2d: eps must be a number, got nan",
                () -> new BatchNorm2d(3, NAN, 0.1, true, true));
        r.add("new BatchNorm2d(3, 1e-5, momentum=NaN, ...)", IAE, "BatchNorm2d: momentum must be a number, got nan",
                () -> new BatchNorm2d(3, 1e-5, NAN, true, true));
        r.add("new LayerNorm([3], eps=NaN, ...)", IAE, "LayerNorm: eps must be a number, got nan",
                () -> new LayerNorm(new int[] {3}, NAN, true, true));
        Tensor runningMean = Nano.zeros(2);
        Tensor runningVar = Nano.ones(2);
        Tensor batch = Nano.tensor(new double[][] {{1, 2}, {3, 5}});
        r.addTouching("F.batchNorm(training, eps=NaN)", IAE, "batch_norm eps must be positive during training, but "
                + "got nan", () -> F.batchNorm(batch, runningMean, runningVar, null, null, true, 0.1, NAN),
                runningMean, runningVar);
        r.addTouching("F.batchNorm(training, eps=0)", IAE, "batch_norm eps must be positive during training, but "
                + "got 0.0", () -> F.batchNorm(batch, runningMean, runningVar, null, null, true, 0.1, 0),
                runningMean, runningVar);
        r.addTouching("F.batchNorm(eval, eps=NaN)", IAE, "batch_norm eps must be non-negative, but got nan",
                () -> F.batchNorm(batch, runningMean, runningVar, null, null, false, 0.1, NAN),
                runningMean, runningVar);
        r.addTouching("F.batchNorm(eval, eps=-1)", IAE, "batch_norm eps must be non-negative, but got -1.0",
                () -> F.batchNorm(batch, runningMean, runningVar, null, null, false, 0.1, -1),
                runningMean, runningVar);
        r.addTouching("F.batchNorm(training, momentum=NaN)", IAE, "batch_norm: momentum must be a number, got nan",
                () -> F.batchNorm(batch, runningMean, runningVar, null, null, true, NAN, 1e-5),
                runningMean, runningVar);
        r.add("F.layerNorm(x, [2], null, null, eps=NaN)", IAE, "layer_norm: eps must be a number, got nan",
                () -> F.layerNorm(batch, new int[] {2}, null, null, NAN));
        // ---------------------------------------------------------------- dropout
        r.add("new Dropout(p=NaN)", IAE, "dropout probability has to be between 0 and 1, but got nan",
                () -> new Dropout(NAN));
        r.add("new Dropout(p=1.5)", IAE, "dropout probability has to be between 0 and 1, but got 1.5",
                () -> new Dropout(1.5));
        r.add("new Dropout(p=-inf)", IAE, "dropout probability has to be between 0 and 1, but got -inf",
                () -> new Dropout(-INF));
        r.add("F.dropout(x, p=NaN)", IAE, "dropout probability has to be between 0 and 1, but got nan",
                () -> F.dropout(batch, NAN));
        r.add("F.dropout(x, p=NaN, eval)", IAE, "dropout probability has to be between 0 and 1, but got nan",
                () -> F.dropout(batch, NAN, false));
        r.add("F.dropoutMask(shape, p=NaN, rng)", IAE, "dropout probability has to be between 0 and 1, but got nan",
                () -> F.dropoutMask(new int[] {2}, NAN, new Random(0)));
        r.add("F.dropoutWithMask(x, mask, p=NaN)", IAE, "dropout probability has to be between 0 and 1, but got nan",
                () -> F.dropoutWithMask(batch, batch.gt(2), NAN));
        // ---------------------------------------------------------------- factories
        r.add("Nano.arange(0, end=NaN)", IAE, "arange: unsupported range: 0 -> nan", () -> Nano.arange(0, NAN));
        r.add("Nano.arange(start=NaN, 1)", IAE, "arange: unsupported range: nan -> 1", () -> Nano.arange(NAN, 1));
        r.add("Nano.arange(0, end=inf)", IAE, "arange: unsupported range: 0 -> inf", () -> Nano.arange(0, INF));
        r.add("Nano.arange(0, 1, step=NaN)", IAE, "arange: step must be nonzero", () -> Nano.arange(0, 1, NAN));
        // ---------------------------------------------------------------- optimizers (construction changes nothing)
        Tensor p = param();
        r.addTouching("SGD lr=NaN", IAE, "Invalid learning rate: nan", () -> SGD.builder(p).lr(NAN).build(), p);
        r.addTouching("SGD momentum=NaN", IAE, "Invalid momentum value: nan",
                () -> SGD.builder(p).momentum(NAN).build(), p);
        r.addTouching("SGD weightDecay=NaN", IAE, "Invalid weight_decay value: nan",
                () -> SGD.builder(p).weightDecay(NAN).build(), p);
        r.addTouching("Adam lr=NaN", IAE, "Invalid learning rate: nan", () -> Adam.builder(p).lr(NAN).build(), p);
        r.addTouching("Adam eps=NaN", IAE, "Invalid epsilon value: nan", () -> Adam.builder(p).eps(NAN).build(), p);
        r.addTouching("Adam betas=(NaN, 0.999)", IAE, "Invalid beta parameter at index 0: nan",
                () -> Adam.builder(p).betas(NAN, 0.999).build(), p);
        r.addTouching("Adam betas=(0.9, NaN)", IAE, "Invalid beta parameter at index 1: nan",
                () -> Adam.builder(p).betas(0.9, NAN).build(), p);
        r.addTouching("Adam weightDecay=NaN", IAE, "Invalid weight_decay value: nan",
                () -> Adam.builder(p).weightDecay(NAN).build(), p);
        r.addTouching("AdamW lr=NaN", IAE, "Invalid learning rate: nan", () -> AdamW.builder(p).lr(NAN).build(), p);
        r.addTouching("AdamW eps=NaN", IAE, "Invalid epsilon value: nan", () -> AdamW.builder(p).eps(NAN).build(), p);
        r.addTouching("AdamW betas=(NaN, 0.999)", IAE, "Invalid beta parameter at index 0: nan",
                () -> AdamW.builder(p).betas(NAN, 0.999).build(), p);
        r.addTouching("AdamW weightDecay=NaN", IAE, "Invalid weight_decay value: nan",
                () -> AdamW.builder(p).weightDecay(NAN).build(), p);
        r.addTouching("RMSprop lr=NaN", IAE, "Invalid learning rate: nan", () -> RMSprop.builder(p).lr(NAN).build(), p);
        r.addTouching("RMSprop eps=NaN", IAE, "Invalid epsilon value: nan",
                () -> RMSprop.builder(p).eps(NAN).build(), p);
        r.addTouching("RMSprop alpha=NaN", IAE, "Invalid alpha value: nan",
                () -> RMSprop.builder(p).alpha(NAN).build(), p);
        r.addTouching("RMSprop momentum=NaN", IAE, "Invalid momentum value: nan",
                () -> RMSprop.builder(p).momentum(NAN).build(), p);
        r.addTouching("RMSprop weightDecay=NaN", IAE, "Invalid weight_decay value: nan",
                () -> RMSprop.builder(p).weightDecay(NAN).build(), p);
        r.addTouching("Adagrad lr=NaN", IAE, "Invalid learning rate: nan", () -> Adagrad.builder(p).lr(NAN).build(), p);
        r.addTouching("Adagrad lrDecay=NaN", IAE, "Invalid lr_decay value: nan",
                () -> Adagrad.builder(p).lrDecay(NAN).build(), p);
        r.addTouching("Adagrad weightDecay=NaN", IAE, "Invalid weight_decay value: nan",
                () -> Adagrad.builder(p).weightDecay(NAN).build(), p);
        r.addTouching("Adagrad initialAccumulatorValue=NaN", IAE, "Invalid initial_accumulator_value value: nan",
                () -> Adagrad.builder(p).initialAccumulatorValue(NAN).build(), p);
        r.addTouching("Adagrad eps=NaN", IAE, "Invalid epsilon value: nan", () -> Adagrad.builder(p).eps(NAN).build(),
                p);
        return list;
    }
}
