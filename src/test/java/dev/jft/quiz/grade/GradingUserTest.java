package dev.jft.quiz.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What --user accepts, and what it says about the rest (GradeSubmissionsEndToEndTest grades as nobody). */
class GradingUserTest {

    private static boolean root() throws IOException {
        return "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip());
    }

    @Test
    void badNamesMissingUsersAndRootAreRefusedWithWhatToDo() throws IOException {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradingUser.lookup("no body; rm"))
                .getMessage().contains("is not a user name"));
        String missing = assertThrows(IllegalArgumentException.class, () -> GradingUser.lookup("jft-no-such-user"))
                .getMessage();
        assertTrue(missing.contains(root() ? "no such user on this machine" : "needs the grader to run as root"), missing);
        if (root()) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> GradingUser.lookup("root")).getMessage()
                    .contains("is root, which would protect nothing"));
        }
    }

    @Test
    void commandsRunAsTheUserWithNoGroups() throws Exception {
        assumeTrue(root(), "starting a command as another user needs root");
        GradingUser nobody = GradingUser.lookup("nobody");
        Process process = new ProcessBuilder(nobody.wrap(List.of("id", "-u"))).start();
        assertEquals(String.valueOf(nobody.uid()), new String(process.getInputStream().readAllBytes()).strip());
        assertEquals(List.of("/root"), nobody.unreadable(List.of("/usr/bin", "/root")));
    }
}
