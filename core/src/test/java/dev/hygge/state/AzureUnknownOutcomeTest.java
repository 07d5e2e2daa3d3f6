package dev.hygge.state;

import com.azure.storage.common.StorageSharedKeyCredential;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.azure.AzureBlobObjectStore;
import dev.hygge.storage.azure.AzureEndpoint;
import dev.hygge.storage.azure.AzureOptions;
import dev.hygge.testing.Azurite;
import dev.hygge.testing.ReplyLosingProxy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Unknown outcomes of state writes on Azure Blob Storage, served by Azurite: a state write is a Put
 * Blob with {@code If-Match} or {@code If-None-Match: *}, which the client retries.
 */
class AzureUnknownOutcomeTest extends UnknownOutcomeContract {
  private static final String CONTAINER = "hygge-state";
  private static final AzureOptions OPTIONS =
      AzureOptions.defaults()
          .withRetries(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(20));
  private static Azurite azurite;

  @BeforeAll
  static void startAzurite() {
    azurite = Azurite.start();
    endpoint(azurite.blobEndpoint()).newBlobClient(OPTIONS, key()).createBlobContainer(CONTAINER);
  }

  @AfterAll
  static void stopAzurite() {
    if (azurite != null) {
      azurite.close();
    }
  }

  private static AzureEndpoint endpoint(URI blob) {
    return AzureEndpoint.local(Azurite.ACCOUNT, blob);
  }

  private static StorageSharedKeyCredential key() {
    return new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.ACCOUNT_KEY);
  }

  @Override
  protected URI target() {
    return azurite.blobEndpoint();
  }

  @Override
  protected ObjectStore newObjectStore(URI endpoint) {
    URI blob = endpoint.resolve("/" + Azurite.ACCOUNT);
    return new AzureBlobObjectStore(
        Optional.of(Azurite.ACCOUNT),
        account -> endpoint(blob).newBlobClient(OPTIONS, key()),
        OPTIONS);
  }

  @Override
  protected String bucket() {
    return "az://" + CONTAINER;
  }

  @Override
  protected Predicate<ReplyLosingProxy.Request> conditionalWrite() {
    return request ->
        request.method().equals("PUT") && (request.has("If-Match") || request.has("If-None-Match"));
  }
}
