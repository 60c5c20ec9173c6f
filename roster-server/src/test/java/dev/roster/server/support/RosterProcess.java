package dev.roster.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server, {@code target/roster.jar}, run as an operator runs it: {@code java -jar} with environment
 * variables, on a port of its own, its output in a log file. For tests that kill it as a crash would.
 */
public final class RosterProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final int LOG_TAIL_LINES = 60;

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private RosterProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the jar named by the {@code roster.jar} system property (set by Failsafe) with the same JDK as this
     * test, {@code environment} added to this JVM's, and returns once it reports ready.
     */
    public static RosterProcess start(String name, Map<String, String> environment, Path logDirectory) {
        String jar = System.getProperty("roster.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no packaged server at roster.jar=" + jar
                    + "; run this test with Failsafe in mvn verify, which sets it after package built the jar");
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        int port = freePort();
        Path log = logDirectory.resolve(name + "-" + port + ".log");
        // C1 only and a small heap: the server starts in seconds on a busy two-core machine
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx384m",
                "-jar", jar))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            RosterProcess started = new RosterProcess(name, builder.start(), port, log);
            started.awaitReady();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Kills the process with SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the server logged, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return name + " log " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return name + " log " + log + " unreadable: " + e;
        }
    }

    private void awaitReady() {
        JsonClient client = new JsonClient(baseUrl(), null, "application/json");
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + logTail());
            }
            try {
                if (client.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // polled again below
            }
            pause(Duration.ofMillis(200));
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + STARTUP + "\n" + logTail());
    }

    /** Stops the process as an operator does (SIGTERM: graceful shutdown), or kills it if it does not stop. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
