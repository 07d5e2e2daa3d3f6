package dev.hygge.storage.azure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.file.datalake.DataLakeServiceClient;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.ObjectStoreContract;
import dev.hygge.storage.OutputObject;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The object store contract on ADLS Gen2 through the Data Lake (dfs) API, plus atomic directory
 * rename and OneLake's location shape. Azurite has no dfs API and there is no OneLake emulator, so
 * this runs against {@link FakeDataLake}, a small in-process fake of the documented ADLS Gen2 REST
 * contract; it checks what hygge sends and does with the answers, not the real service.
 */
class AdlsObjectStoreTest extends ObjectStoreContract {
  private static final String FILE_SYSTEM = "hygge-test";
  private static final String WORKSPACE = "sales-workspace";
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[64]);

  private static FakeDataLake fake;

  private AdlsObjectStore store;
  private Location root;

  @BeforeAll
  static void startFake() throws IOException {
    fake = FakeDataLake.start();
    fake.createFileSystem(FILE_SYSTEM);
    fake.createFileSystem(WORKSPACE);
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @BeforeEach
  void openStore() {
    store = new AdlsObjectStore(account -> client(), AzureBlobObjectStoreTest.options());
    root =
        Location.parse(
            "abfss://"
                + FILE_SYSTEM
                + "@"
                + FakeDataLake.ACCOUNT
                + ".dfs.core.windows.net/"
                + UUID.randomUUID()
                + "/");
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
  void directoryRenamesAtomicallyWithEverythingUnderIt() {
    for (String name : List.of("staging/run-1/a.parquet", "staging/run-1/part/b.parquet")) {
      write(root.resolve(name), name.getBytes(UTF_8));
    }

    store.renameDirectory(root.resolve("staging/run-1"), root.resolve("tables/orders/"));

    assertThat(names(store.list(root)))
        .containsExactly("tables/orders/a.parquet", "tables/orders/part/b.parquet");
    assertThat(store.stat(root.resolve("tables/orders/part/b.parquet")).orElseThrow().size())
        .isEqualTo("staging/run-1/part/b.parquet".length());
  }

  @Test
  void directoryRenameRefusesAnExistingTargetAndAMissingSource() {
    write(root.resolve("staging/a.parquet"), new byte[] {1});
    write(root.resolve("tables/orders/old.parquet"), new byte[] {2});

    assertThatThrownBy(
            () -> store.renameDirectory(root.resolve("staging"), root.resolve("tables/orders")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Cannot rename "
                + root.resolve("staging")
                + " to "
                + root.resolve("tables/orders")
                + ": something already exists there")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.STORE);
    assertThatThrownBy(() -> store.renameDirectory(root.resolve("nothing"), root.resolve("x")))
        .isInstanceOf(HyggeException.class)
        .hasMessageEndingWith(": the source directory does not exist");
    assertThat(names(store.list(root)))
        .containsExactly("staging/a.parquet", "tables/orders/old.parquet");
  }

  @Test
  void directoryRenameAcrossContainersIsAConfigError() {
    Location other =
        Location.parse("abfss://other@" + FakeDataLake.ACCOUNT + ".dfs.core.windows.net/x");
    assertThatThrownBy(() -> store.renameDirectory(root.resolve("staging"), other))
        .isInstanceOf(HyggeException.class)
        .hasMessageEndingWith(
            ": a directory moves atomically only within one container of one account")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
  }

  @Test
  void uploadInProgressIsHiddenFromListingsAndReaders() {
    Location location = root.resolve("pending.bin");
    try (OutputObject out = store.create(location)) {
      out.write(new byte[AzureOptions.MIN_BLOCK_SIZE + 1]);
      assertThat(store.list(root)).isEmpty();
      assertThat(store.exists(location)).isFalse();
      ObjectInfo info = out.commit();
      assertThat(info.size()).isEqualTo(AzureOptions.MIN_BLOCK_SIZE + 1);
    }
    assertThat(names(store.list(root))).containsExactly("pending.bin");
  }

  @Test
  void oneLakeFilesRoundTripThroughTheDfsApi() {
    Location file =
        Location.parse(
            "abfss://"
                + WORKSPACE
                + "@onelake.dfs.fabric.microsoft.com/lake.Lakehouse/Files/"
                + UUID.randomUUID()
                + "/orders.csv");
    write(file, "id\n1\n".getBytes(UTF_8));

    assertThat(store.stat(file).orElseThrow().size()).isEqualTo(5);
    assertThat(store.match(Location.parse(file.toString().replace("orders.csv", "*.csv"))))
        .extracting(ObjectInfo::location)
        .containsExactly(file);
  }

  @Test
  void oneLakePathOutsideFilesAndTablesIsAConfigError() {
    Location outside =
        Location.parse("abfss://" + WORKSPACE + "@onelake.dfs.fabric.microsoft.com/lake/x.csv");
    assertThatThrownBy(() -> store.open(outside))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(
            "Malformed location '" + outside + "': OneLake paths are abfss://workspace@onelake");
  }

  @Test
  void oneLakeRefusesAccountKeys() {
    assertThatThrownBy(
            () ->
                AzureEndpoint.of(AzureLocation.ONELAKE_ACCOUNT)
                    .newDataLakeClient(
                        AzureOptions.defaults(),
                        new StorageSharedKeyCredential(AzureLocation.ONELAKE_ACCOUNT, KEY)))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("OneLake accepts Microsoft Entra tokens only")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CREDENTIAL);
  }

  @Test
  void missingFileSystemIsNamedWithTheAccount() {
    Location missing =
        Location.parse(
            "abfss://no-such-fs@" + FakeDataLake.ACCOUNT + ".dfs.core.windows.net/a.csv");
    assertThatThrownBy(() -> store.stat(missing))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(
            "Cannot read "
                + missing
                + ": container 'no-such-fs' does not exist in storage account 'fakeaccount'")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
    assertThatThrownBy(() -> store.createOrOverwrite(missing))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Cannot write " + missing + ": container 'no-such-fs'");
  }

  @Test
  void azLocationIsRefusedNamingTheScheme() {
    assertThatThrownBy(() -> store.open(Location.parse("az://sales/a.csv")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "The ADLS Gen2 object store reads abfss://container@account.dfs.core.windows.net/path"
                + " locations, not 'az://sales/a.csv'");
  }

  static DataLakeServiceClient client() {
    return AzureEndpoint.local(FakeDataLake.ACCOUNT, fake.endpoint())
        .newDataLakeClient(
            AzureBlobObjectStoreTest.options(),
            new StorageSharedKeyCredential(FakeDataLake.ACCOUNT, KEY));
  }

  private List<String> names(List<ObjectInfo> objects) {
    return objects.stream()
        .map(info -> info.location().path().substring(root.path().length()))
        .collect(Collectors.toList());
  }
}
