package dev.nano.badinput;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.nn.BatchNorm1d;
import dev.nano.nn.BatchNorm2d;
import dev.nano.nn.CrossEntropyLoss;
import dev.nano.nn.F;
import dev.nano.nn.LayerNorm;
import dev.nano.nn.Linear;
import dev.nano.nn.MSELoss;
import dev.nano.nn.NLLLoss;
import dev.nano.nn.Sequential;
import dev.nano.optim.Adam;
import dev.nano.optim.ParamGroup;
import dev.nano.optim.SGD;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Modules and optimizers given bad input after they hold state: a rejected batch must not move
 * the running statistics or count the batch, a failed forward must not touch the parameters, and
 * a rejected optimizer construction or parameter group must leave the optimizer as it was.
 */
final class ModuleAndOptimizerCases {
    private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;

    private ModuleAndOptimizerCases() {
    }

    /** A batch norm that has seen one batch, so its statistics are not the defaults. */
    private static BatchNorm1d trainedBatchNorm() {
        BatchNorm1d bn = new BatchNorm1d(3);
        bn.forward(Nano.tensor(new double[][] {{1, 2, 3}, {4, 6, 8}}));
        return bn;
    }

    static List<BadCase> cases() {
        List<BadCase> list = new ArrayList<>();
        BadCase.Rows r = new BadCase.Rows("state", list);
        BatchNorm1d bn = trainedBatchNorm();
        r.addTouching("BatchNorm1d.forward(one sample in training)", IAE,
                "Expected more than 1 value per channel when training, got input size torch.Size([1, 3])",
                () -> bn.forward(Nano.ones(1, 3)), bn);
        r.addTouching("BatchNorm1d.forward(4 channels for 3)", IAE, "running_mean should contain 4 elements not 3",
                () -> bn.forward(Nano.ones(2, 4)), bn);
        r.addTouching("BatchNorm1d.forward(a 4-D input)", IAE, "expected 2D or 3D input (got 4D input)",
                () -> bn.forward(Nano.ones(2, 3, 1, 1)), bn);
        BatchNorm1d untracked = new BatchNorm1d(3, 1e-5, 0.1, true, false);
        r.addTouching("BatchNorm1d without running stats .forward(one sample)", IAE,
                "Expected more than 1 value per channel when training", () -> untracked.forward(Nano.ones(1, 3)),
                untracked);
        BatchNorm2d bn2 = new BatchNorm2d(2);
        r.addTouching("BatchNorm2d.forward(a 3-D input)", IAE, "expected 4D input (got 3D input)",
                () -> bn2.forward(Nano.ones(2, 2, 3)), bn2);
        r.addTouching("BatchNorm2d.forward(one value per channel)", IAE,
                "Expected more than 1 value per channel when training", () -> bn2.forward(Nano.ones(1, 2, 1, 1)), bn2);
        BatchNorm1d evalBn = trainedBatchNorm();
        evalBn.eval();
        r.addTouching("BatchNorm1d in eval .forward(wrong channels)", IAE, "running_mean should contain 2 elements",
                () -> evalBn.forward(Nano.ones(2, 2)), evalBn);
        Linear linear = new Linear(3, 2, true, new Random(1));
        r.addTouching("Linear(3, 2).forward((4, 5))", IAE, "mat1 and mat2 shapes cannot be multiplied (4x5 and 3x2)",
                () -> linear.forward(Nano.ones(4, 5)), linear);
        r.addTouching("Linear.forward(a 0-d input)", IAE, "both arguments to linear need to be at least 1D",
                () -> linear.forward(Nano.scalar(1)), linear);
        LayerNorm ln = new LayerNorm(3);
        r.addTouching("LayerNorm(3).forward((2, 4))", IAE, "Given normalized_shape=[3], expected input with shape "
                + "[*, 3], but got input of size[2, 4]", () -> ln.forward(Nano.ones(2, 4)), ln);
        Sequential seq = new Sequential(new Linear(2, 2, true, new Random(2)), new BatchNorm1d(2));
        r.addTouching("Sequential.forward(bad width) leaves every layer as it was", IAE,
                "mat1 and mat2 shapes cannot be multiplied", () -> seq.forward(Nano.ones(3, 5)), seq);
        r.add("Sequential.get(5) of 2", IndexOutOfBoundsException.class, "index 5 is out of range", () -> seq.get(5));
        CrossEntropyLoss ce = new CrossEntropyLoss();
        Tensor logits = Nano.tensor(new double[][] {{1, 2}, {3, 4}}).requiresGrad(true);
        r.addTouching("CrossEntropyLoss(target 5 of 2 classes)", IndexOutOfBoundsException.class, "Target 5 is out of bounds.",
                () -> ce.forward(logits, Nano.longTensor(new long[] {0, 5}, 2)), logits);
        r.addTouching("NLLLoss(target -3)", IndexOutOfBoundsException.class, "Target -3 is out of bounds.",
                () -> new NLLLoss().forward(logits, Nano.longTensor(new long[] {0, -3}, 2)), logits);
        r.addTouching("MSELoss(shapes (2,2) and (3,))", IAE, "The size of tensor a (2) must match the size of tensor b "
                + "(3)", () -> new MSELoss().forward(logits, Nano.ones(3)), logits);
        r.add("CrossEntropyLoss(reduction 'avg')", IAE, "avg is not a valid value for reduction",
                () -> new CrossEntropyLoss(null, -100, "avg", 0.0).forward(logits, Nano.longTensor(new long[] {0, 1}, 2)));
        r.add("F.crossEntropy(labelSmoothing 1.5)", IAE, "label_smoothing must be between 0.0 and 1.0. Got: 1.5",
                () -> F.crossEntropy(logits, Nano.longTensor(new long[] {0, 1}, 2), null, -100, "mean", 1.5));
        // ---------------------------------------------------------------- optimizers
        Tensor p = Nano.tensor(1, 2).requiresGrad(true);
        p.setGrad(Nano.tensor(1, 1));
        r.addTouching("SGD over an empty list", IAE, "optimizer got an empty parameter list",
                () -> SGD.builder(List.of()).build(), p);
        r.addTouching("SGD lr=-1", IAE, "Invalid learning rate: -1.0", () -> SGD.builder(p).lr(-1).build(), p);
        r.addTouching("SGD nesterov without momentum", IAE, "Nesterov momentum requires a momentum and zero dampening",
                () -> SGD.builder(p).nesterov(true).build(), p);
        r.addTouching("Adam beta1 = 1", IAE, "Invalid beta parameter at index 0: 1.0",
                () -> Adam.builder(p).betas(1.0, 0.999).build(), p);
        Tensor computed = p.mul(2.0);
        r.addTouching("SGD over a non-leaf", IAE, "can't optimize a non-leaf Tensor",
                () -> SGD.builder(computed).build(), p);
        r.addTouching("SGD over [p, null]", IAE, "optimizer can only optimize Tensors, but one of the params is "
                + "NoneType", () -> SGD.builder(p, null).build(), p);
        r.addTouching("SGD over a null group", IAE, "a parameter group is null",
                () -> SGD.builder((ParamGroup) null).build(), p);
        r.addTouching("SGD with p in two groups", IAE, "some parameters appear in more than one parameter group",
                () -> SGD.builder(ParamGroup.of(p), ParamGroup.of(p)).build(), p);
        Adam adam = Adam.builder(p).lr(0.1).build();
        adam.step();
        r.addTouching("Adam.addParamGroup(p again)", IAE, "some parameters appear in more than one parameter group",
                () -> adam.addParamGroup(ParamGroup.of(p)), adam);
        r.addTouching("Adam.addParamGroup(null)", IAE, "a parameter group is null", () -> adam.addParamGroup(null),
                adam);
        r.addTouching("Adam.addParamGroup(betas as a number)", IAE, "parameter group sets 'betas' to",
                () -> adam.addParamGroup(ParamGroup.of(Nano.zeros(1).requiresGrad(true)).set("betas", 0.9)), adam);
        r.addTouching("ParamGroup.lr read as a pair", IAE, "hyperparameter 'lr' is",
                () -> adam.paramGroups().get(0).getPair("lr"), adam);
        r.addTouching("ParamGroup.getDouble(missing)", IAE, "parameter group has no hyperparameter 'momentum'",
                () -> adam.paramGroups().get(0).getDouble("momentum"), adam);
        r.addTouching("ParamGroup.lr(NaN) on a live optimizer", IAE,
                "ParamGroup.set: hyperparameter 'lr' must be a number, got nan",
                () -> adam.paramGroups().get(0).lr(Double.NaN), adam);
        r.addTouching("ParamGroup.set(betas, 0.9, NaN) on a live optimizer", IAE,
                "ParamGroup.set: hyperparameter 'betas' must be a number, got nan",
                () -> adam.paramGroups().get(0).set("betas", 0.9, Double.NaN), adam);
        r.addTouching("SGD over a group with weight_decay NaN", IAE,
                "ParamGroup.set: hyperparameter 'weight_decay' must be a number, got nan",
                () -> SGD.builder(ParamGroup.of(p).set("weight_decay", Double.NaN)).build(), p);
        r.addTouching("ParamGroup.set(lr to a boolean)", IAE, "hyperparameter 'lr' holds",
                () -> adam.paramGroups().get(0).set("lr", true), adam);
        return list;
    }
}
