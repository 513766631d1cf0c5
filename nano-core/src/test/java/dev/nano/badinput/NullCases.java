package dev.nano.badinput;

import dev.nano.Nano;
import dev.nano.Slice;
import dev.nano.Tensor;
import dev.nano.autograd.internal.TensorAccess;
import dev.nano.nn.BCELoss;
import dev.nano.nn.BCEWithLogitsLoss;
import dev.nano.nn.BatchNorm1d;
import dev.nano.nn.CrossEntropyLoss;
import dev.nano.nn.Dropout;
import dev.nano.nn.F;
import dev.nano.nn.Flatten;
import dev.nano.nn.GELU;
import dev.nano.nn.Init;
import dev.nano.nn.LayerNorm;
import dev.nano.nn.Linear;
import dev.nano.nn.LogSoftmax;
import dev.nano.nn.MSELoss;
import dev.nano.nn.NLLLoss;
import dev.nano.nn.ReLU;
import dev.nano.nn.Sequential;
import dev.nano.nn.Sigmoid;
import dev.nano.nn.Softmax;
import dev.nano.nn.Tanh;
import dev.nano.optim.Adagrad;
import dev.nano.optim.Adam;
import dev.nano.optim.AdamW;
import dev.nano.optim.ParamGroup;
import dev.nano.optim.RMSprop;
import dev.nano.optim.SGD;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A null where a tensor, shape, list or generator is required: a {@link NullPointerException}
 * that names the operation and the parameter ("add: argument 'other' must not be null"), never
 * the JVM's own "Cannot read the array length because "&lt;local2&gt;" is null".
 */
final class NullCases {
    private static final Class<NullPointerException> NPE = NullPointerException.class;

    private NullCases() {
    }

    private static Tensor x() {
        return Nano.tensor(1, 2, 3);
    }

    private static String arg(String op, String name) {
        return op + ": argument '" + name + "' must not be null";
    }

