package dev.nano.oracle.mutation;

import dev.nano.oracle.cases.Catalogue;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which operator a piece of nano's code belongs to, so that a mutant can be credited to the
 * operators of the catalogue. The rules, in order:
 * <ol>
 *   <li>a method named like an operator (the public entry points {@code Unary.exp}, {@code F.crossEntropy},
 *       and the lambdas inside them) belongs to that operator;</li>
 *   <li>an operator's {@code Function} class ({@code Unary$Exp}, {@code Selection$ClampTensor}) belongs to
 *       the operator it is named after, or to the ones listed in {@link #CLASSES} (which also names the
 *       helper classes that serve a few operators only, such as {@code MatrixKernel});</li>
 *   <li>anything else is shared code (broadcasting, reduction layouts, the engine, an optimizer) and is
 *       reported by class only.</li>
 * </ol>
 */
final class CodeOwner {

    /** Classes whose name is not an operator's name, with the operators they compute. */
    static final Map<String, List<String>> CLASSES = Map.ofEntries(
            Map.entry("GeluTanh", List.of("gelu")),
            Map.entry("Mv", List.of("matmul")), Map.entry("BatchedMatmul", List.of("matmul")),
            Map.entry("MatrixProduct", List.of("matmul", "mm", "dot")),
            Map.entry("SliceRanges", List.of("index", "narrow")), Map.entry("ConstantPadNd", List.of("pad")),
            Map.entry("ClampScalar", List.of("clamp")), Map.entry("ClampTensor", List.of("clamp")),
            Map.entry("Amax", List.of("amax", "amin")), Map.entry("MaxAll", List.of("max", "min")),
            Map.entry("MaxDim", List.of("max", "min")), Map.entry("ProdDim", List.of("prod")),
            Map.entry("Logsumexp", List.of("logsumexp")), Map.entry("SoftmaxFn", List.of("softmax")),
            Map.entry("LogSoftmaxFn", List.of("logSoftmax")), Map.entry("AlongDim", List.of("softmax", "logSoftmax")),
            Map.entry("Join", List.of("cat", "stack")), Map.entry("Reorder", List.of("permute", "transpose")),
            Map.entry("NewShape", List.of("view", "reshape", "squeeze", "unsqueeze", "flatten")),
            Map.entry("Var", List.of("var")), Map.entry("Std", List.of("std")),
            Map.entry("BatchNormFunction", List.of("batchNorm")), Map.entry("LayerNormFunction", List.of("layerNorm")),
            Map.entry("MseLossFunction", List.of("mseLoss")),
            Map.entry("NllLossFunction", List.of("nllLoss", "crossEntropy")),
            Map.entry("BinaryCrossEntropyFunction", List.of("binaryCrossEntropy")),
            Map.entry("BinaryCrossEntropyWithLogitsFunction", List.of("binaryCrossEntropyWithLogits")),
            Map.entry("ErfMath", List.of("erf", "gelu")),
            Map.entry("ReduceVariance", List.of("var", "std")), Map.entry("ReduceProd", List.of("prod")),
            Map.entry("ReduceLogSumExp", List.of("logsumexp")),
            Map.entry("ReduceExtrema", List.of("amax", "amin", "max", "min", "argmax", "argmin")),
            Map.entry("LinAlg", List.of("matmul")), Map.entry("MatrixKernel", List.of("matmul", "mm", "dot")),
            Map.entry("ReduceSum", List.of("sum", "mean")), Map.entry("CatStack", List.of("cat", "stack")),
            Map.entry("PadConstant", List.of("pad")), Map.entry("IndexGather", List.of("gather")),
            Map.entry("MoveExpand", List.of("expand")), Map.entry("MoveAxes", List.of("permute", "transpose")));

    /** Method names of nano that spell an operator differently (the catalogue entries' aliases). */
    private static final Map<String, String> METHOD_ALIASES = Catalogue.aliases();

    private final Set<String> operators;

    CodeOwner(Set<String> operators) {
        this.operators = operators;
    }

    /** The operators a mutant's code computes; empty for shared code. */
    List<String> operatorsOf(Mutant m) {
        String method = methodName(m.method());
        method = METHOD_ALIASES.getOrDefault(method, method);
        if (operators.contains(method)) {
            return List.of(method);
        }
        String binary = m.mutatedClass().substring(m.mutatedClass().lastIndexOf('.') + 1);
        String[] nesting = binary.split("\\$");
        for (int i = nesting.length - 1; i >= 0; i--) {
            String simple = nesting[i];
            if (CLASSES.containsKey(simple)) {
                return CLASSES.get(simple);
            }
            String lower = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
            if (i > 0 && operators.contains(lower)) {
                return List.of(lower);
            }
        }
        return List.of();
    }

    /** {@code lambda$sum$3} is code of {@code sum}. */
    private static String methodName(String method) {
        if (method.startsWith("lambda$")) {
            String rest = method.substring("lambda$".length());
            int end = rest.indexOf('$');
            return end < 0 ? rest : rest.substring(0, end);
        }
        return method;
    }
}
