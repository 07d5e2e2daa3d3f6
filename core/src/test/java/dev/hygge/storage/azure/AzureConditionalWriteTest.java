package dev.hygge.storage.azure;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.common.StorageSharedKeyCredential;
import dev.hygge.storage.ConditionalWriteContract;
import dev.hygge.storage.Location;
import dev.hygge.storage.SupportsConditionalWrite;
import dev.hygge.testing.Azurite;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Conditional writes on Azure Blob Storage by ETag, served by Azurite. */
class AzureConditionalWriteTest extends ConditionalWriteContract {
  private static final String CONTAINER = "hygge-state";
  private static Azurite azurite;

  private AzureBlobObjectStore store;
  private Location root;

  @BeforeAll
  static void startAzurite() {
    azurite = Azurite.start();
    client().createBlobContainer(CONTAINER);
  }

  @AfterAll
  static void stopAzurite() {
    if (azurite != null) {
      azurite.close();
    }
  }

  @BeforeEach
  void openStore() {
    store =
        new AzureBlobObjectStore(
            Optional.of(Azurite.ACCOUNT), account -> client(), AzureOptions.defaults());
    root = Location.parse("az://" + CONTAINER + "/" + UUID.randomUUID() + "/");
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  protected SupportsConditionalWrite store() {
    return store;
  }

  @Override
  protected Location root() {
    return root;
  }

  private static BlobServiceClient client() {
    return AzureEndpoint.local(Azurite.ACCOUNT, azurite.blobEndpoint())
        .newBlobClient(
            AzureOptions.defaults(),
            new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.ACCOUNT_KEY));
  }
}
