package dev.jft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jft.viz.DisplaySink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    /** Keeps what would be drawn. */
    static final class RecordingSink implements DisplaySink {
        final List<Object> displayed = new ArrayList<>();
        final List<Object> updates = new ArrayList<>();

        @Override
        public String display(Object value) {
            displayed.add(value);
            return "id-" + displayed.size();
        }

        @Override
        public void update(String displayId, Object value) {
            assertEquals("id-1", displayId);
            updates.add(value);
        }
    }

    private final RecordingSink sink = new RecordingSink();
    private final AtomicLong clock = new AtomicLong();
    private final ProgressDisplay progress = new ProgressDisplay(sink, 250, clock::get);

    @Test
    void displaysOnceThenRedrawsAtMostEvery250Milliseconds() {
        progress.start(0, 10, 0, 2);
        for (int step = 1; step <= 10; step++) {
            clock.addAndGet(100_000_000L); // 100 ms per step
            progress.step(step, step <= 5 ? 0 : 1, 1.0, 1e-3, 4);
        }
        assertEquals(1, sink.displayed.size());
        // due at 300, 600, 900 ms, plus the last step (1000 ms) always
        assertEquals(4, sink.updates.size());
        TrainingProgress last = (TrainingProgress) sink.updates.get(3);
        assertEquals(10, last.step());
        assertEquals(40.0, last.examplesPerSecond(), 1e-9); // 40 examples in 1 s
        assertEquals(0.0, last.etaSeconds(), 1e-9);
        assertEquals(1.0, last.loss(), 1e-9); // bias-corrected average of a constant is the constant
        TrainingProgress third = (TrainingProgress) sink.updates.get(2);
        assertEquals(9, third.step());
        assertEquals(0.1, third.etaSeconds(), 1e-9); // 0.1 s per step, one step left
    }

    @Test
    void finishDrawsTheLatestStateEvenWhenThrottled() {
        progress.start(0, 100, 0, 5);
        progress.step(1, 0, 2.0, 1e-3, 8); // too soon to draw
        assertEquals(0, sink.updates.size());
        progress.finish();
        assertEquals(1, ((TrainingProgress) sink.updates.get(0)).step());
    }

    @Test
    void rendersTextAndAnHtmlProgressBar() {
        TrainingProgress progress = new TrainingProgress(12, 100, 0, 3, 0.693, 2e-5, 45.3, 83);
        assertEquals("step 12/100 | epoch 1/3 | loss 0.6930 | lr 2.00e-05 | 45.3 ex/s | ETA 1:23", progress.toString());
        String html = progress.mimeBundle().get("text/html");
        assertTrue(html.contains("<progress value=\"12\" max=\"100\""), html);
        assertTrue(new TrainingProgress(1, 2, 0, 1, 1, 1, 1, 4000).toString().endsWith("ETA 1:06:40"));
        assertTrue(new TrainingProgress(1, 2, 0, 1, 1, 1, 1, -1).toString().endsWith("ETA ?"));
    }
}
