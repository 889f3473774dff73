package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LrScheduleTest {

    @Test
    void linearWarmsUpThenDecaysToZero() {
        // peak 1.0, warmup 10, total 110: step 5 -> 5/10; step 10 -> peak; step 60 -> (110-60)/100 = 0.5
        LrSchedule schedule = LrSchedule.linear(1.0, 10, 110);
        assertEquals(0.0, schedule.lr(0), 1e-12);
        assertEquals(0.5, schedule.lr(5), 1e-12);
        assertEquals(1.0, schedule.lr(10), 1e-12);
        assertEquals(0.5, schedule.lr(60), 1e-12);
        assertEquals(0.0, schedule.lr(110), 1e-12);
        assertEquals(0.0, schedule.lr(500), 1e-12);
    }

    @Test
    void cosineFollowsHalfACosineWave() {
        // peak 2, warmup 0, total 100: progress 0.5 -> 2 * 0.5 * (1 + cos(pi/2)) = 1; 0.25 -> 1 + cos(pi/4) = 1.7071
        LrSchedule schedule = LrSchedule.cosine(2.0, 0, 100);
        assertEquals(2.0, schedule.lr(0), 1e-12);
        assertEquals(1 + Math.cos(Math.PI / 4), schedule.lr(25), 1e-12);
        assertEquals(1.0, schedule.lr(50), 1e-12);
        assertEquals(0.0, schedule.lr(100), 1e-12);
    }

    @Test
    void cosineWarmupIsLinear() {
        assertEquals(0.3, LrSchedule.cosine(1.0, 10, 20).lr(3), 1e-12);
    }

    @Test
    void constantAndKinds() {
        assertEquals(0.1, LrSchedule.constant(0.1).lr(1000), 0);
        assertEquals(0.5, LrSchedule.Kind.LINEAR.create(1.0, 10, 110).lr(60), 1e-12);
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> LrSchedule.linear(0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> LrSchedule.linear(1, 20, 10));
        assertThrows(IllegalArgumentException.class, () -> LrSchedule.cosine(1, 0, 0));
    }
}