    static List<BadCase> cases() {
        List<BadCase> list = new ArrayList<>();
        BadCase.Rows r = new BadCase.Rows("null", list);
        Tensor x = x();
        // ---------------------------------------------------------------- arithmetic, both forms
        String[] binary = {"add", "sub", "mul", "div", "pow", "maximum", "minimum", "matmul", "mm", "dot",
            "lt", "le", "gt", "ge", "eq", "ne"};
        for (String op : binary) {
            r.add("Nano." + op + "(input=null, other)", NPE, arg(op, "input"), () -> binaryNano(op, null, x));
            String second = op.equals("pow") ? "exponent" : "other";
            r.add("Nano." + op + "(input, " + second + "=null)", NPE, arg(op, second), () -> binaryNano(op, x, null));
            r.add("Tensor." + op + "(" + second + "=null)", NPE, arg(op, second), () -> binaryMethod(op, x, null));
        }
        r.add("Tensor.accumulateGrad(gradient=null)", NPE, arg("accumulateGrad", "gradient"),
                () -> TensorAccess.get().accumulateGrad(Nano.zeros(2).requiresGrad(true), null));
        r.add("Nano.add(2.0, other=null)", NPE, arg("add", "other"), () -> Nano.add(2.0, (Tensor) null));
        r.add("Nano.sub(2.0, other=null)", NPE, arg("sub", "other"), () -> Nano.sub(2.0, (Tensor) null));
        r.add("Nano.mul(2.0, other=null)", NPE, arg("mul", "other"), () -> Nano.mul(2.0, (Tensor) null));
        r.add("Nano.div(2.0, other=null)", NPE, arg("div", "other"), () -> Nano.div(2.0, (Tensor) null));
        r.add("Nano.pow(2.0, exponent=null)", NPE, arg("pow", "exponent"), () -> Nano.pow(2.0, (Tensor) null));
        r.add("Nano.add(input=null, 2.0)", NPE, arg("add", "input"), () -> Nano.add((Tensor) null, 2.0));
        r.add("Nano.lt(2.0, other=null)", NPE, arg("lt", "other"), () -> Nano.lt(2.0, (Tensor) null));
        r.add("Nano.eq(input=null, 2.0)", NPE, arg("eq", "input"), () -> Nano.eq((Tensor) null, 2.0));
        // ---------------------------------------------------------------- unary
        String[] unary = {"neg", "exp", "log", "log1p", "expm1", "sqrt", "rsqrt", "abs", "sign", "reciprocal",
            "square", "sin", "cos", "tanh", "sigmoid", "relu", "leakyRelu", "gelu", "silu", "softplus", "elu", "erf",
            "sum", "mean", "var", "std", "prod", "max", "min", "argmax", "argmin", "t", "squeeze", "clone"};
        for (String op : unary) {
            r.add("Nano." + op + "(input=null)", NPE, arg(op, "input"), () -> unaryNano(op));
        }
        r.add("Nano.clamp(input=null, 0.0, 1.0)", NPE, arg("clamp", "input"),
                () -> Nano.clamp(null, (Double) 0.0, (Double) 1.0));
        r.add("Nano.clamp(input=null, min tensor, null)", NPE, arg("clamp", "input"),
                () -> Nano.clamp(null, x, (Tensor) null));
        r.add("Nano.softmax(input=null, 0)", NPE, arg("softmax", "input"), () -> Nano.softmax(null, 0));
        r.add("Nano.logSoftmax(input=null, 0)", NPE, arg("logSoftmax", "input"), () -> Nano.logSoftmax(null, 0));
        r.add("Nano.logsumexp(input=null, [0], false)", NPE, arg("logsumexp", "input"),
                () -> Nano.logsumexp(null, new int[] {0}, false));
        r.add("Nano.amax(input=null, [0], false)", NPE, arg("amax", "input"),
                () -> Nano.amax(null, new int[] {0}, false));
        r.add("Nano.amin(input=null, [0], false)", NPE, arg("amin", "input"),
                () -> Nano.amin(null, new int[] {0}, false));
        r.add("Nano.max(input=null, 0, false)", NPE, arg("max", "input"), () -> Nano.max(null, 0, false));
        r.add("Nano.where(condition=null, a, b)", NPE, arg("where", "condition"), () -> Nano.where(null, x, x));
        r.add("Nano.where(condition, input=null, b)", NPE, arg("where", "input"),
                () -> Nano.where(x.gt(1), null, x));
        r.add("Nano.where(condition, a, other=null)", NPE, arg("where", "other"),
                () -> Nano.where(x.gt(1), x, (Tensor) null));
        r.add("Tensor.where(condition=null, other)", NPE, arg("where", "condition"), () -> x.where(null, x));
        // ---------------------------------------------------------------- movement
        r.add("Nano.reshape(input=null, 3)", NPE, arg("reshape", "input"), () -> Nano.reshape(null, 3));
        r.add("Tensor.reshape(shape=null)", NPE, arg("reshape", "shape"), () -> x.reshape((int[]) null));
        r.add("Tensor.view(shape=null)", NPE, arg("view", "shape"), () -> x.view((int[]) null));
        r.add("Tensor.permute(dims=null)", NPE, arg("permute", "dim"), () -> x.permute((int[]) null));
        r.add("Tensor.expand(sizes=null)", NPE, arg("expand", "size"), () -> x.expand((int[]) null));
        r.add("Tensor.squeeze(dims=null)", NPE, arg("squeeze", "dim"), () -> x.squeeze((int[]) null));
        r.add("Nano.unsqueeze(input=null, 0)", NPE, arg("unsqueeze", "input"), () -> Nano.unsqueeze(null, 0));
        r.add("Nano.transpose(input=null, 0, 1)", NPE, arg("transpose", "input"), () -> Nano.transpose(null, 0, 1));
        r.add("Nano.flatten(input=null, 0, -1)", NPE, arg("flatten", "input"), () -> Nano.flatten(null, 0, -1));
        r.add("Nano.narrow(input=null, 0, 0, 1)", NPE, arg("narrow", "input"), () -> Nano.narrow(null, 0, 0, 1));
        r.add("Nano.select(input=null, 0, 0)", NPE, arg("select", "input"), () -> Nano.select(null, 0, 0));
        r.add("Tensor.index(slices=null)", NPE, arg("index", "indices"), () -> x.index((Slice[]) null));
        r.add("Tensor.index(a null slice)", NPE, "index: argument 'indices' must not contain null (null at index 0)",
                () -> x.index((Slice) null));
        r.add("Tensor.gather(0, index=null)", NPE, arg("gather", "index"), () -> x.gather(0, null));
        r.add("Tensor.pad(pad=null, 0)", NPE, arg("pad", "pad"), () -> x.pad(null, 0));
        r.add("Nano.cat(tensors=null[], 0)", NPE, arg("cat", "tensors"), () -> Nano.cat((Tensor[]) null, 0));
        r.add("Nano.cat(tensors=null list, 0)", NPE, arg("cat", "tensors"), () -> Nano.cat((List<Tensor>) null, 0));
        r.add("Nano.cat([x, null], 0)", NPE, "cat: argument 'tensors' must not contain null (null at index 1)",
                () -> Nano.cat(new Tensor[] {x, null}, 0));
        r.add("Nano.stack(tensors=null[], 0)", NPE, arg("stack", "tensors"), () -> Nano.stack((Tensor[]) null, 0));
        r.add("Nano.stack(tensors=null list, 0)", NPE, arg("stack", "tensors"),
                () -> Nano.stack((List<Tensor>) null, 0));
        r.add("Nano.stack([null], 0)", NPE, "stack: argument 'tensors' must not contain null (null at index 0)",
                () -> Nano.stack(new Tensor[] {null}, 0));
        // ---------------------------------------------------------------- factories
        r.add("Nano.tensor(double[] data=null)", NPE, arg("tensor", "data"), () -> Nano.tensor((double[]) null));
        r.add("Nano.tensor(double[][] data=null)", NPE, arg("tensor", "data"), () -> Nano.tensor((double[][]) null));
        r.add("Nano.tensor(a null row)", NPE, "tensor: argument 'data' must not contain null (null at index 1)",
                () -> Nano.tensor(new double[][] {{1}, null}));
        r.add("Nano.tensor(double[][][] data=null)", NPE, arg("tensor", "data"),
                () -> Nano.tensor((double[][][]) null));
        r.add("Nano.tensor(data=null, 2)", NPE, arg("tensor", "data"), () -> Nano.tensor(null, 2));
        r.add("Nano.tensor(data, shape=null)", NPE, arg("tensor", "size"), () -> Nano.tensor(new double[2], (int[]) null));
        r.add("Nano.boolTensor(data=null)", NPE, arg("boolTensor", "data"), () -> Nano.boolTensor(null, 1));
        r.add("Nano.boolTensor(data, shape=null)", NPE, arg("boolTensor", "size"),
                () -> Nano.boolTensor(new boolean[1], (int[]) null));
        r.add("Nano.longTensor(data=null)", NPE, arg("longTensor", "data"), () -> Nano.longTensor(null, 1));
        r.add("Nano.longTensor(data, shape=null)", NPE, arg("longTensor", "size"),
                () -> Nano.longTensor(new long[1], (int[]) null));
        r.add("Nano.zeros(shape=null)", NPE, arg("zeros", "size"), () -> Nano.zeros((int[]) null));
        r.add("Nano.ones(shape=null)", NPE, arg("ones", "size"), () -> Nano.ones((int[]) null));
        r.add("Nano.full(shape=null, 1)", NPE, arg("full", "size"), () -> Nano.full(null, 1));
        r.add("Nano.zerosLike(input=null)", NPE, arg("zerosLike", "input"), () -> Nano.zerosLike(null));
        r.add("Nano.onesLike(input=null)", NPE, arg("onesLike", "input"), () -> Nano.onesLike(null));
        r.add("Nano.fullLike(input=null, 1)", NPE, arg("fullLike", "input"), () -> Nano.fullLike(null, 1));
        r.add("Nano.rand(generator=null, 2)", NPE, arg("rand", "generator"), () -> Nano.rand((Random) null, 2));
        r.add("Nano.randn(generator=null, 2)", NPE, arg("randn", "generator"), () -> Nano.randn((Random) null, 2));
        r.add("Nano.rand(shape=null)", NPE, arg("rand", "size"), () -> Nano.rand((int[]) null));
        r.add("Nano.randn(generator, shape=null)", NPE, arg("randn", "size"),
                () -> Nano.randn(new Random(0), (int[]) null));
        r.add("new Tensor(data=null, 2)", NPE, arg("tensor", "data"), () -> new Tensor(null, 2));
        r.add("new Tensor(data, shape=null, dtype)", NPE, arg("tensor", "shape"),
                () -> new Tensor(new double[1], null, dev.nano.DType.FLOAT64));
        r.add("new Tensor(data, shape, dtype=null)", NPE, arg("tensor", "dtype"),
                () -> new Tensor(new double[1], new int[] {1}, null));
        // ---------------------------------------------------------------- nn.F, modules, init
        r.add("F.linear(input=null, weight)", NPE, arg("linear", "input"), () -> F.linear(null, x));
        r.add("F.linear(input, weight=null)", NPE, arg("linear", "weight"), () -> F.linear(x, null));
        r.add("F.batchNorm(input=null, ...)", NPE, arg("batch_norm", "input"),
                () -> F.batchNorm(null, Nano.zeros(3), Nano.ones(3)));
        r.add("F.layerNorm(input=null, [3])", NPE, arg("layer_norm", "input"), () -> F.layerNorm(null, new int[] {3}));
        r.add("F.layerNorm(input, normalizedShape=null)", NPE, arg("layer_norm", "normalized_shape"),
                () -> F.layerNorm(x, null));
        r.add("F.dropout(input=null, 0.5)", NPE, arg("dropout", "input"), () -> F.dropout(null, 0.5));
        r.add("F.dropout(input, 0.5, true, generator=null)", NPE, arg("dropout", "generator"),
                () -> F.dropout(x, 0.5, true, null));
        r.add("F.dropoutMask(shape=null, 0.5, rng)", NPE, arg("dropout_mask", "shape"),
                () -> F.dropoutMask(null, 0.5, new Random(0)));
        r.add("F.dropoutMask(shape, 0.5, generator=null)", NPE, arg("dropout_mask", "generator"),
                () -> F.dropoutMask(new int[] {2}, 0.5, null));
        r.add("F.dropoutWithMask(input=null, mask, 0.5)", NPE, arg("dropout_with_mask", "input"),
                () -> F.dropoutWithMask(null, x.gt(0), 0.5));
        r.add("F.dropoutWithMask(input, mask=null, 0.5)", NPE, arg("dropout_with_mask", "mask"),
                () -> F.dropoutWithMask(x, null, 0.5));
        r.add("F.mseLoss(input=null, target)", NPE, arg("mse_loss", "input"), () -> F.mseLoss(null, x));
        r.add("F.mseLoss(input, target=null)", NPE, arg("mse_loss", "target"), () -> F.mseLoss(x, null));
        r.add("F.nllLoss(input=null, target)", NPE, arg("nll_loss", "input"),
                () -> F.nllLoss(null, Nano.longTensor(new long[] {0}, 1)));
        r.add("F.nllLoss(input, target=null)", NPE, arg("nll_loss", "target"), () -> F.nllLoss(x, null));
        r.add("F.crossEntropy(input=null, target)", NPE, arg("cross_entropy", "input"), () -> F.crossEntropy(null, x));
        r.add("F.crossEntropy(input, target=null)", NPE, arg("cross_entropy", "target"), () -> F.crossEntropy(x, null));
        r.add("F.binaryCrossEntropy(input=null, target)", NPE, arg("binary_cross_entropy", "input"),
                () -> F.binaryCrossEntropy(null, x));
        r.add("F.binaryCrossEntropy(input, target=null)", NPE, arg("binary_cross_entropy", "target"),
                () -> F.binaryCrossEntropy(x, null));
        r.add("F.binaryCrossEntropyWithLogits(input=null, target)", NPE,
                arg("binary_cross_entropy_with_logits", "input"), () -> F.binaryCrossEntropyWithLogits(null, x));
        r.add("F.binaryCrossEntropyWithLogits(input, target=null)", NPE,
                arg("binary_cross_entropy_with_logits", "target"), () -> F.binaryCrossEntropyWithLogits(x, null));
        r.add("Init.uniform(tensor=null, ...)", NPE, arg("uniform_", "tensor"),
                () -> Init.uniform(null, 0, 1, new Random(0)));
        r.add("Init.uniform(tensor, 0, 1, generator=null)", NPE, arg("uniform_", "generator"),
                () -> Init.uniform(x(), 0, 1, null));
        r.add("new Linear(2, 3, true, generator=null)", NPE, arg("Linear", "generator"),
                () -> new Linear(2, 3, true, null));
        r.add("new LayerNorm(normalizedShape=null, ...)", NPE, arg("LayerNorm", "normalized_shape"),
                () -> new LayerNorm(null, 1e-5, true, true));
        r.add("new Sequential(modules=null)", NPE, arg("Sequential", "modules"),
                () -> new Sequential((dev.nano.nn.Module[]) null));
        r.add("new Sequential(a null module)", NPE,
                "Sequential: argument 'modules' must not contain null (null at index 0)", () -> new Sequential(
                        (dev.nano.nn.Module) null));
        Sequential seq = new Sequential(new Linear(2, 2, true, new Random(0)));
        r.addTouching("Sequential.append(module=null)", NPE, arg("Sequential.append", "module"),
                () -> seq.append(null), seq);
        BatchNorm1d bn = new BatchNorm1d(3);
        r.addTouching("BatchNorm1d.forward(input=null)", NPE, arg("BatchNorm1d", "input"), () -> bn.forward(null), bn);
        Linear linear = new Linear(3, 2, true, new Random(0));
        r.addTouching("Linear.forward(input=null)", NPE, arg("linear", "input"), () -> linear.forward(null), linear);
        Tensor target = Nano.tensor(0, 1, 1);
        Tensor classes = Nano.longTensor(new long[] {0, 1}, 2);
        Tensor logits = Nano.tensor(new double[][] {{1, 2}, {3, 4}});
        r.add("ReLU.forward(input=null)", NPE, arg("relu", "input"), () -> new ReLU().forward(null));
        r.add("Sigmoid.forward(input=null)", NPE, arg("sigmoid", "input"), () -> new Sigmoid().forward(null));
        r.add("Tanh.forward(input=null)", NPE, arg("tanh", "input"), () -> new Tanh().forward(null));
        r.add("GELU.forward(input=null)", NPE, arg("gelu", "input"), () -> new GELU().forward(null));
        r.add("Flatten.forward(input=null)", NPE, arg("flatten", "input"), () -> new Flatten().forward(null));
        r.add("Softmax(0).forward(input=null)", NPE, arg("softmax", "input"), () -> new Softmax(0).forward(null));
        r.add("LogSoftmax(0).forward(input=null)", NPE, arg("logSoftmax", "input"),
                () -> new LogSoftmax(0).forward(null));
        r.add("Dropout.forward(input=null)", NPE, arg("dropout", "input"), () -> new Dropout(0.5).forward(null));
        r.add("LayerNorm.forward(input=null)", NPE, arg("layer_norm", "input"), () -> new LayerNorm(2).forward(null));
        r.add("MSELoss.forward(input=null, target)", NPE, arg("mse_loss", "input"),
                () -> new MSELoss().forward(null, target));
        r.add("MSELoss.forward(input, target=null)", NPE, arg("mse_loss", "target"),
                () -> new MSELoss().forward(target, null));
        r.add("BCELoss.forward(input=null, target)", NPE, arg("binary_cross_entropy", "input"),
                () -> new BCELoss().forward(null, target));
        r.add("BCEWithLogitsLoss.forward(input, target=null)", NPE, arg("binary_cross_entropy_with_logits", "target"),
                () -> new BCEWithLogitsLoss().forward(target, null));
        r.add("CrossEntropyLoss.forward(input=null, target)", NPE, arg("cross_entropy", "input"),
                () -> new CrossEntropyLoss().forward(null, classes));
        r.add("CrossEntropyLoss.forward(input, target=null)", NPE, arg("cross_entropy", "target"),
                () -> new CrossEntropyLoss().forward(logits, null));
        r.add("NLLLoss.forward(input=null, target)", NPE, arg("nll_loss", "input"),
                () -> new NLLLoss().forward(null, classes));
        r.add("NLLLoss.forward(input, target=null)", NPE, arg("nll_loss", "target"),
                () -> new NLLLoss().forward(logits, null));
        // ---------------------------------------------------------------- optimizers
        r.add("SGD.builder(params=null list)", NPE, arg("SGD.builder", "params"), () -> SGD.builder((List<Tensor>) null));
        r.add("SGD.builder(params=null[])", NPE, arg("SGD.builder", "params"), () -> SGD.builder((Tensor[]) null));
        r.add("SGD.builder(groups=null[])", NPE, arg("SGD.builder", "params"), () -> SGD.builder((ParamGroup[]) null));
        r.add("Adam.builder(params=null list)", NPE, arg("Adam.builder", "params"),
                () -> Adam.builder((List<Tensor>) null));
        r.add("Adam.builder(params=null[])", NPE, arg("Adam.builder", "params"), () -> Adam.builder((Tensor[]) null));
        r.add("Adam.builder(groups=null[])", NPE, arg("Adam.builder", "params"),
                () -> Adam.builder((ParamGroup[]) null));
        r.add("AdamW.builder(params=null list)", NPE, arg("AdamW.builder", "params"),
                () -> AdamW.builder((List<Tensor>) null));
        r.add("AdamW.builder(params=null[])", NPE, arg("AdamW.builder", "params"), () -> AdamW.builder((Tensor[]) null));
        r.add("AdamW.builder(groups=null[])", NPE, arg("AdamW.builder", "params"),
                () -> AdamW.builder((ParamGroup[]) null));
        r.add("RMSprop.builder(params=null list)", NPE, arg("RMSprop.builder", "params"),
                () -> RMSprop.builder((List<Tensor>) null));
        r.add("RMSprop.builder(params=null[])", NPE, arg("RMSprop.builder", "params"),
                () -> RMSprop.builder((Tensor[]) null));
        r.add("RMSprop.builder(groups=null[])", NPE, arg("RMSprop.builder", "params"),
                () -> RMSprop.builder((ParamGroup[]) null));
        r.add("Adagrad.builder(params=null list)", NPE, arg("Adagrad.builder", "params"),
                () -> Adagrad.builder((List<Tensor>) null));
        r.add("Adagrad.builder(params=null[])", NPE, arg("Adagrad.builder", "params"),
                () -> Adagrad.builder((Tensor[]) null));
        r.add("Adagrad.builder(groups=null[])", NPE, arg("Adagrad.builder", "params"),
                () -> Adagrad.builder((ParamGroup[]) null));
        r.add("ParamGroup.of(params=null list)", NPE, arg("ParamGroup.of", "params"),
                () -> ParamGroup.of((List<Tensor>) null));
        r.add("ParamGroup.of(params=null[])", NPE, arg("ParamGroup.of", "params"), () -> ParamGroup.of((Tensor[]) null));
        r.add("ParamGroup.set(name=null, 0.1)", NPE, arg("ParamGroup.set", "name"),
                () -> ParamGroup.of(x()).set(null, 0.1));
        return list;
    }

