package dev.jft.quiz.exercises.selecting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jft.model.BertConfig;
import dev.jft.model.Checkpoint;
import dev.jft.model.ModelCatalog;
import dev.jft.quiz.solutions.SelectingSolutions;
import org.junit.jupiter.api.Test;

/** The exercise's expected counts are the real models' counts, and the reference formula reproduces them. */
class ParameterCountFactsTest {

    @Test
    void theConstantsAreTheCatalogModelsWeightCounts() {
        assertEquals(ParameterCountTest.MINILM_L6, ModelCatalog.load("all-MiniLM-L6-v2").parameterCount());
        assertEquals(ParameterCountHiddenTest.SMALL_12_LAYER, ModelCatalog.load("bge-small-en-v1.5").parameterCount());
        assertEquals(ParameterCountHiddenTest.SMALL_12_LAYER, ModelCatalog.load("e5-small-v2").parameterCount());
    }

    @Test
    void theReferenceFormulaMatchesEveryCatalogModel() {
        for (String name : ModelCatalog.names()) {
            Checkpoint checkpoint = ModelCatalog.load(name);
            BertConfig c = checkpoint.config();
            long formula = SelectingSolutions.PARAMETER_COUNT.applyAsLong(ParameterCountTest.config(c.vocabSize(),
                    c.hiddenSize(), c.numLayers(), c.intermediateSize(), c.maxPositions(), c.typeVocabSize()));
            assertEquals(checkpoint.parameterCount(), formula, name);
        }
    }
}
