package dev.hygge.csv;

import static dev.hygge.csv.CsvFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTypeInferenceTest {
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

  private static List<String> typeWords(CsvFixture.Read read) {
    return read.schema().getFields().stream().map(Field::getType).map(Object::toString).toList();
  }

  @Test
  void infersTheNarrowestTypeOfEveryColumnIgnoringNulls() {
    fixture.write(
        "i.csv",
        "flag,count,ratio,day,at,at_utc,text,empty\n"
            + "TRUE,1,1,2024-01-31,2024-01-31 23:59:59,2024-01-31T23:59:59Z,a,\n"
            + ",,,,,,,\n"
            + "false,-20,2.5,2024-02-01,2024-02-01T00:00:00.5,2024-02-01T01:00:00+01:00,b,\n");

    CsvFixture.Read read = fixture.read(fixture.home(Map.of("path", "i.csv")));

    assertThat(typeWords(read))
        .containsExactly(
            "Bool",
            "Int(64, true)",
            "FloatingPoint(DOUBLE)",
            "Date(DAY)",
            "Timestamp(MICROSECOND, null)",
            "Timestamp(MICROSECOND, UTC)",
            "Utf8",
            "Utf8");
    assertThat(read.rows())
        .containsExactly(
            row(
                true,
                1L,
                1.0,
                LocalDate.of(2024, 1, 31),
                LocalDateTime.of(2024, 1, 31, 23, 59, 59),
                Instant.parse("2024-01-31T23:59:59Z"),
                "a",
                null),
            row(null, null, null, null, null, null, null, null),
            row(
                false,
                -20L,
                2.5,
                LocalDate.of(2024, 2, 1),
                LocalDateTime.of(2024, 2, 1, 0, 0, 0, 500_000_000),
                Instant.parse("2024-02-01T00:00:00Z"),
                "b",
                null));
  }

  @Test
  void mixedColumnsWidenToTheFirstTypeEveryValueFits() {
    fixture.write(
        "m.csv",
        "int_float,date_ts,bool_int,date_text,local_offset,big\n"
            + "1,2024-01-01,true,2024-01-01,2024-01-01T10:00:00,1\n"
            + "1.5,2024-01-01T10:00:00,1,soon,2024-01-01T10:00:00Z,99999999999999999999\n");

    CsvFixture.Read read = fixture.read(fixture.home(Map.of("path", "m.csv")));

    assertThat(typeWords(read))
        .containsExactly(
            "FloatingPoint(DOUBLE)",
            "Timestamp(MICROSECOND, null)",
            "Utf8",
            "Utf8",
            "Timestamp(MICROSECOND, UTC)",
            "FloatingPoint(DOUBLE)");
    assertThat(read.rows().get(1))
        .containsExactly(
            1.5,
            LocalDateTime.of(2024, 1, 1, 10, 0),
            "1",
            "soon",
            Instant.parse("2024-01-01T10:00:00Z"),
            1e20);
  }

  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void zeroInferRowsReadsUndeclaredColumnsAsStrings() {
    fixture.write("z.csv", "v\n1\n");
    CsvFixture.Read read = fixture.read(fixture.home(Map.of("path", "z.csv", "infer_rows", "0")));

    assertThat(typeWords(read)).containsExactly("Utf8");
    assertThat(read.rows()).containsExactly(row("1"));
  }

  @Test
  void aLaterValueInTheSampleWidensTheType() {
    fixture.write("s.csv", "v\n1\n2\nthree\n");

    CsvFixture.Read all = fixture.read(fixture.home(Map.of("path", "s.csv")));

    assertThat(typeWords(all)).containsExactly("Utf8");
    assertThat(all.rows()).containsExactly(row("1"), row("2"), row("three"));
  }

  @Test
  void declaredColumnsAreNotInferredAndOthersAre() {
    fixture.write("d.csv", "id,code\n1,007\n");
    CsvFixture.Read read =
        fixture.read(fixture.home(Map.of("path", "d.csv", "schema", Map.of("code", "string"))));

    assertThat(typeWords(read)).containsExactly("Int(64, true)", "Utf8");
    assertThat(read.rows()).containsExactly(row(1L, "007"));
  }

  @Test
  void quotedValuesAreInferredLikeUnquotedOnes() {
    fixture.write("q.csv", "n,t\n\"42\",\"2024-05-06\"\n");
    CsvFixture.Read read = fixture.read(fixture.home(Map.of("path", "q.csv")));

    assertThat(read.rows()).containsExactly(row(42L, LocalDate.of(2024, 5, 6)));
  }

  @Test
  void emptyFileUsesTheDeclaredSchema() {
    fixture.write("e.csv", "");
    CsvFixture.Read read =
        fixture.read(
            fixture.home(
                Map.of("path", "e.csv", "schema", ordered("id", "int64", "at", "timestamptz"))));

    assertThat(typeWords(read)).containsExactly("Int(64, true)", "Timestamp(MICROSECOND, UTC)");
    assertThat(read.rows()).isEmpty();
  }
}
