package dev.hygge.storage.azure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.common.StorageSharedKeyCredential;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.ObjectStoreContract;
import dev.hygge.storage.OutputObject;
import dev.hygge.testing.Azurite;
import dev.hygge.testing.ConnectionDroppingProxy;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The object store contract on Azure Blob Storage, served by Azurite on random loopback ports, plus
 * the Blob-only behaviour: block uploads, a missing container, a wrong account key, malformed
 * locations.
 */
class AzureBlobObjectStoreTest extends ObjectStoreContract {
  private static final String CONTAINER = "hygge-test";

  private static Azurite azurite;

  private AzureBlobObjectStore store;
  private Location root;

  @BeforeAll
  static void startAzurite() {
    azurite = Azurite.start();
    client(Azurite.ACCOUNT_KEY).createBlobContainer(CONTAINER);
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
            Optional.of(Azurite.ACCOUNT), account -> client(Azurite.ACCOUNT_KEY), options());
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
  void objectLargerThanABlockIsCommittedFromStagedBlocks() {
    Location location = root.resolve("blocks.bin");
    int size = 2 * AzureOptions.MIN_BLOCK_SIZE + 1;
    String etag;
    try (OutputObject out = store.create(location)) {
      out.write(new byte[size]);
      ObjectInfo committed = out.commit();
      assertThat(committed.size()).isEqualTo(size);
      etag = committed.version();
    }
    var blocks =
        client(Azurite.ACCOUNT_KEY)
            .getBlobContainerClient(CONTAINER)
            .getBlobClient(location.path())
            .getBlockBlobClient()
            .listBlocks(BlockListType.ALL);
    assertThat(blocks.getCommittedBlocks())
        .extracting(block -> block.getSizeLong())
        .containsExactly(
            (long) AzureOptions.MIN_BLOCK_SIZE, (long) AzureOptions.MIN_BLOCK_SIZE, 1L);
    assertThat(blocks.getCommittedBlocks())
        .extracting(block -> new String(Base64.getDecoder().decode(block.getName()), UTF_8))
        .allSatisfy(id -> assertThat(id).hasSize(43));
    assertThat(store.stat(location).orElseThrow().version()).isEqualTo(etag);
  }

  @Test
  void blocksStagedOneAtATimeReadBackIdentical() throws IOException {
    Location location = root.resolve("sequential.bin");
    byte[] content = new byte[3 * AzureOptions.MIN_BLOCK_SIZE + 7];
    new java.util.Random(7).nextBytes(content);
    try (AzureBlobObjectStore sequential =
        new AzureBlobObjectStore(
            Optional.of(Azurite.ACCOUNT),
            account -> client(Azurite.ACCOUNT_KEY),
            options().withMaxConcurrency(1))) {
      try (OutputObject out = sequential.create(location)) {
        out.write(content);
        out.commit();
      }
      try (var in = sequential.open(location).newStream()) {
        assertThat(in.readAllBytes()).isEqualTo(content);
      }
    }
  }

  @Test
  void missingContainerIsNamedWithTheAccount() {
    Location missing = Location.parse("az://no-such-container/orders/a.parquet");
    String expected =
        "container 'no-such-container' does not exist in storage account '"
            + Azurite.ACCOUNT
            + "' (check the container name and the account";

    assertThatThrownBy(() -> store.stat(missing))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Cannot read " + missing + ": " + expected)
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
    assertThatThrownBy(() -> store.create(missing))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Cannot write " + missing + ": " + expected);
    assertThatThrownBy(() -> store.list(Location.parse("az://no-such-container/orders/")))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Cannot list az://no-such-container/orders/: " + expected)
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
  }

  @Test
  void wrongAccountKeyIsACredentialError() {
    String wrongKey = Base64.getEncoder().encodeToString(new byte[64]);
    try (AzureBlobObjectStore denied =
        new AzureBlobObjectStore(
            Optional.of(Azurite.ACCOUNT), account -> client(wrongKey), options())) {
      Location location = root.resolve("a.csv");
      assertThatThrownBy(() -> denied.stat(location))
          .isInstanceOf(HyggeException.class)
          .hasMessageStartingWith(
              "Cannot read "
                  + location
                  + ": access denied by storage account 'devstoreaccount1' (403")
          .hasMessageContaining("check the account key or SAS token")
          .extracting(e -> ((HyggeException) e).kind())
          .isEqualTo(ErrorKind.CREDENTIAL);
      assertThatThrownBy(() -> denied.list(root))
          .isInstanceOf(HyggeException.class)
          .hasMessageContaining("AuthorizationFailure")
          .extracting(e -> ((HyggeException) e).kind())
          .isEqualTo(ErrorKind.CREDENTIAL);
    }
  }

