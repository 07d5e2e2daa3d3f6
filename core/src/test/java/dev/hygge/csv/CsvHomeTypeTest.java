package dev.hygge.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvHomeTypeTest {
  @TempDir Path project;
  private CsvFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CsvFixture(project);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void declaresEverySettingWithDefaults() {
    CsvHomeType type = new CsvHomeType();

    assertThat(type.name()).isEqualTo("csv");
    assertThat(type.settings())
        .extracting(Setting::name)
        .containsExactly(
            "path",
            "provider",
            "bucket",
            "container",
            "account",
            "workspace",
            "credential",
            "region",
            "endpoint",
            "part_size",
            "header",
            "delimiter",
            "quote",
            "escape",
            "encoding",
            "null_values",
            "skip_rows",
            "schema",
            "infer_rows",
            "on_bad_row",
            "reject_path",
            "read_buffer",
            "max_record_size");
    assertThat(type.settings()).allSatisfy(s -> assertThat(s.description()).isNotBlank());
  }

  @Test
  void defaultsBindToRfc4180Utf8AndFailOnBadRows() {
    CsvOptions options = fixture.home(Map.of("path", "in")).options();

    assertThat(options.header()).isTrue();
    assertThat(options.format()).isEqualTo(new CsvFormat((byte) ',', (byte) '"', (byte) '"'));
    assertThat(options.encoding().name()).isEqualTo("UTF-8");
    assertThat(options.nullValues()).containsExactly("");
    assertThat(options.skipRows()).isZero();
    assertThat(options.inferRows()).isEqualTo(10_000);
    assertThat(options.onBadRow()).isEqualTo(BadRowPolicy.FAIL);
    assertThat(options.rejectFile("sales.orders"))
        .isEqualTo(project.resolve("rejects/sales.orders.csv"));
    assertThat(options.readBufferBytes()).isEqualTo(1 << 20);
    assertThat(options.maxRecordBytes()).isEqualTo(64 << 20);
  }

  @Test
  void multiCharacterDelimiterIsAConfigError() {
    assertThatThrownBy(() -> fixture.home(Map.of("path", "in", "delimiter", "::")))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(
            "Invalid value for 'delimiter' in home of entity sales.orders at flows/sales/flow.yml:")
        .hasMessageEndingWith(
            ": '::' must be a single ASCII character (write \\t or tab for a tab)");
  }

  @Test
  void unknownTypeWordIsAConfigErrorListingTheWords() {
    assertThatThrownBy(
            () -> fixture.home(Map.of("path", "in", "schema", Map.of("amount", "money"))))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessageEndingWith(
            "column 'amount': 'money' is not a CSV column type; use one of string, int32, int64,"
                + " float64, boolean, date, timestamp, timestamptz, decimal(p,s)");
  }

  @Test
  void decimalBeyondArrowPrecisionIsAConfigError() {
    assertThatThrownBy(
            () -> fixture.home(Map.of("path", "in", "schema", Map.of("x", "decimal(40,2)"))))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("column 'x': decimal precision must be between 1 and 38: 40");
  }

  @Test
  void unknownEncodingIsAConfigError() {
    assertThatThrownBy(() -> fixture.home(Map.of("path", "in", "encoding", "klingon")))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("'klingon' is not a character set this JVM knows");
  }

  @Test
  void badRowChoiceIsValidated() {
    assertThatThrownBy(() -> fixture.home(Map.of("path", "in", "on_bad_row", "skip")))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("'skip' is not one of fail, reject");
  }

  @Test
  void typeWordsRoundTrip() {
    for (String word :
        List.of(
            "string",
            "int32",
            "int64",
            "float64",
            "boolean",
            "date",
            "timestamp",
            "timestamptz",
            "decimal(18,4)")) {
      assertThat(CsvColumnType.parse(word).word()).isEqualTo(word);
    }
    assertThat(CsvColumnType.parse(" Decimal( 10 , 2 ) ")).isEqualTo(CsvColumnType.decimal(10, 2));
  }
}
