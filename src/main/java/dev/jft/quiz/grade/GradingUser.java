package dev.jft.quiz.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The unprivileged account submissions run as ({@code --user NAME}, e.g. {@code nobody}). The grader,
 * running as root, starts each submission's runner and kernel as this user through {@code setpriv},
 * and hands the user that submission's work folder and nothing else: learner code cannot write the
 * course, the grader's output or another submission's folder. What the kernel must read is staged
 * where the user can read it ({@link GradingRuntime}).
 *
 * <pre>{@code
 * GradingUser nobody = GradingUser.lookup("nobody");
 * nobody.wrap(List.of("/usr/bin/python3", "grade_notebook.py", ...)); // setpriv --reuid=65534 ... -- python3 ...
 * }</pre>
 */
public record GradingUser(String name, long uid, long gid) {

    private static final String SETPRIV = "/usr/bin/setpriv";

    /** The account {@code name}; fails saying what to do when the grader is not root or the account is missing. */
    public static GradingUser lookup(String name) {
        if (!name.matches("[a-z_][a-z0-9_-]*\\$?")) {
            throw new IllegalArgumentException("--user " + name + " is not a user name (e.g. nobody)");
        }
        if (!java.nio.file.Files.isExecutable(Path.of(SETPRIV))) {
            throw new IllegalArgumentException("--user needs " + SETPRIV + " (Debian package util-linux)");
        }
        if (!run("id", "-u").output().equals("0")) {
            throw new IllegalArgumentException("--user " + name + " needs the grader to run as root, which can start"
                    + " each kernel as another user; run without --user, or as root (e.g. sudo ./course grade ...)");
        }
        Result uid = run("id", "-u", name);
        Result gid = run("id", "-g", name);
        if (uid.exit() != 0 || gid.exit() != 0) {
            throw new IllegalArgumentException("--user " + name + ": no such user on this machine; give an existing"
                    + " unprivileged account (nobody, or one made with: useradd --system --no-create-home grader)");
        }
        if (uid.output().equals("0")) {
            throw new IllegalArgumentException("--user " + name + " is root, which would protect nothing; give an"
                    + " unprivileged account such as nobody");
        }
        return new GradingUser(name, Long.parseLong(uid.output()), Long.parseLong(gid.output()));
    }

    /** {@code command} as this user, with no supplementary groups and the environment kept. */
    public List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of(SETPRIV, "--reuid=" + uid, "--regid=" + gid, "--clear-groups",
                "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Makes {@code path} (and all under it) this user's, so the submission's run can write there. */
    public void own(Path path) {
        Result chown = run("chown", "-R", uid + ":" + gid, path.toString());
        if (chown.exit() != 0) {
            throw new IllegalStateException("could not give " + path + " to user " + name + ": " + chown.output());
        }
    }

    /** The paths of {@code paths} that this user cannot read (directories: cannot list and enter). */
    public List<String> unreadable(List<String> paths) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-c",
                "import os, sys\nfor p in sys.argv[1:]:\n"
                        + "    ok = os.access(p, os.R_OK | (os.X_OK if os.path.isdir(p) else 0))\n"
                        + "    print('' if ok else p)"));
        command.addAll(paths);
        Result checked = run(wrap(command));
        if (checked.exit() != 0) {
            throw new IllegalStateException("could not check what user " + name + " can read: " + checked.output());
        }
        List<String> unreadable = new ArrayList<>();
        for (String line : checked.output().split("\n", -1)) {
            if (!line.isEmpty()) {
                unreadable.add(line);
            }
        }
        return unreadable;
    }

    /** How a command ended: its exit status and what it printed (stdout and stderr, trimmed). */
    private record Result(int exit, String output) {}

    private static Result run(String... command) {
        return run(List.of(command));
    }

    private static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