  @Test
  void connectionDroppedMidUploadLeavesNothing() throws IOException {
    Location location = root.resolve("dropped.bin");
    AzureOptions impatient = options().withRetries(2, Duration.ofMillis(1), Duration.ofMillis(10));
    try (ConnectionDroppingProxy proxy =
            ConnectionDroppingProxy.to(URI.create("http://127.0.0.1:" + azurite.blobPort()));
        AzureBlobObjectStore proxied =
            new AzureBlobObjectStore(
                Optional.of(Azurite.ACCOUNT),
                account ->
                    AzureEndpoint.local(
                            Azurite.ACCOUNT, URI.create(proxy.endpoint() + "/" + Azurite.ACCOUNT))
                        .newBlobClient(
                            impatient,
                            new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.ACCOUNT_KEY)),
                impatient)) {
      byte[] block = new byte[AzureOptions.MIN_BLOCK_SIZE];
      try (OutputObject out = proxied.createOrOverwrite(location)) {
        out.write(block);
        out.write(block);
        out.write(block);
        // Blocks may still be in flight (staged in the background): this drops them mid-way.
        proxy.cut();

        assertThatThrownBy(out::commit)
            .isInstanceOf(HyggeException.class)
            .hasMessageStartingWith("Cannot write " + location + ": ")
            .hasMessageEndingWith(
                "(gave up after 2 attempts; check the network and the endpoint of storage account"
                    + " 'devstoreaccount1')")
            .extracting(e -> ((HyggeException) e).kind())
            .isEqualTo(ErrorKind.STORE);
      }
    }
    assertThat(store.exists(location)).isFalse();
    assertThat(store.list(root)).isEmpty();
  }

  @Test
  void invalidContainerNameIsAConfigError() {
    assertThatThrownBy(() -> store.open(Location.parse("az://Bad_Container/key")))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(
            "Malformed location 'az://Bad_Container/key': 'Bad_Container' is not a valid container"
                + " name");
  }

  @Test
  void azLocationNeedsTheStoresAccount() {
    try (AzureBlobObjectStore noAccount =
        new AzureBlobObjectStore(
            Optional.empty(), account -> client(Azurite.ACCOUNT_KEY), options())) {
      assertThatThrownBy(() -> noAccount.open(Location.parse("az://sales/a.csv")))
          .isInstanceOf(HyggeException.class)
          .hasMessageStartingWith(
              "Cannot use az://sales/a.csv: az:// locations need the storage account");
    }
  }

  @Test
  void abfssLocationOnAFlatAccountIsServedByTheBlobApi() {
    Location location =
        Location.parse(
            "abfss://"
                + CONTAINER
                + "@"
                + Azurite.ACCOUNT
                + ".dfs.core.windows.net/"
                + root.path()
                + "x.txt");
    write(location, "flat".getBytes(UTF_8));
    assertThat(store.stat(root.resolve("x.txt")).orElseThrow().size()).isEqualTo(4);
    assertThat(store.list(location).get(0).location()).isEqualTo(location);
  }

  @Test
  void localLocationIsRefusedNamingTheSchemes() {
    assertThatThrownBy(() -> store.open(Location.parse("/tmp/orders.parquet")))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("The Azure object stores read az://container/path and")
        .hasMessageEndingWith("not '/tmp/orders.parquet'");
  }

  static AzureOptions options() {
    return AzureOptions.defaults()
        .withBlockSize(AzureOptions.MIN_BLOCK_SIZE)
        .withListPageSize(LIST_PAGE_SIZE);
  }

  private static BlobServiceClient client(String key) {
    return AzureEndpoint.local(Azurite.ACCOUNT, azurite.blobEndpoint())
        .newBlobClient(options(), new StorageSharedKeyCredential(Azurite.ACCOUNT, key));
  }
}
