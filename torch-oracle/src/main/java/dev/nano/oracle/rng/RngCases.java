package dev.nano.oracle.rng;

import java.util.ArrayList;
import java.util.List;

import static dev.nano.oracle.rng.RngCall.bernoulli;
import static dev.nano.oracle.rng.RngCall.conv2d;
import static dev.nano.oracle.rng.RngCall.convTranspose2d;
import static dev.nano.oracle.rng.RngCall.dropout2d;
import static dev.nano.oracle.rng.RngCall.dropout;
import static dev.nano.oracle.rng.RngCall.kaimingNormal;
import static dev.nano.oracle.rng.RngCall.xavierNormal;
import static dev.nano.oracle.rng.RngCall.xavierUniform;
import static dev.nano.oracle.rng.RngCall.linear;
import static dev.nano.oracle.rng.RngCall.normal;
import static dev.nano.oracle.rng.RngCall.rand;
import static dev.nano.oracle.rng.RngCall.randint;
import static dev.nano.oracle.rng.RngCall.randn;
import static dev.nano.oracle.rng.RngCall.randperm;
import static dev.nano.oracle.rng.RngCall.truncNormal;
import static dev.nano.oracle.rng.RngCall.uniform;

/**
 * The random streams checked: every call alone after several seeds, at sizes on both sides of 16
 * (where {@code normal_} switches from cached Box–Muller pairs to {@code normal_fill}'s blocks of 16),
 * and interleavings in which a cached normal, a 32-bit and a 64-bit draw follow each other.
 */
final class RngCases {
    /** 2³² + 7: manual_seed keeps only the low 32 bits for the twister, so this draws like seed 7. */
    static final long[] SEEDS = {0, 1, 42, 123456789, (1L << 32) + 7};

    private RngCases() {
    }

    static List<RngCase> all() {
        List<RngCall> alone = List.of(
                rand(1), rand(15), rand(16), rand(17), rand(3, 5, 7),
                randn(1), randn(2), randn(3), randn(15), randn(16), randn(17), randn(31), randn(33), randn(4, 8),
                randint(0, 10, 20), randint(-5, 3, 7), randint(-3, (1L << 33) + 5, 9),
                randperm(1), randperm(10), randperm(100),
                uniform(10, -2, 3), uniform(20, -0.125, 0.125),
                normal(5, 1.5, 0.5), normal(40, -1, 3),
                bernoulli(12), dropout(50, 0.3), dropout(7, 0.5));
        List<RngCase> cases = new ArrayList<>();
        for (long seed : SEEDS) {
            for (RngCall call : alone) {
                cases.add(new RngCase(seed, List.of(call)));
            }
        }
        // A cached normal survives rand, randint and randperm, and normal_fill neither uses nor clears it.
        cases.add(new RngCase(0, List.of(randn(3), rand(2), randn(1), randn(17), randn(5), randint(0, 100, 4),
                randperm(20), randn(1), dropout(30, 0.2), normal(3, 2, 0.25), bernoulli(5), randn(16), randn(2))));
        cases.add(new RngCase(7, List.of(randn(1), randn(1), randn(1), uniform(3, 0, 1), randn(1),
                randint(0, (1L << 40), 3), randn(19), rand(1))));
        // nn.Linear's default initialisation, the MNIST model's first layer among them.
        cases.add(new RngCase(0, List.of(linear(784, 128))));
        cases.add(new RngCase(1, List.of(linear(64, 32), linear(32, 10))));
        cases.add(new RngCase(42, List.of(linear(3, 5), linear(1, 1), linear(0, 2))));
        // torch.nn.init's other schemes, below and above 16 elements.
        cases.add(new RngCase(0, List.of(kaimingNormal(3, 4), kaimingNormal(16, 9), xavierUniform(5, 7, 1.0),
                xavierUniform(3, 2, Math.sqrt(2.0)), xavierNormal(4, 3, 1.0), xavierNormal(20, 10, 5.0 / 3))));
        // trunc_normal_: the defaults, a ViT-style narrow cut, a shifted one, a mean far outside [a, b] (which warns).
        cases.add(new RngCase(0, List.of(truncNormal(10, 0, 1, -2, 2), truncNormal(40, 0, 0.02, -0.04, 0.04),
                truncNormal(17, 0.5, 2, -1, 3), truncNormal(5, 5, 1, -2, 2))));
        cases.add(new RngCase(42, List.of(truncNormal(300, 0, 1, -2, 2), randn(3), truncNormal(1, -1, 0.5, -3, 0))));
        // nn.Conv2d / nn.ConvTranspose2d default initialisation (LeNet's two convolutions among them) and
        // Dropout2d's channel masks.
        cases.add(new RngCase(0, List.of(conv2d(1, 6, 5), conv2d(6, 16, 5))));
        cases.add(new RngCase(7, List.of(conv2d(3, 4, 3), convTranspose2d(4, 2, 3), dropout2d(3, 8, 2, 2, 0.4),
                dropout2d(2, 5, 3, 1, 0.5))));
        // 700 draws cross the twister's 624-word regeneration more than once.
        cases.add(new RngCase(3, List.of(rand(700), randn(700), randperm(700))));
        return cases;
    }
}
