package dev.jft.quiz.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every lesson's quiz bank, with questions and exercises looked up by id (ids are unique across
 * all lessons). The build copies {@code quizzes/} onto the classpath, so notebooks need no paths.
 *
 * <pre>{@code
 * QuizCatalog catalog = QuizCatalog.fromClasspath();
 * catalog.question("welcome-q1").ifPresent(q -> System.out.println(q.prompt()));
 * }</pre>
 */
public final class QuizCatalog {

    /** Bank files are named like this inside each lesson folder. */
    public static final String BANK_FILE = "questions.json";

    /** A catalog and what was wrong in the files it came from. */
    public record Checked(QuizCatalog catalog, List<Problem> problems) {}

    private final List<QuizBank> banks;
    private final Map<String, Question> questions = new LinkedHashMap<>();
    private final Map<String, Exercise> exercises = new LinkedHashMap<>();

    private QuizCatalog(List<QuizBank> banks) {
        this.banks = List.copyOf(banks);
        for (QuizBank bank : banks) {
            bank.questions().forEach(q -> questions.putIfAbsent(q.id(), q));
            bank.exercises().forEach(e -> exercises.putIfAbsent(e.id(), e));
        }
    }

    /** Parses and checks bank files given as file name to text, ids checked across all files. */
    public static Checked check(Map<String, String> textByFile) {
        List<QuizBank> banks = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, QuizBankParser.IdSite> firstSite = new HashMap<>();
        for (Map.Entry<String, String> file : new TreeMap<>(textByFile).entrySet()) {
            QuizBankParser.Result result = QuizBankParser.parse(file.getKey(), file.getValue());
            problems.addAll(result.problems());
            if (result.bank() != null) {
                banks.add(result.bank());
            }
            for (QuizBankParser.IdSite site : result.ids()) {
                QuizBankParser.IdSite first = firstSite.putIfAbsent(site.id(), site);
                if (first != null) {
                    problems.add(new Problem(site.file(), site.line(), "duplicate id " + site.id()
                            + " (first used at " + first.file() + ":" + first.line() + ")"));
                }
            }
        }
        problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        return new Checked(new QuizCatalog(banks), List.copyOf(problems));
    }

    /** The banks under {@code quizzes/} on the classpath; fails naming every problem found. */
    public static QuizCatalog fromClasspath() {
        Checked checked = check(readClasspathBanks());
        if (!checked.problems().isEmpty()) {
            throw new IllegalStateException("The quiz banks on the classpath have problems:\n"
                    + String.join("\n", checked.problems().stream().map(Problem::toString).toList()));
        }
        return checked.catalog();
    }

    /** Reads {@code <dir>/<lesson>/questions.json} for every lesson folder under {@code dir}. */
    public static Map<String, String> readBankFiles(Path dir) throws IOException {
        Map<String, String> textByFile = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals(BANK_FILE)).toList()) {
                textByFile.put(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return textByFile;
    }

    private static Map<String, String> readClasspathBanks() {
        Map<String, String> textByFile = new TreeMap<>();
        try {
            for (URL root : Collections.list(QuizCatalog.class.getClassLoader().getResources("quizzes"))) {
                if (root.getProtocol().equals("file")) {
                    textByFile.putAll(readBankFiles(Path.of(root.toURI())));
                } else if (root.getProtocol().equals("jar")) {
                    textByFile.putAll(readJarBanks((JarURLConnection) root.openConnection()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the quiz banks from the classpath", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return textByFile;
    }

    private static Map<String, String> readJarBanks(JarURLConnection connection) throws IOException {
        Map<String, String> textByFile = new TreeMap<>();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().startsWith("quizzes/") && entry.getName().endsWith("/" + BANK_FILE)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        textByFile.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return textByFile;
    }

    /** The lessons' banks in lesson order. */
    public List<QuizBank> banks() {
        return banks;
    }

    /** The question with this id. */
    public Optional<Question> question(String id) {
        return Optional.ofNullable(questions.get(id));
    }

    /** The exercise with this id. */
    public Optional<Exercise> exercise(String id) {
        return Optional.ofNullable(exercises.get(id));
    }

    /** How the item {@code id} may be attempted (practice for an id no bank holds). */
    public AttemptPolicy policy(String id) {
        return banks.stream().filter(bank -> bank.policies().containsKey(id)).findFirst()
                .map(bank -> bank.policy(id)).orElse(AttemptPolicy.practice());
    }

    /** Every question and exercise id, in bank order. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(questions.keySet());
        ids.addAll(exercises.keySet());
        return ids;
    }

    /** The known ids closest to a mistyped one. */
    public List<String> nearestIds(String id) {
        return NearestIds.to(id, ids(), 3);
    }
}