    private static Object binaryNano(String op, Tensor a, Tensor b) {
        switch (op) {
            case "add": return Nano.add(a, b);
            case "sub": return Nano.sub(a, b);
            case "mul": return Nano.mul(a, b);
            case "div": return Nano.div(a, b);
            case "pow": return Nano.pow(a, b);
            case "maximum": return Nano.maximum(a, b);
            case "minimum": return Nano.minimum(a, b);
            case "matmul": return Nano.matmul(a, b);
            case "mm": return Nano.mm(a, b);
            case "dot": return Nano.dot(a, b);
            case "lt": return Nano.lt(a, b);
            case "le": return Nano.le(a, b);
            case "gt": return Nano.gt(a, b);
            case "ge": return Nano.ge(a, b);
            case "eq": return Nano.eq(a, b);
            default: return Nano.ne(a, b);
        }
    }

    private static Object binaryMethod(String op, Tensor a, Tensor b) {
        switch (op) {
            case "add": return a.add(b);
            case "sub": return a.sub(b);
            case "mul": return a.mul(b);
            case "div": return a.div(b);
            case "pow": return a.pow(b);
            case "maximum": return a.maximum(b);
            case "minimum": return a.minimum(b);
            case "matmul": return a.matmul(b);
            case "mm": return a.mm(b);
            case "dot": return a.dot(b);
            case "lt": return a.lt(b);
            case "le": return a.le(b);
            case "gt": return a.gt(b);
            case "ge": return a.ge(b);
            case "eq": return a.eq(b);
            default: return a.ne(b);
        }
    }

