package dev.hygge.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.StorageAccess;
import dev.hygge.storage.StorageTarget;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Which objects a file home reads, decided from locations alone (the event path's selection). */
class ObjectCoverageTest {

  private static Optional<String> locate(String home, Optional<String> account, CreatedObject o) {
    StorageAccess access =
        new StorageAccess(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            account,
            StorageAccess.DEFAULT_PART_SIZE);
    return new ObjectCoverage(new StorageTarget(Location.parse(home), home, access), "parquet")
        .locate(o)
        .map(Location::toString);
  }

  private static Optional<String> locate(String home, String object) {
    return locate(home, Optional.empty(), CreatedObject.at(Location.parse(object)));
  }

  private static CreatedObject blob(String container, String key, String account) {
    return new CreatedObject(
        Location.parse("az://" + container + "/" + key),
        Optional.of(account),
        Optional.empty(),
        OptionalLong.empty(),
        Optional.empty());
  }

  @Test
  void aPrefixCoversObjectsOfItsFormatBelowItButNotHiddenOnes() {
    assertThat(locate("s3://landing/orders", "s3://landing/orders/2026/1.parquet"))
        .contains("s3://landing/orders/2026/1.parquet");
    assertThat(locate("s3://landing/orders/", "s3://landing/orders/1.csv")).isEmpty();
    assertThat(locate("s3://landing/orders", "s3://landing/orders/_staging/1.parquet")).isEmpty();
    assertThat(locate("s3://landing/orders", "s3://landing/ordersextra/1.parquet")).isEmpty();
    assertThat(locate("s3://landing/orders", "s3://other/orders/1.parquet")).isEmpty();
    assertThat(locate("s3://landing/orders", "gs://landing/orders/1.parquet")).isEmpty();
  }

  @Test
  void aNamedObjectCoversItselfWhateverItsExtension() {
    assertThat(locate("gs://landing/export.pq", "gs://landing/export.pq"))
        .contains("gs://landing/export.pq");
    assertThat(locate("gs://landing/export.pq", "gs://landing/export.pq.bak")).isEmpty();
  }

  @Test
  void aGlobCoversWhatItMatches() {
    String home = "s3://landing/orders/*/day=*.parquet";
    assertThat(locate(home, "s3://landing/orders/2026/day=01.parquet")).isPresent();
    assertThat(locate(home, "s3://landing/orders/2026/x/day=01.parquet")).isEmpty();
    assertThat(locate(home, "s3://landing/refunds/2026/day=01.parquet")).isEmpty();
    assertThat(locate("s3://landing/orders/**", "s3://landing/orders/a/b/c.parquet")).isPresent();
    assertThat(locate("s3://landing/orders/**", "s3://landing/orders/a/b/c.json")).isEmpty();
    assertThat(locate("s3://landing/orders/**", "s3://landing/orders/a/.tmp/c.parquet")).isEmpty();
  }

  @Test
  void anAzureBlobEventReachesAnAbfssHomeOfTheSameAccountAndContainer() {
    String home = "abfss://landing@acme.dfs.core.windows.net/orders";
    assertThat(locate(home, Optional.empty(), blob("landing", "orders/1.parquet", "acme")))
        .contains("abfss://landing@acme.dfs.core.windows.net/orders/1.parquet");
    assertThat(locate(home, Optional.empty(), blob("landing", "orders/1.parquet", "other")))
        .isEmpty();
    assertThat(locate(home, Optional.empty(), blob("raw", "orders/1.parquet", "acme"))).isEmpty();
  }

  @Test
  void anAzBlobHomeComparesTheAccountSetting() {
    CreatedObject event = blob("landing", "orders/1.parquet", "acme");
    assertThat(locate("az://landing/orders", Optional.of("acme"), event))
        .contains("az://landing/orders/1.parquet");
    assertThat(locate("az://landing/orders", Optional.of("ACME"), event)).isPresent();
    assertThat(locate("az://landing/orders", Optional.of("other"), event)).isEmpty();
  }

  @Test
  void localHomesCoverLocalFilesOnly() {
    assertThat(locate("/data/landing", "file:///data/landing/a/1.parquet"))
        .contains("/data/landing/a/1.parquet");
    assertThat(locate("/data/landing/*.parquet", "file:///data/landing/1.parquet")).isPresent();
    assertThat(locate("/data/landing/*.parquet", "file:///data/landing/a/1.parquet")).isEmpty();
    assertThat(locate("/data/landing", "s3://data/landing/1.parquet")).isEmpty();
    assertThat(locate("/data/landing", "file:///data/landing/.x/1.parquet")).isEmpty();
  }
}
