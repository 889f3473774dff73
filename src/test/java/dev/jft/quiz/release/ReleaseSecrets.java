package dev.jft.quiz.release;

import dev.jft.quiz.bank.Exercise;
import dev.jft.quiz.bank.Option;
import dev.jft.quiz.bank.Question;
import dev.jft.quiz.bank.QuestionKind;
import dev.jft.quiz.bank.QuizBank;
import dev.jft.quiz.bank.QuizCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What no file of a learner release may hold, taken from the instructor's tree: every explanation of
 * every bank (option and question explanations: they give the answers away), every key text that the
 * lesson material itself (notebooks, README, library sources, the banks' prompts and option texts) does
 * not contain (a short answer such as "mask" is lesson prose, and a choice
 * key is a letter; those are checked by the banks' structure instead), the name of every hidden test
 * class, and the name of every reference-solution class. Jars and zips are read entry by entry.
 */
final class ReleaseSecrets {

    private final Set<String> secrets = new LinkedHashSet<>();
    private final Set<String> distinctiveKeys = new LinkedHashSet<>();
    private final List<String> hiddenClasses = new ArrayList<>();

    private ReleaseSecrets() {}

    /** The secrets of the instructor's banks and tree in {@code course}. */
    static ReleaseSecrets of(QuizCatalog instructor, Path course) throws IOException {
        ReleaseSecrets found = new ReleaseSecrets();
        for (QuizBank bank : instructor.banks()) {
            for (Question question : bank.questions()) {
                question.options().stream().map(Option::explanation).forEach(found.secrets::add);
                if (!question.explanation().isEmpty()) {
                    found.secrets.add(question.explanation());
                }
            }
            for (Exercise exercise : bank.exercises()) {
                for (String name : HiddenTests.of(exercise).classes()) {
                    found.hiddenClasses.add(name);
                    found.secrets.add(name);
                    found.secrets.add(name.substring(name.lastIndexOf('.') + 1));
                }
            }
        }
        StringBuilder material = new StringBuilder(lessonMaterial(course, found.hiddenClasses));
        for (QuizBank bank : instructor.banks()) {
            for (Question question : bank.questions()) { // prompts and option texts are in both editions
                material.append('\n').append(question.prompt());
                question.options().forEach(option -> material.append('\n').append(option.text()));
            }
        }
        String lessonMaterial = material.toString();
        for (QuizBank bank : instructor.banks()) {
            for (Question question : bank.questions()) {
                for (String key : keyTexts(question)) {
                    if (cannotBeChance(key) && !lessonMaterial.contains(key)) {
                        found.distinctiveKeys.add(key);
                    }
                }
            }
        }
        found.secrets.addAll(found.distinctiveKeys);
        try (Stream<Path> solutions = Files.list(course.resolve("src/test/java/dev/jft/quiz/solutions"))) {
            solutions.map(file -> file.getFileName().toString().replace(".java", "")).forEach(found.secrets::add);
        }
        return found;
    }

    /** Hidden test classes by full name. */
    List<String> hiddenClasses() {
        return hiddenClasses;
    }

    /** Keys that appear nowhere in the lesson material, so nowhere in a release that leaks none. */
    Set<String> distinctiveKeys() {
        return distinctiveKeys;
    }

    /** Each secret {@code text} holds. */
    List<String> in(String text) {
        return secrets.stream().filter(text::contains).toList();
    }

    /** {@code "file: secret"} for every secret in every file under {@code root}, jar and zip entries too. */
    List<String> scan(Path root) throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString();
                in(name).forEach(secret -> hits.add(name + " (its path): " + secret));
                if (name.endsWith(".jar") || name.endsWith(".zip")) {
                    scanZip(file, name, hits);
                } else {
                    in(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
                            .forEach(secret -> hits.add(name + ": " + secret));
                }
            }
        }
        return hits;
    }

    private void scanZip(Path file, String name, List<String> hits) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                in(entry.getName()).forEach(secret -> hits.add(name + "!" + entry.getName() + " (its path): " + secret));
                try (InputStream in = zip.getInputStream(entry)) {
                    in(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .forEach(secret -> hits.add(name + "!" + entry.getName() + ": " + secret));
                }
            }
        }
    }

    /**
     * Whether finding {@code key} in a file cannot be chance: sealed keys are Base64, where a short run of
     * letters and digits turns up at random ("770" does, in a few thousand characters), a run of six or
     * more, or one with a space or a point, does not.
     */
    private static boolean cannotBeChance(String key) {
        return key.length() >= 6 || key.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && c != '+' && c != '/');
    }

    /** The key as bank files and Java print it: option ids, accepted texts, the number in both spellings. */
    static List<String> keyTexts(Question question) {
        List<String> keys = new ArrayList<>(question.correctOptions());
        keys.addAll(question.acceptedAnswers());
        if (question.kind() == QuestionKind.NUMERIC) {
            double answer = question.numericAnswer();
            keys.add(Double.toString(answer));
            if (answer == Math.rint(answer)) {
                keys.add(Long.toString((long) answer));
            }
        }
        return keys;
    }

    /** The notebooks, README and library sources (hidden tests aside): what a release ships as it is. */
    private static String lessonMaterial(Path course, List<String> hiddenClasses) throws IOException {
        Set<Path> hiddenSources = new LinkedHashSet<>();
        hiddenClasses.forEach(name -> hiddenSources.add(HiddenTests.sourceFile(course.resolve("src/main/java"), name)));
        StringBuilder text = new StringBuilder(Files.readString(course.resolve("README.md")));
        for (String folder : List.of("notebooks", "src/main")) {
            try (Stream<Path> files = Files.walk(course.resolve(folder))) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !hiddenSources.contains(f)).toList()) {
                    text.append('\n').append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }
}
