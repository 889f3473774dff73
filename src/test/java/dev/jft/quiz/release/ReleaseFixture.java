package dev.jft.quiz.release;

import dev.jft.course.Folders;
import dev.jft.quiz.bank.QuizCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One learner release of this course tree, made once per test JVM (sealing takes a second or two) into
 * a temporary folder deleted when the JVM ends. Tests that change a release make their own.
 */
final class ReleaseFixture {

    /** The instructor's tree: the module folder the tests run in. */
    static final Path COURSE = Path.of("").toAbsolutePath();

    private static Path release;
    private static LearnerRelease.Summary summary;

    private ReleaseFixture() {}

    /** The shared release folder; do not change it. */
    static synchronized Path release() {
        if (release == null) {
            try {
                Path dir = Files.createTempDirectory("jft-learner-release-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Folders.delete(dir);
                    } catch (IOException e) {
                        // a temporary folder left behind is harmless
                    }
                }));
                summary = LearnerRelease.write(COURSE, dir.resolve("course"));
                release = dir.resolve("course");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return release;
    }

    static synchronized LearnerRelease.Summary summary() {
        release();
        return summary;
    }

    /** The release's banks, parsed as a learner's kernel parses them; fails on any problem. */
    static QuizCatalog releaseCatalog() {
        try {
            QuizCatalog.Checked checked = QuizCatalog.check(QuizCatalog.readBankFiles(release().resolve("quizzes")));
            if (!checked.problems().isEmpty()) {
                throw new AssertionError("the release's banks have problems: " + checked.problems());
            }
            return checked.catalog();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
