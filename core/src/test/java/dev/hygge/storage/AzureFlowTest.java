package dev.hygge.storage;

import com.azure.storage.common.StorageSharedKeyCredential;
import dev.hygge.storage.azure.AzureBlobObjectStore;
import dev.hygge.storage.azure.AzureEndpoint;
import dev.hygge.storage.azure.AzureOptions;
import dev.hygge.testing.Azurite;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The object-storage flows on Azure Blob Storage ({@code az://} with {@code account:}), served by
 * Azurite on loopback, signed with an {@code azure_storage} account-key credential.
 */
class AzureFlowTest extends ObjectStorageFlowContract {
  private static Azurite azurite;

  @BeforeAll
  static void startAzurite() {
    azurite = Azurite.start();
    AzureOptions options = AzureOptions.defaults();
    AzureEndpoint.local(Azurite.ACCOUNT, azurite.blobEndpoint())
        .newBlobClient(
            options, new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.ACCOUNT_KEY))
        .createBlobContainer(BUCKET);
  }

  @AfterAll
  static void stopAzurite() {
    if (azurite != null) {
      azurite.close();
    }
  }

  @Override
  protected String credential() {
    return """
        type: azure_storage
        method: account_key
        account_key: ${LAKE_KEY}
        """;
  }

  @Override
  protected String bucketUrl() {
    return "az://" + BUCKET;
  }

  @Override
  protected String serviceSettings() {
    return "endpoint: " + azurite.blobEndpoint() + "\naccount: " + Azurite.ACCOUNT;
  }

  /** Event Grid names the account in the blob's URL; the event parser keeps it beside az://. */
  @Override
  protected CreatedObject created(String key) {
    return new CreatedObject(
        Location.parse(bucketUrl() + "/" + key),
        Optional.of(Azurite.ACCOUNT),
        Optional.empty(),
        OptionalLong.empty(),
        Optional.empty());
  }

  @Override
  protected String envFile() {
    return "LAKE_KEY=" + Azurite.ACCOUNT_KEY + "\n";
  }

  @Override
  protected ObjectStore openStore() {
    AzureOptions options = AzureOptions.defaults();
    AzureEndpoint endpoint = AzureEndpoint.local(Azurite.ACCOUNT, azurite.blobEndpoint());
    return new AzureBlobObjectStore(
        Optional.of(Azurite.ACCOUNT),
        account ->
            endpoint.newBlobClient(
                options, new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.ACCOUNT_KEY)),
        options);
  }
}
