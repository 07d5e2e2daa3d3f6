package dev.hygge.files;

import com.azure.storage.common.StorageSharedKeyCredential;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.azure.AzureBlobObjectStore;
import dev.hygge.storage.azure.AzureEndpoint;
import dev.hygge.storage.azure.AzureOptions;
import dev.hygge.testing.Azurite;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staged object publish on Azure Blob Storage, served by Azurite on loopback; files move by a
 * server-side Copy Blob within the account and a delete.
 */
class AzureBlobStagedObjectsTest extends StagedObjectsContract {
  private static final String CONTAINER = "staging-test";
  private static Azurite azurite;

  private AzureBlobObjectStore store;
  private Location root;

  @BeforeAll
  static void startAzurite() {
    azurite = Azurite.start();
    AzureEndpoint.local(Azurite.ACCOUNT, azurite.blobEndpoint())
        .newBlobClient(
            AzureOptions.defaults(),
            new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.ACCOUNT_KEY))
        .createBlobContainer(CONTAINER);
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
            Optional.of(Azurite.ACCOUNT),
            account ->
                AzureEndpoint.local(account, azurite.blobEndpoint())
                    .newBlobClient(
                        AzureOptions.defaults(),
                        new StorageSharedKeyCredential(account, Azurite.ACCOUNT_KEY)),
            AzureOptions.defaults());
    root = Location.parse("az://" + CONTAINER + "/" + UUID.randomUUID() + "/");
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  protected ObjectStore store() {
    return store;
  }

  @Override
  protected Location root() {
    return root;
  }

  @Test
  void movesInsideTheService() throws Exception {
    assertMovesInsideTheService(store);
  }
}
