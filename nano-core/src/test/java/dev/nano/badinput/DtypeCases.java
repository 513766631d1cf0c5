package dev.nano.badinput;

import dev.nano.DType;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.nn.F;
import dev.nano.optim.SGD;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * int64 and bool tensors. Their storage is validated where they are made (an int64 holding 0.5 or
 * 2^53 + 1, a bool holding 2), and nano's dtype rule is applied by every operator that computes
 * values: with no float64 input the call is refused (PyTorch would return an integer tensor, its
 * default float32, or an error), keeping PyTorch's own message where PyTorch has one.
 */
final class DtypeCases {
    private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;

    private DtypeCases() {
    }

    private static Tensor bools() {
        return Nano.boolTensor(new boolean[] {true, false, true, true}, 2, 2);
    }

    private static Tensor longs() {
        return Nano.longTensor(new long[] {1, -2, 0, 3}, 2, 2);
    }

    private static String only(String op, String dtype) {
        return op + ": got only torch." + dtype + " inputs; nano computes in float64";
    }

    /** Every value-computing operator, called on tensors of one non-float dtype. */
    private static Map<String, Function<Tensor, Object>> valueOps() {
        Map<String, Function<Tensor, Object>> ops = new java.util.LinkedHashMap<>();
        ops.put("exp", Tensor::exp);
        ops.put("log", Tensor::log);
        ops.put("log1p", Tensor::log1p);
        ops.put("expm1", Tensor::expm1);
        ops.put("sqrt", Tensor::sqrt);
        ops.put("rsqrt", Tensor::rsqrt);
        ops.put("abs", Tensor::abs);
        ops.put("sign", Tensor::sign);
        ops.put("reciprocal", Tensor::reciprocal);
        ops.put("square", Tensor::square);
        ops.put("sin", Tensor::sin);
        ops.put("cos", Tensor::cos);
        ops.put("tanh", Tensor::tanh);
        ops.put("sigmoid", Tensor::sigmoid);
        ops.put("silu", Tensor::silu);
        ops.put("erf", Tensor::erf);
        ops.put("sum", t -> t.sum());
        ops.put("var", t -> t.var());
        ops.put("std", t -> t.std());
        ops.put("prod", t -> t.prod());
        ops.put("amax", t -> t.amax());
        ops.put("maxAll", t -> t.max());
        ops.put("maxDim", t -> t.max(0));
        ops.put("logsumexp", t -> t.logsumexp(0));
        ops.put("logSoftmax", t -> t.logSoftmax(0));
        ops.put("add", t -> t.add(t));
        ops.put("sub", t -> t.sub(t));
        ops.put("mul", t -> t.mul(t));
        ops.put("div", t -> t.div(t));
        ops.put("pow", t -> t.pow(t));
        ops.put("mm", t -> t.matmul(t));
        ops.put("maximum", t -> t.maximum(t));
        ops.put("minimum", t -> t.minimum(t));
        ops.put("clampScalar", t -> t.clamp(0.0, 1.0));
        ops.put("clampTensor", t -> t.clamp(t, t));
        return ops;
    }

