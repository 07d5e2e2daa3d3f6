package dev.hygge.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Option bounds and bucket names, checked when they are built. */
class GcsOptionsTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void defaultsAreDocumentedValues() {
    GcsOptions defaults = GcsOptions.defaults();

    assertThat(defaults.chunkSize()).isEqualTo(16 * MIB);
    assertThat(defaults.listPageSize()).isEqualTo(1000);
    assertThat(defaults.maxAttempts()).isEqualTo(6);
    assertThat(defaults.baseDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults.maxBackoff()).isEqualTo(Duration.ofSeconds(32));
    assertThat(GcsEndpoint.retrySettings(defaults).getMaxAttempts()).isEqualTo(6);
    assertThat(GcsEndpoint.retrySettings(defaults).getTotalTimeoutDuration()).isZero();
  }

  @Test
  void chunkSizeMustBeAMultipleOf256KiB() {
    assertThat(GcsOptions.defaults().withChunkSize(256 * 1024).chunkSize()).isEqualTo(256 * 1024);
    assertThatThrownBy(() -> GcsOptions.defaults().withChunkSize(5 * MIB + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "chunkSize must be a multiple of 262144 between 262144 and 2147221504: 5242881");
    assertThatThrownBy(() -> GcsOptions.defaults().withChunkSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith(": 0");
    assertThatThrownBy(() -> GcsOptions.defaults().withChunkSize(4L * 1024 * MIB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith(": " + 4L * 1024 * MIB);
  }

  @Test
  void listPageSizeAndRetriesAreBounded() {
    assertThatThrownBy(() -> GcsOptions.defaults().withListPageSize(1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("listPageSize must be between 1 and 1000: 1001");
    assertThatThrownBy(
            () -> GcsOptions.defaults().withRetries(0, Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be at least 1: 0");
    assertThatThrownBy(
            () ->
                GcsOptions.defaults().withRetries(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need 0 <= baseDelay <= maxBackoff: PT2S, PT1S");
  }

  @Test
  void bucketNamesFollowCloudStorageRules() {
    assertThat(GcsLocation.of(Location.parse("gs://my_bucket-1/a/b.parquet")))
        .isEqualTo(new GcsLocation("my_bucket-1", "a/b.parquet"));
    assertThat(GcsLocation.of(Location.parse("gs://data.example.com/x")).bucket())
        .isEqualTo("data.example.com");
    for (String bad : new String[] {"ab", "-abc", "abc-", "a..b", "x".repeat(64)}) {
      assertThatThrownBy(() -> GcsLocation.of(Location.parse("gs://" + bad + "/k")))
          .as(bad)
          .isInstanceOf(HyggeException.class)
          .hasMessageStartingWith(
              "Malformed location 'gs://" + bad + "/k': '" + bad + "' is not a valid bucket name")
          .extracting(e -> ((HyggeException) e).kind())
          .isEqualTo(ErrorKind.CONFIG);
    }
    String dotted = "x".repeat(63) + "." + "y".repeat(63);
    assertThat(GcsLocation.of(Location.parse("gs://" + dotted + "/k")).bucket()).isEqualTo(dotted);
  }
}