    private static Object unaryNano(String op) {
        Tensor n = null;
        switch (op) {
            case "neg": return Nano.neg(n);
            case "exp": return Nano.exp(n);
            case "log": return Nano.log(n);
            case "log1p": return Nano.log1p(n);
            case "expm1": return Nano.expm1(n);
            case "sqrt": return Nano.sqrt(n);
            case "rsqrt": return Nano.rsqrt(n);
            case "abs": return Nano.abs(n);
            case "sign": return Nano.sign(n);
            case "reciprocal": return Nano.reciprocal(n);
            case "square": return Nano.square(n);
            case "sin": return Nano.sin(n);
            case "cos": return Nano.cos(n);
            case "tanh": return Nano.tanh(n);
            case "sigmoid": return Nano.sigmoid(n);
            case "relu": return Nano.relu(n);
            case "leakyRelu": return Nano.leakyRelu(n);
            case "gelu": return Nano.gelu(n);
            case "silu": return Nano.silu(n);
            case "softplus": return Nano.softplus(n);
            case "elu": return Nano.elu(n);
            case "erf": return Nano.erf(n);
            case "sum": return Nano.sum(n);
            case "mean": return Nano.mean(n);
            case "var": return Nano.var(n);
            case "std": return Nano.std(n);
            case "prod": return Nano.prod(n);
            case "max": return Nano.max(n);
            case "min": return Nano.min(n);
            case "argmax": return Nano.argmax(n);
            case "argmin": return Nano.argmin(n);
            case "t": return Nano.t(n);
            case "squeeze": return Nano.squeeze(n);
            default: return Nano.clone(n);
        }
    }
}
