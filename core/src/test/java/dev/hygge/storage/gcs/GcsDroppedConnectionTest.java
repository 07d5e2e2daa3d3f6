package dev.hygge.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.NoCredentials;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.OutputObject;
import dev.hygge.testing.ConnectionDroppingProxy;
import dev.hygge.testing.FakeGcsServer;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A network that goes away mid-upload: the store writes to fake-gcs-server through {@link
 * ConnectionDroppingProxy}, which cuts every connection once a few MiB went through
 * (fake-gcs-server hands out the proxy's address for the upload session). The upload fails as a
 * STORE error after its retries, and nothing becomes visible.
 */
class GcsDroppedConnectionTest {
  private static final int MIB = 1024 * 1024;
  private static final String BUCKET = "hygge-drop";
  private static final int MAX_ATTEMPTS = 3;
  private static final GcsOptions OPTIONS =
      GcsOptions.defaults()
          .withChunkSize(MIB)
          .withRetries(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(20));

  @Test
  void connectionDroppedMidUploadFailsAndLeavesNothing() {
    Location root = Location.parse("gs://" + BUCKET + "/dropped/");
    Location location = root.resolve("big.bin");
    try (ConnectionDroppingProxy proxy = new ConnectionDroppingProxy(3L * MIB);
        FakeGcsServer server = FakeGcsServer.startBehind(proxy.endpoint());
        GcsObjectStore viaProxy = store(proxy.endpoint());
        GcsObjectStore direct = store(server.endpoint())) {
      proxy.forwardTo(server.endpoint());
      server.createBucket(BUCKET);

      assertThatThrownBy(
              () -> {
                try (OutputObject out = viaProxy.createOrOverwrite(location)) {
                  for (int i = 0; i < 8; i++) {
                    out.write(new byte[MIB]);
                  }
                  out.commit();
                }
              })
          .isInstanceOf(HyggeException.class)
          .hasMessage(
              "Cannot write "
                  + location
                  + ": the connection to Cloud Storage failed (Unexpected end of file from server)"
                  + " on all 3 attempts; try again later, or allow more attempts (maxAttempts)")
          .extracting(e -> ((HyggeException) e).kind())
          .isEqualTo(ErrorKind.STORE);

      assertThat(proxy.dropped()).isTrue();
      assertThat(direct.exists(location)).isFalse();
      assertThat(direct.list(root)).isEmpty();
    }
  }

  private static GcsObjectStore store(URI host) {
    return new GcsObjectStore(
        () ->
            new GcsEndpoint(Optional.of(FakeGcsServer.PROJECT), Optional.of(host))
                .newClient(OPTIONS, NoCredentials.getInstance()),
        OPTIONS);
  }
}
