package dev.hygge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocationTest {
  @Test
  void parsesS3Urls() {
    assertThat(Location.parse("s3://sales/landing/orders/a.parquet"))
        .isEqualTo(new Location("s3", "sales", "landing/orders/a.parquet"));
    assertThat(Location.parse("S3://sales")).isEqualTo(new Location("s3", "sales", ""));
    assertThat(Location.parse("s3://sales/landing/").resolve("b.csv").toString())
        .isEqualTo("s3://sales/landing/b.csv");
  }

  @Test
  void parsesGcsAndAzureUrls() {
    assertThat(Location.parse("gs://sales/landing/a.csv"))
        .isEqualTo(new Location("gs", "sales", "landing/a.csv"));
    assertThat(Location.parse("abfss://raw@acme.dfs.core.windows.net/landing/a.csv"))
        .isEqualTo(new Location("abfss", "raw@acme.dfs.core.windows.net", "landing/a.csv"));
    assertThat(Location.parse("az://raw/landing/a.csv"))
        .isEqualTo(new Location("az", "raw", "landing/a.csv"));
    assertThat(Location.parse("gs://sales/landing/a.csv").isLocal()).isFalse();
    assertThat(Location.parse("landing/a.csv").isLocal()).isTrue();
  }

  @Test
  void parsesFileUrlsAndLocalPaths() {
    assertThat(Location.parse("file:///data/orders.parquet"))
        .isEqualTo(new Location("file", "", "/data/orders.parquet"));
    assertThat(Location.parse("landing/orders.csv"))
        .isEqualTo(
            new Location("file", "", Path.of("landing/orders.csv").toAbsolutePath().toString()));
    assertThat(Location.parse("/data/x/../orders.csv").toString()).isEqualTo("/data/orders.csv");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "s3:/sales/orders.csv|'s3:' must be followed by '//'",
        "s3:///orders.csv|the bucket is missing",
        "s3://|the bucket is missing",
        "file://host/data.csv|a file URL has no host, write file:///host/data.csv",
        "gs://|the bucket is missing",
        "az:///orders.csv|the container is missing",
        "abfss://acme.dfs.core.windows.net/orders.csv|write the container and the host as"
            + " container@account.dfs.core.windows.net",
        "ftp://sales/orders.csv|scheme 'ftp' is not supported",
      })
  void malformedUrlsNameTheTextAndWhatIsExpected(String text, String reason) {
    assertThatThrownBy(() -> Location.parse(text))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Malformed location '"
                + text
                + "': "
                + reason
                + " (expected s3://bucket/key, gs://bucket/key,"
                + " abfss://container@account.dfs.core.windows.net/key, az://container/key,"
                + " file:///absolute/path or a local path)")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
  }

  @Test
  void blankTextIsMalformed() {
    assertThatThrownBy(() -> Location.parse(" "))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Malformed location ' ': it is empty");
  }
}
