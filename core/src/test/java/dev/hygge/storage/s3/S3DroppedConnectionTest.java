package dev.hygge.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.OutputObject;
import dev.hygge.testing.ConnectionDroppingProxy;
import dev.hygge.testing.S3Emulator;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A multipart upload to S3 (s3proxy in this JVM) through a TCP proxy that cuts every connection
 * once a few MiB went through, as a network that goes away mid-upload would: the upload fails as a
 * store error after its retries and no object becomes visible. With the network gone the abort
 * cannot reach S3 either, so the error says so and names the lifecycle rule that removes the
 * invisible parts.
 */
class S3DroppedConnectionTest {
  private static final String BUCKET = "dropped";
  private static final long MIB = 1024 * 1024;
  private static S3Emulator s3;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3Emulator.start();
    s3.createBucket(BUCKET);
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void anUploadCutMidwayFailsAndLeavesNothing() {
    Location location = Location.parse("s3://" + BUCKET + "/big.bin");
    S3Options impatient =
        new S3Options(
            S3Options.MIN_PART_SIZE,
            S3Options.MAX_LIST_PAGE_SIZE,
            2,
            Duration.ofMillis(1),
            Duration.ofMillis(10));
    try (ConnectionDroppingProxy proxy = new ConnectionDroppingProxy(12 * MIB)) {
      proxy.forwardTo(s3.endpoint());
      try (S3ObjectStore store =
          new S3ObjectStore(
              () ->
                  new S3Endpoint(S3Emulator.REGION, Optional.of(proxy.endpoint()))
                      .newClient(
                          impatient,
                          StaticCredentialsProvider.create(
                              AwsBasicCredentials.create(
                                  S3Emulator.ACCESS_KEY, S3Emulator.SECRET_KEY))),
              impatient)) {
        assertThatThrownBy(
                () -> {
                  try (OutputObject out = store.createOrOverwrite(location)) {
                    byte[] part = new byte[(int) S3Options.MIN_PART_SIZE];
                    for (int i = 0; i < 6; i++) {
                      out.write(part);
                    }
                    out.commit();
                  }
                })
            .isInstanceOf(HyggeException.class)
            .hasMessageStartingWith("Cannot write " + location)
            .satisfies(
                e ->
                    assertThat(e.getSuppressed())
                        .extracting(Throwable::getMessage)
                        .anyMatch(m -> m.contains("AbortIncompleteMultipartUpload")))
            .extracting(e -> ((HyggeException) e).kind())
            .isEqualTo(ErrorKind.STORE);
        assertThat(proxy.dropped()).isTrue();
      }
    }
    try (S3Client client = s3.client(S3Options.defaults())) {
      assertThat(client.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();
    }
  }
}
