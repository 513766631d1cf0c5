package dev.nano.ops;

import dev.nano.Tensor;

/** Elementwise math: exp log log1p expm1 sqrt rsqrt abs sign reciprocal square sin cos tanh sigmoid relu leakyRelu gelu silu softplus elu erf. (STUB: to be implemented.) */
public final class Unary {
    private Unary() {
    }

    public static Tensor exp(Tensor x) {
        throw new UnsupportedOperationException("exp: not implemented yet");
    }

    public static Tensor log(Tensor x) {
        throw new UnsupportedOperationException("log: not implemented yet");
    }

    public static Tensor log1p(Tensor x) {
        throw new UnsupportedOperationException("log1p: not implemented yet");
    }

    public static Tensor expm1(Tensor x) {
        throw new UnsupportedOperationException("expm1: not implemented yet");
    }

    public static Tensor sqrt(Tensor x) {
        throw new UnsupportedOperationException("sqrt: not implemented yet");
    }

    public static Tensor rsqrt(Tensor x) {
        throw new UnsupportedOperationException("rsqrt: not implemented yet");
    }

    public static Tensor abs(Tensor x) {
        throw new UnsupportedOperationException("abs: not implemented yet");
    }

    public static Tensor sign(Tensor x) {
        throw new UnsupportedOperationException("sign: not implemented yet");
    }

    public static Tensor reciprocal(Tensor x) {
        throw new UnsupportedOperationException("reciprocal: not implemented yet");
    }

    public static Tensor square(Tensor x) {
        throw new UnsupportedOperationException("square: not implemented yet");
    }

    public static Tensor sin(Tensor x) {
        throw new UnsupportedOperationException("sin: not implemented yet");
    }

    public static Tensor cos(Tensor x) {
        throw new UnsupportedOperationException("cos: not implemented yet");
    }

    public static Tensor tanh(Tensor x) {
        throw new UnsupportedOperationException("tanh: not implemented yet");
    }

    public static Tensor sigmoid(Tensor x) {
        throw new UnsupportedOperationException("sigmoid: not implemented yet");
    }

    public static Tensor relu(Tensor x) {
        throw new UnsupportedOperationException("relu: not implemented yet");
    }

    public static Tensor silu(Tensor x) {
        throw new UnsupportedOperationException("silu: not implemented yet");
    }

    public static Tensor erf(Tensor x) {
        throw new UnsupportedOperationException("erf: not implemented yet");
    }

    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        throw new UnsupportedOperationException("leakyRelu: not implemented yet");
    }

    public static Tensor gelu(Tensor x, String approximate) {
        throw new UnsupportedOperationException("gelu: not implemented yet");
    }

    public static Tensor softplus(Tensor x, double beta, double threshold) {
        throw new UnsupportedOperationException("softplus: not implemented yet");
    }

    public static Tensor elu(Tensor x, double alpha) {
        throw new UnsupportedOperationException("elu: not implemented yet");
    }
}
