package dev.hygge.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.common.StorageSharedKeyCredential;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.OutputObject;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries on throttling. Azurite cannot be made to throttle, so this talks to {@link FakeDataLake},
 * the in-process fake of the ADLS Gen2 REST contract, told to answer {@code 503 ServerBusy} to the
 * next requests; Blob clients use it too, for the requests both APIs share.
 */
class AzureRetryTest {
  private static final int MAX_ATTEMPTS = 3;
  private static final String FILE_SYSTEM = "sales";
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[64]);
  private static final Location FILE =
      Location.parse(
          "abfss://sales@" + FakeDataLake.ACCOUNT + ".dfs.core.windows.net/landing/a.csv");

  private FakeDataLake fake;
  private AdlsObjectStore adls;
  private AzureBlobObjectStore blob;

  @BeforeEach
  void startFake() throws IOException {
    fake = FakeDataLake.start();
    fake.createFileSystem(FILE_SYSTEM);
    AzureOptions options =
        AzureOptions.defaults()
            .withRetries(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(20));
    AzureEndpoint endpoint = AzureEndpoint.local(FakeDataLake.ACCOUNT, fake.endpoint());
    StorageSharedKeyCredential key = new StorageSharedKeyCredential(FakeDataLake.ACCOUNT, KEY);
    adls = new AdlsObjectStore(account -> endpoint.newDataLakeClient(options, key), options);
    blob =
        new AzureBlobObjectStore(
            Optional.empty(), account -> endpoint.newBlobClient(options, key), options);
    try (OutputObject out = adls.createOrOverwrite(FILE)) {
      out.write(new byte[42]);
      out.commit();
    }
  }

  @AfterEach
  void stopFake() {
    adls.close();
    blob.close();
    fake.close();
  }

  @Test
  void throttledRequestsAreRetriedUntilTheyPass() {
    fake.throttle(MAX_ATTEMPTS - 1);
    int before = fake.requests();

    assertThat(adls.stat(FILE).orElseThrow().size()).isEqualTo(42);
    assertThat(fake.requests() - before).isEqualTo(MAX_ATTEMPTS);

    fake.throttle(MAX_ATTEMPTS - 1);
    assertThat(blob.stat(FILE).orElseThrow().size()).isEqualTo(42);
    assertThat(fake.requests() - before).isEqualTo(2 * MAX_ATTEMPTS);
  }

  @Test
  void readRetriesAreBoundedAndTheFailureSaysWhat() {
    fake.throttle(Integer.MAX_VALUE);
    int before = fake.requests();

    assertThatThrownBy(() -> adls.stat(FILE))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Cannot read "
                + FILE
                + ": the service is busy or failing (503 ServerBusy) after 3 attempts (retry"
                + " later, or raise the attempts)")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.HOME);
    assertThat(fake.requests() - before).isEqualTo(MAX_ATTEMPTS);
  }

  @Test
  void throttledWritesFailAsAStoreErrorAndLeaveNothing() {
    Location sibling =
        Location.parse(
            "abfss://sales@" + FakeDataLake.ACCOUNT + ".dfs.core.windows.net/landing/b.csv");
    try (OutputObject out = blob.createOrOverwrite(sibling)) {
      out.write(new byte[] {1, 2, 3});
      fake.throttle(Integer.MAX_VALUE);

      assertThatThrownBy(out::commit)
          .isInstanceOf(HyggeException.class)
          .hasMessage(
              "Cannot write "
                  + sibling
                  + ": the service is busy or failing (503 ServerBusy) after 3 attempts (retry"
                  + " later, or raise the attempts)")
          .extracting(e -> ((HyggeException) e).kind())
          .isEqualTo(ErrorKind.STORE);
    }
    fake.throttle(0);
    assertThat(adls.exists(sibling)).isFalse();
  }
}
