package dev.hygge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real {@code hygge go} process with SIGKILL while it is writing, then shows that the
 * lake's final directory is exactly as before and that the next run cleans up and succeeds.
 */
class CrashRecoveryTest {
  private static final long ORDERS = 1_500_000;
  private static final long KILL_DEADLINE_SECONDS = 120;

  @TempDir Path project;

  @Test
  void killDashNineMidWriteLeavesTheLakeUnchangedAndTheNextRunClean() throws Exception {
    new SampleLandingZone(project.resolve("landing_zone"), ORDERS).write();
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: crash
        flows:
          shop:
            home:
              type: parquet
              path: landing_zone
            store:
              type: parquet
              path: lake
              compression: zstd        # re-encode (no row group copy), so the write takes a while
              target_file_size: 1MB
            entities: [orders]
        """);
    assertThat(Main.run("go", "--project", project.toString())).isZero();
    Path lake = project.resolve("lake").resolve("orders");
    Map<String, String> before = digests(lake);
    assertThat(before).isNotEmpty();

    Process hygge =
        HyggeProcess.start(
            Map.of(), project.resolve("hygge.log"), "go", "--project", project.toString());
    Path staging = project.resolve("lake").resolve(".hygge-staging").resolve("orders");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(KILL_DEADLINE_SECONDS);
    while (stagedFiles(staging) < 2) {
      assertThat(hygge.isAlive())
          .as("hygge finished before it could be killed mid-write; raise ORDERS")
          .isTrue();
      assertThat(System.nanoTime()).as("staging never filled").isLessThan(deadline);
      Thread.sleep(5);
    }
    hygge.destroyForcibly(); // SIGKILL
    assertThat(hygge.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(hygge.exitValue()).isEqualTo(137);

    assertThat(digests(lake)).isEqualTo(before);
    assertThat(stagedFiles(staging)).isPositive();

    assertThat(Main.run("go", "--project", project.toString())).isZero();
    assertThat(project.resolve("lake").resolve(".hygge-staging").resolve("orders")).doesNotExist();
    Map<String, String> after = digests(lake);
    assertThat(after.keySet()).doesNotContainAnyElementsOf(before.keySet());
    assertThat(after).hasSameSizeAs(before);
  }

  private static long stagedFiles(Path staging) throws IOException {
    if (!Files.isDirectory(staging)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(staging)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private static Map<String, String> digests(Path dir) throws Exception {
    Map<String, String> result = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        result.put(
            file.getFileName().toString(),
            HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
      }
    }
    return result;
  }
}
