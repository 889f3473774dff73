package dev.jft.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MavenResolverTest {

    private static final String ESC = "\u001B";

    @Test
    void errorLinesShowWhatFailedDespiteColourCodes() {
        // What Maven 3.8.7 writes with -B -q -Dstyle.color=never for an artifact that does not exist.
        String failure = "[ERROR] Failed to execute goal on project notebook-dependencies: Could not resolve"
                + " dependencies for project dev.jft.kernel:notebook-dependencies:pom:1: Could not find artifact"
                + " org.nope:does-not-exist:jar:9.9 in central (https://repo.maven.apache.org/maven2) -> [Help 1]";
        List<String> output = List.of(
                ESC + "[0m" + ESC + "[0m" + failure,
                "[ERROR] ",
                "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
                "[ERROR] Re-run Maven using the -X switch to enable full debug logging.",
                "[ERROR] ",
                "[ERROR] For more information about the errors and possible solutions, please read the following articles:",
                "[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/DependencyResolutionException",
                ESC + "[0m" + ESC + "[0m");
        assertEquals(failure, MavenResolver.errorLines(output));
    }

    @Test
    void colouredErrorTagIsRecognised() {
        String line = "[" + ESC + "[1;31mERROR" + ESC + "[m] " + ESC + "[1;31mCould not find artifact a:b:jar:1"
                + ESC + "[m";
        assertEquals("[ERROR] Could not find artifact a:b:jar:1",
                MavenResolver.errorLines(List.of(line, "[ERROR] To see the full stack trace of the errors")));
    }
}
