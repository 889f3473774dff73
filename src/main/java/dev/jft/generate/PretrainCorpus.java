package dev.jft.generate;

import dev.jft.data.Address;
import dev.jft.data.BrownData;
import dev.jft.data.BrownDocument;
import dev.jft.data.SotuData;
import dev.jft.text.Gpt2Tokenizer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * General English to pretrain on, as GPT-2 token streams: a training stream and a held-out stream
 * of whole documents (every {@value #HELD_OUT_EVERY}th document), each document followed by
 * {@code <|endoftext|>}. The course's corpus is the Brown corpus (500 documents of 15 genres, its
 * tokens re-joined into ordinary text) plus the 233 State of the Union addresses.
 *
 * <pre>{@code
 * PretrainCorpus corpus = PretrainCorpus.english(tokenizer, false, Path.of(".cache/pretrained/corpus.tokens"));
 * corpus.train().length;   // tokens to train on
 * }</pre>
 *
 * @param description what the text is, for printing
 * @param train the training stream
 * @param heldOut the held-out stream (documents never trained on)
 */
public record PretrainCorpus(String description, int[] train, int[] heldOut) {

    /** One document in this many goes to the held-out stream. */
    public static final int HELD_OUT_EVERY = 50;

    /** Brown documents and addresses used in fast mode (a small slice, so tokenizing takes seconds). */
    static final int FAST_BROWN = 40;
    static final int FAST_SOTU = 12;

    public PretrainCorpus {
        if (train.length < 2 || heldOut.length < 2) {
            throw new IllegalArgumentException("A corpus needs at least 2 training and 2 held-out tokens, got "
                    + train.length + " and " + heldOut.length);
        }
    }

    /**
     * Brown + State of the Union, tokenized (or read from {@code tokenFile} when an earlier run saved it
     * there; written there otherwise). {@code small} takes only the first {@value #FAST_BROWN} Brown
     * documents and {@value #FAST_SOTU} addresses (fast mode).
     */
    public static PretrainCorpus english(Gpt2Tokenizer tokenizer, boolean small, Path tokenFile) {
        String description = small
                ? "Brown (first " + FAST_BROWN + " documents) + State of the Union (first " + FAST_SOTU + " addresses)"
                : "Brown corpus (500 documents) + State of the Union (233 addresses)";
        if (tokenFile != null && Files.isRegularFile(tokenFile)) {
            int[][] streams = read(tokenFile);
            return new PretrainCorpus(description, streams[0], streams[1]);
        }
        List<String> documents = documents(small);
        List<String> train = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            (i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1 ? heldOut : train).add(documents.get(i));
        }
        PretrainCorpus corpus = new PretrainCorpus(description, CausalLmBatches.join(tokenizer, train),
                CausalLmBatches.join(tokenizer, heldOut));
        if (tokenFile != null) {
            write(tokenFile, corpus.train, corpus.heldOut);
        }
        return corpus;
    }

    /** The documents in a fixed order that mixes the two sources: Brown's, then the addresses. */
    static List<String> documents(boolean small) {
        List<String> documents = new ArrayList<>();
        List<BrownDocument> brown = BrownData.load().records();
        for (BrownDocument document : brown.subList(0, small ? Math.min(FAST_BROWN, brown.size()) : brown.size())) {
            documents.add(document.prose());
        }
        List<Address> addresses = SotuData.load().records();
        for (Address address : addresses.subList(0, small ? Math.min(FAST_SOTU, addresses.size()) : addresses.size())) {
            documents.add(address.text().strip());
        }
        return documents;
    }

    /** Training plus held-out tokens. */
    public long tokens() {
        return (long) train.length + heldOut.length;
    }

    private static void write(Path file, int[] train, int[] heldOut) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                for (int[] stream : new int[][] {train, heldOut}) {
                    out.writeInt(stream.length);
                    for (int id : stream) {
                        out.writeInt(id);
                    }
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the corpus tokens to " + file, e);
        }
    }

    private static int[][] read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int[][] streams = new int[2][];
            for (int s = 0; s < 2; s++) {
                streams[s] = new int[in.readInt()];
                for (int i = 0; i < streams[s].length; i++) {
                    streams[s][i] = in.readInt();
                }
            }
            return streams;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the corpus tokens in " + file + " (" + e.getMessage()
                    + "): delete the file and run again to tokenize the corpus anew", e);
        }
    }
}