    static List<BadCase> cases() {
        List<BadCase> list = new ArrayList<>();
        BadCase.Rows r = new BadCase.Rows("dtype", list);
        // ---------------------------------------------------------------- storage
        r.add("new Tensor({0.5}, int64)", IAE, "a torch.int64 tensor holds only whole numbers within \u00b12^53",
                () -> new Tensor(new double[] {0.5}, new int[] {1}, DType.INT64));
        r.add("new Tensor({NaN}, int64)", IAE, "got NaN at index 0",
                () -> new Tensor(new double[] {Double.NaN}, new int[] {1}, DType.INT64));
        r.add("new Tensor({1, inf}, int64)", IAE, "got Infinity at index 1",
                () -> new Tensor(new double[] {1, Double.POSITIVE_INFINITY}, new int[] {2}, DType.INT64));
        r.add("new Tensor({2^54}, int64)", IAE, "a torch.int64 tensor holds only whole numbers within \u00b12^53",
                () -> new Tensor(new double[] {0x1p54}, new int[] {1}, DType.INT64));
        r.add("new Tensor({2}, bool)", IAE, "a torch.bool tensor holds only 0 and 1, got 2.0 at index 0",
                () -> new Tensor(new double[] {2}, new int[] {1}, DType.BOOL));
        r.add("new Tensor({1, -1}, bool)", IAE, "a torch.bool tensor holds only 0 and 1, got -1.0 at index 1",
                () -> new Tensor(new double[] {1, -1}, new int[] {2}, DType.BOOL));
        r.add("new Tensor({0.5}, bool)", IAE, "a torch.bool tensor holds only 0 and 1, got 0.5",
                () -> new Tensor(new double[] {0.5}, new int[] {1}, DType.BOOL));
        r.add("new Tensor({NaN}, bool)", IAE, "a torch.bool tensor holds only 0 and 1, got NaN",
                () -> new Tensor(new double[] {Double.NaN}, new int[] {1}, DType.BOOL));
        r.add("Nano.longTensor(2^53 + 1)", IAE, "longTensor: 9007199254740993 at index 0 cannot be stored exactly",
                () -> Nano.longTensor(new long[] {(1L << 53) + 1}, 1));
        r.add("Nano.longTensor(Long.MAX_VALUE)", IAE, "longTensor: 9223372036854775807 at index 1 cannot be stored",
                () -> Nano.longTensor(new long[] {0, Long.MAX_VALUE}, 2));
        r.add("Nano.longTensor(-2^53 - 1)", IAE, "cannot be stored exactly",
                () -> Nano.longTensor(new long[] {-(1L << 53) - 1}, 1));
        // ---------------------------------------------------------------- indices
        Tensor x = Nano.tensor(new double[][] {{1, 2}, {3, 4}});
        r.add("gather(index float64 1.7)", IAE, "gather(): Expected dtype int64 for index",
                () -> x.gather(1, Nano.tensor(new double[][] {{1.7}, {0}})));
        r.add("gather(index bool)", IAE, "gather(): Expected dtype int64 for index",
                () -> x.gather(1, Nano.boolTensor(new boolean[] {true, false}, 2, 1)));
        r.add("where(condition float64)", IAE, "where expected condition to be a boolean tensor, but got a tensor "
                + "with dtype Double", () -> Nano.where(x, x, x));
        r.add("where(condition int64)", IAE, "where expected condition to be a boolean tensor",
                () -> Nano.where(longs(), x, x));
        r.add("F.nllLoss(target float64 class indices)", IAE, "expected scalar type Long but found Double",
                () -> F.nllLoss(x, Nano.tensor(0, 1)));
        // ---------------------------------------------------------------- the rule: no float64 input, no result
        for (Map.Entry<String, Function<Tensor, Object>> op : valueOps().entrySet()) {
            String name = op.getKey();
            r.add(name + "(int64)", IAE, "got only torch.int64 inputs", () -> op.getValue().apply(longs()));
            r.add(name + "(bool)", IAE, "got only torch.bool inputs", () -> op.getValue().apply(bools()));
        }
        r.add("neg(bool)", IAE, "Negation, the `-` operator, on a bool tensor is not supported", () -> bools().neg());
        r.add("neg(int64)", IAE, only("neg", "int64"), () -> longs().neg());
        r.add("where(bool, int64, int64)", IAE, only("where", "int64"), () -> Nano.where(bools(), longs(), longs()));
        r.add("dot(bool, bool)", IAE, only("dot", "bool"), () -> Nano.tensor(1, 2).gt(0).dot(Nano.tensor(1, 2)
                .gt(0)));
        r.add("F.linear(int64, int64)", IAE, "got only torch.int64 inputs", () -> F.linear(longs(), longs()));
        // PyTorch's mean and softmax have their own words for an integer input (issue 25, found from outside)
        String noDtype = "mean(): could not infer output dtype. Input dtype must be either a floating point or "
                + "complex dtype. Got: ";
        r.add("mean(int64)", IAE, noDtype + "Long", () -> longs().mean());
        r.add("mean(bool)", IAE, noDtype + "Bool", () -> bools().mean());
        r.add("mean(int64, dim 0)", IAE, noDtype + "Long", () -> longs().mean(0));
        r.add("softmax(int64, dim 0 of 2)", IAE, "\"softmax_kernel_impl\" not implemented for 'Long'",
                () -> longs().softmax(0));
        r.add("softmax(bool, last dim)", IAE, "\"softmax_lastdim_kernel_impl\" not implemented for 'Bool'",
                () -> bools().softmax(-1));
        // Operands of two dtypes: dot, mv, mm and bmm refuse them, each in its own words (issue 25)
        r.add("longTensor(1, 2) @ tensor(1.0, 2.0)", IAE, "dot : expected both vectors to have same dtype, but found "
                + "Long and Double", () -> Nano.longTensor(new long[] {1, 2}, 2).matmul(Nano.tensor(1.0, 2.0)));
        r.add("mm(int64, float64)", IAE, "expected m1 and m2 to have the same dtype, but got: long int != double",
                () -> longs().mm(Nano.ones(2, 2)));
        r.add("matmul(float64 (2,2), int64 (2,))", IAE, "expected scalar type Double but found Long",
                () -> Nano.ones(2, 2).matmul(Nano.longTensor(new long[] {1, 2}, 2)));
        r.add("F.mseLoss(int64, int64)", IAE, "got only torch.int64 inputs", () -> F.mseLoss(longs(), longs()));
        // PyTorch's own dtype errors, kept word for word
        r.add("relu(bool)", IAE, "Boolean inputs not supported for relu", () -> bools().relu());
        r.add("relu(int64)", IAE, only("relu", "int64"), () -> longs().relu());
        r.add("leakyRelu(int64)", IAE, "\"leaky_relu_cpu\" not implemented for 'Long'", () -> longs().leakyRelu());
        r.add("gelu(bool)", IAE, "\"GeluKernelImpl\" not implemented for 'Bool'", () -> bools().gelu());
        r.add("softplus(int64)", IAE, "\"softplus_cpu\" not implemented for 'Long'", () -> longs().softplus());
        r.add("elu(bool)", IAE, "\"elu_cpu\" not implemented for 'Bool'", () -> bools().elu());
        // ---------------------------------------------------------------- grads and parameters
        r.add("longTensor.requiresGrad(true)", IAE, "only Tensors of floating point dtype can require gradients",
                () -> longs().requiresGrad(true));
        r.add("boolTensor.requiresGrad(true)", IAE, "only Tensors of floating point dtype can require gradients",
                () -> bools().requiresGrad(true));
        Tensor leaf = Nano.tensor(1, 2, 3, 4).reshape(2, 2).detach().requiresGrad(true);
        r.addTouching("setGrad(bool grad) on a float64 leaf", IAE, "assigned grad has data of a different type: "
                + "expected torch.float64, got torch.bool", () -> leaf.setGrad(bools()), leaf);
        r.addTouching("setGrad(int64 grad) on a float64 leaf", IAE, "assigned grad has data of a different type",
                () -> leaf.setGrad(longs()), leaf);
        Tensor intParam = longs();
        intParam.setGrad(longs());
        Tensor floatParam = Nano.tensor(1, 2).requiresGrad(true);
        floatParam.setGrad(Nano.tensor(1, 1));
        SGD sgd = SGD.builder(floatParam, intParam).lr(0.1).build();
        r.addTouching("SGD.step() over an int64 parameter", IllegalStateException.class,
                "optimizers update float64 parameters with float64 gradients", sgd::step, sgd);
        return list;
    }
}
