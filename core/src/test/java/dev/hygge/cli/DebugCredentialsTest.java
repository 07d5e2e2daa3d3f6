package dev.hygge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.testing.S3Emulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hygge debug --credentials} against S3 (s3proxy in this JVM): a real read-only request per
 * credential and bucket, a clear failure for a wrong secret or a missing bucket, secrets never
 * printed.
 */
class DebugCredentialsTest {
  private static final String WRONG_SECRET = "wrong-S3cret-value";
  private static S3Emulator s3;

  @TempDir Path project;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3Emulator.start();
    s3.createBucket("landing");
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  private void writeProject(String landingSecret, String lakeBucket) throws Exception {
    Files.writeString(
        project.resolve(".env"),
        "GOOD_SECRET=" + S3Emulator.SECRET_KEY + "\nLANDING_SECRET=" + landingSecret + "\n");
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        credentials:
          landing_reader:
            type: s3
            method: access_key
            access_key_id: %1$s
            secret_access_key: ${LANDING_SECRET}
          lake_writer:
            type: s3
            method: access_key
            access_key_id: %1$s
            secret_access_key: ${GOOD_SECRET}
          spare:
            type: anonymous
        flows:
          sales:
            home:
              type: parquet
              path: s3://landing/orders/*.parquet
              endpoint: %2$s
              credential: landing_reader
            store:
              type: parquet
              path: s3://%3$s/raw
              endpoint: %2$s
              credential: lake_writer
            entities: [orders, returns]
        """
            .formatted(S3Emulator.ACCESS_KEY, s3.endpoint(), lakeBucket));
  }

  private String[] run() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("debug", "--credentials", "--project", project.toString());
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void everyCredentialIsCheckedOncePerBucketWhereItIsUsed() throws Exception {
    s3.createBucket("lake-ok");
    writeProject(S3Emulator.SECRET_KEY, "lake-ok");

    String[] result = run();

    assertThat(result[0]).isEqualTo("0");
    assertThat(result[1])
        .contains("credential: landing_reader")
        .containsPattern("ok +landing_reader +s3/access_key +s3://landing/orders/")
        .contains("used by sales.orders, sales.returns")
        .containsPattern("ok +lake_writer +s3/access_key +s3://lake-ok/raw/")
        .containsPattern("ok +spare +anonymous/none +-")
        .contains("not used by any home or store")
        .contains("All checks passed.")
        .doesNotContain(S3Emulator.SECRET_KEY);
  }

  @Test
  void aWrongSecretAndAMissingBucketFailNamingWhatToCheck() throws Exception {
    writeProject(WRONG_SECRET, "no-such-lake");

    String[] result = run();

    assertThat(result[0]).isEqualTo("1");
    assertThat(result[1])
        .containsPattern("FAILED +landing_reader +s3/access_key +s3://landing/orders/")
        .contains("CREDENTIAL: Cannot read s3://landing/orders/: access denied")
        .containsPattern("FAILED +lake_writer")
        .contains("bucket 'no-such-lake' does not exist")
        .contains("Some checks failed")
        .doesNotContain(WRONG_SECRET)
        .doesNotContain(S3Emulator.SECRET_KEY);
    assertThat(result[2]).doesNotContain(WRONG_SECRET);
  }
}
