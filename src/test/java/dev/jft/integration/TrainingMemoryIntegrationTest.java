package dev.jft.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.jft.model.SequenceClassifier;
import dev.jft.text.Padding;
import dev.jft.text.TextTokenizer;
import dev.jft.text.TokenBatch;
import dev.jft.train.FineTuner;
import dev.jft.train.bench.ProcessMemory;
import dev.jft.train.bench.SentimentSample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Five short real fine-tunes in one JVM, each with its own classifier, tuner and manager: once the
 * first has warmed up the engine, resident memory must stay flat (every NDArray closed).
 */
@Tag("integration")
class TrainingMemoryIntegrationTest {

    private static final long ALLOWED_GROWTH_MB = 300;

    @Test
    void repeatedFineTunesDoNotLeakNativeMemory() {
        SentimentSample sample = SentimentSample.stratified(64, 16, 9);
        List<Long> rssMb = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            try (NDManager manager = NDManager.newBaseManager()) {
                SequenceClassifier classifier = SequenceClassifier.builder().encoder("all-MiniLM-L6-v2")
                        .labels(SentimentSample.LABELS).seed(run).build(manager);
                try (TextTokenizer tokenizer = classifier.tokenizer(64, Padding.DYNAMIC)) {
                    List<TokenBatch> train = SentimentSample.batches(tokenizer, sample.trainTexts(),
                            sample.trainLabels(), 16);
                    List<TokenBatch> validation = SentimentSample.batches(tokenizer, sample.validationTexts(),
                            sample.validationLabels(), 16);
                    try (FineTuner tuner = FineTuner.builder().model(classifier).trainData(train)
                            .validationData(validation).epochs(1).learningRate(5e-5).seed(run).progress(false)
                            .build()) {
                        tuner.fit();
                    }
                }
            }
            System.gc(); // the Java heap is part of RSS too: let it settle before reading
            rssMb.add(ProcessMemory.residentMb());
        }
        long growth = rssMb.subList(1, rssMb.size()).stream().mapToLong(Long::longValue).max().orElseThrow() - rssMb.get(0);
        System.out.println("RSS after each of 5 fine-tunes (MB): " + rssMb + ", growth after the first: " + growth);
        assertTrue(growth < ALLOWED_GROWTH_MB, "RSS grew " + growth + " MB after the first run: " + rssMb);
    }
}
