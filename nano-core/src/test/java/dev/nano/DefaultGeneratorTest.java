package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DefaultGeneratorTest {

    @Test
    void manualSeedRestartsTheDefaultGenerator() {
        Nano.manualSeed(7);
        double first = DefaultGenerator.get().nextDouble();
        Nano.manualSeed(7);
        assertEquals(first, DefaultGenerator.get().nextDouble());
        assertNotEquals(first, DefaultGenerator.get().nextDouble(), "and it moves on between draws");
    }
}
