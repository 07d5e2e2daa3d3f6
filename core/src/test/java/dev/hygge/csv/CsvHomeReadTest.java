package dev.hygge.csv;

import static dev.hygge.csv.CsvFixture.row;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvHomeReadTest {
  @TempDir java.nio.file.Path project;
  private CsvFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CsvFixture(project);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private static List<String> names(CsvFixture.Read read) {
    return read.schema().getFields().stream().map(Field::getName).toList();
  }

  @Test
  void readsHeaderAndDeclaredTypesForEveryTypeWord() {
    fixture.write(
        "landing/all.csv",
        "s,i32,i64,f64,b,d,ts,tz,dec\n"
            + "hello,-7,9000000000,1.25,true,2024-02-29,2024-03-01T10:15:30.123456,"
            + "2024-03-01T10:15:30+02:00,-123.45\n"
            + ",,,,,,,,\n");
    CsvHome home =
        fixture.home(
            Map.of(
                "path",
                "landing/all.csv",
                "schema",
                Map.of(
                    "s",
                    "string",
                    "i32",
                    "int32",
                    "i64",
                    "int64",
                    "f64",
                    "float64",
                    "b",
                    "boolean",
                    "d",
                    "date",
                    "ts",
                    "timestamp",
                    "tz",
                    "timestamptz",
                    "dec",
                    "decimal(10,2)")));

    CsvFixture.Read read = fixture.read(home);

    assertThat(read.schema().getFields())
        .extracting(f -> f.getType())
        .containsExactly(
            ArrowType.Utf8.INSTANCE,
            new ArrowType.Int(32, true),
            new ArrowType.Int(64, true),
            new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE),
            ArrowType.Bool.INSTANCE,
            new ArrowType.Date(DateUnit.DAY),
            new ArrowType.Timestamp(TimeUnit.MICROSECOND, null),
            new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"),
            new ArrowType.Decimal(10, 2, 128));
    assertThat(read.rows())
        .containsExactly(
            row(
                "hello",
                -7,
                9_000_000_000L,
                1.25,
                true,
                LocalDate.of(2024, 2, 29),
                LocalDateTime.of(2024, 3, 1, 10, 15, 30, 123_456_000),
                Instant.parse("2024-03-01T08:15:30Z"),
                new BigDecimal("-123.45")),
            row(null, null, null, null, null, null, null, null, null));
  }

  @Test
  void declaredTypesTakeLocalTimesAsUtcWideDecimalsAndPaddedNumbers() {
    fixture.write(
        "w.csv",
        "tz,dec,n\n"
            + "2024-03-01 10:15,1234567890123456789012345678.0123456789, 42 \n"
            + "2024-03-01T10:15:00-01:00,-0.5,\"7\"\n");
    CsvHome home =
        fixture.home(
            Map.of(
                "path",
                "w.csv",
                "schema",
                Map.of("tz", "timestamptz", "dec", "decimal(38,10)", "n", "int32")));

    assertThat(fixture.read(home).rows())
        .containsExactly(
            row(
                Instant.parse("2024-03-01T10:15:00Z"),
                new BigDecimal("1234567890123456789012345678.0123456789"),
                42),
            row(Instant.parse("2024-03-01T11:15:00Z"), new BigDecimal("-0.5000000000"), 7));
  }

  @Test
  void readsWithoutHeaderNamingColumnsBySchemaThenByPosition() {
    fixture.write("a.csv", "1,x,true\n2,y,false\n");
    CsvHome home =
        fixture.home(Map.of("path", "a.csv", "header", "false", "schema", Map.of("id", "int64")));

    CsvFixture.Read read = fixture.read(home);

    assertThat(names(read)).containsExactly("id", "column_2", "column_3");
    assertThat(read.rows()).containsExactly(row(1L, "x", true), row(2L, "y", false));
  }

  @Test
  void readsWithoutHeaderOrSchemaAsNumberedColumns() {
    fixture.write("a.csv", "a,b\nc,d\n");
    CsvFixture.Read read = fixture.read(fixture.home(Map.of("path", "a.csv", "header", "false")));

    assertThat(names(read)).containsExactly("column_1", "column_2");
    assertThat(read.rows()).containsExactly(row("a", "b"), row("c", "d"));
  }

  static Stream<Arguments> delimiters() {
    return Stream.of(
        Arguments.of(",", ","),
        Arguments.of(";", ";"),
        Arguments.of("\\t", "\t"),
        Arguments.of("tab", "\t"),
        Arguments.of("\t", "\t"),
        Arguments.of("|", "|"));
  }

  @ParameterizedTest
  @MethodSource("delimiters")
  void splitsOnTheConfiguredDelimiter(String setting, String character) {
    fixture.write(
        "d.csv",
        String.join(character, "id", "name", "note")
            + "\n"
            + String.join(character, "1", "\"a" + character + "b\"", "x")
            + "\n");
    CsvFixture.Read read =
        fixture.read(fixture.home(Map.of("path", "d.csv", "delimiter", setting)));

    assertThat(names(read)).containsExactly("id", "name", "note");
    assertThat(read.rows()).containsExactly(row(1L, "a" + character + "b", "x"));
  }

  @Test
  void handlesQuotesDoubledQuotesMultiLineFieldsCrlfAndBom() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text =
        ("id,text\r\n"
                + "1,\"say \"\"hi\"\", then, go\"\r\n"
                + "2,\"line one\r\nline two\"\r\n"
                + "3,plain\r\n")
            .getBytes(UTF_8);
    byte[] content = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, content, 0, bom.length);
    System.arraycopy(text, 0, content, bom.length, text.length);
    fixture.write("q.csv", content);

    CsvFixture.Read read = fixture.read(fixture.home(Map.of("path", "q.csv")));

    assertThat(names(read)).containsExactly("id", "text");
    assertThat(read.rows())
        .containsExactly(
            row(1L, "say \"hi\", then, go"), row(2L, "line one\r\nline two"), row(3L, "plain"));
    assertThat(read.bytes()).isEqualTo(content.length);
    assertThat(read.files()).isEqualTo(1);
  }

  @Test
  void backslashEscapeAndCustomQuote() {
    fixture.write("e.csv", "id,text\n1,'it\\'s, ok'\n2,'back\\\\slash'\n");
    CsvFixture.Read read =
        fixture.read(fixture.home(Map.of("path", "e.csv", "quote", "'", "escape", "\\")));

    assertThat(read.rows()).containsExactly(row(1L, "it's, ok"), row(2L, "back\\slash"));
  }

  @Test
  void nullValuesApplyToUnquotedFieldsOnly() {
    fixture.write("n.csv", "a,b\nNA,\"NA\"\n,\"\"\nnull,x\n");
    CsvFixture.Read read =
        fixture.read(
            fixture.home(Map.of("path", "n.csv", "null_values", List.of("NA", "null", ""))));

    assertThat(read.rows()).containsExactly(row(null, "NA"), row(null, ""), row(null, "x"));
  }

  @Test
  void emptyStringIsNotNullWhenNullValuesOmitIt() {
    fixture.write("n.csv", "a,b\n,NA\n");
    CsvFixture.Read read =
        fixture.read(fixture.home(Map.of("path", "n.csv", "null_values", List.of("NA"))));

    assertThat(read.rows()).containsExactly(row("", null));
  }

  @Test
  void skipsRowsBeforeTheHeaderAndBlankLines() {
    fixture.write("s.csv", "exported by tool\nversion 2\nid,name\n\n1,a\n\r\n2,b\n");
    CsvFixture.Read read = fixture.read(fixture.home(Map.of("path", "s.csv", "skip_rows", "2")));

    assertThat(read.rows()).containsExactly(row(1L, "a"), row(2L, "b"));
  }

  @Test
  void selectsColumnsInTheRequestedOrder() {
    fixture.write("c.csv", "a,b,c\n1,x,2024-01-01\n2,y,\n");
    CsvFixture.Read read =
        fixture.read(fixture.home(Map.of("path", "c.csv")), List.of("c", "a"), 10);

    assertThat(names(read)).containsExactly("c", "a");
    assertThat(read.rows()).containsExactly(row(LocalDate.of(2024, 1, 1), 1L), row(null, 2L));
  }

  @Test
  void splitsBatchesAtTheBatchSize() {
    StringBuilder csv = new StringBuilder("id\n");
    for (int i = 0; i < 10; i++) {
      csv.append(i).append('\n');
    }
    fixture.write("b.csv", csv.toString());
    CsvFixture.Read read = fixture.read(fixture.home(Map.of("path", "b.csv")), List.of(), 4);

    assertThat(read.batchSizes()).containsExactly(4, 4, 2);
    assertThat(read.rows())
        .extracting(r -> r.get(0))
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
  }

  @Test
  void readsEveryCsvFileOfADirectoryInNameOrderSkippingHiddenOnes() {
    fixture.write("landing/orders/b.csv", "id,name\n3,c\n");
    fixture.write("landing/orders/a.csv", "id,name\n1,a\n2,b\n");
    fixture.write("landing/orders/_partial.csv", "id,name\n9,z\n");
    fixture.write("landing/orders/.hidden.csv", "id,name\n9,z\n");
    fixture.write("landing/orders/notes.txt", "not csv");

    CsvFixture.Read read = fixture.read(fixture.home(Map.of("path", "landing/orders")));

    assertThat(read.rows()).containsExactly(row(1L, "a"), row(2L, "b"), row(3L, "c"));
    assertThat(read.files()).isEqualTo(2);
    assertThat(read.bytes()).isEqualTo("id,name\n1,a\n2,b\n".length() + "id,name\n3,c\n".length());
  }

  @Test
  void readsFilesMatchingAGlobIncludingDoubleStar() {
    fixture.write("landing/2024/01/orders.csv", "id\n1\n");
    fixture.write("landing/2024/02/orders.csv", "id\n2\n");
    fixture.write("landing/2024/02/other.csv", "id\n99\n");
    fixture.write("landing/top.csv", "id\n0\n");

    assertThat(fixture.read(fixture.home(Map.of("path", "landing/**/orders.csv"))).rows())
        .containsExactly(row(1L), row(2L));
    assertThat(fixture.read(fixture.home(Map.of("path", "landing/*.csv"))).rows())
        .containsExactly(row(0L));
  }

  @Test
  void headerOnlyFileGivesZeroRowsWithStringsOrDeclaredTypes() {
    fixture.write("h.csv", "id,name\n");

    CsvFixture.Read inferred = fixture.read(fixture.home(Map.of("path", "h.csv")));
    CsvFixture.Read declared =
        fixture.read(fixture.home(Map.of("path", "h.csv", "schema", Map.of("id", "int32"))));

    assertThat(inferred.rows()).isEmpty();
    assertThat(inferred.schema().getFields())
        .extracting(Field::getType)
        .containsExactly(ArrowType.Utf8.INSTANCE, ArrowType.Utf8.INSTANCE);
    assertThat(declared.rows()).isEmpty();
    assertThat(declared.schema().getFields())
        .extracting(Field::getType)
        .containsExactly(new ArrowType.Int(32, true), ArrowType.Utf8.INSTANCE);
  }

  @Test
  void lastLineWithoutLineBreakAndTrailingEmptyField() {
    fixture.write("t.csv", "a,b\n1,\n2,x");
    CsvFixture.Read read = fixture.read(fixture.home(Map.of("path", "t.csv")));

    assertThat(read.rows()).containsExactly(row(1L, null), row(2L, "x"));
  }

  @Test
  void transcodesOtherEncodings() {
    Charset latin1 = Charset.forName("ISO-8859-1");
    fixture.write("l.csv", "name,city\nJosé,Malmö\n".getBytes(latin1));
    CsvFixture.Read read =
        fixture.read(fixture.home(Map.of("path", "l.csv", "encoding", "ISO-8859-1")));

    assertThat(read.rows()).containsExactly(row("José", "Malmö"));
  }

  @Test
  void readsUtf8MultiByteText() {
    fixture.write("u.csv", "name,note\n\"Ærø, 日本\",ok\n");
    assertThat(fixture.read(fixture.home(Map.of("path", "u.csv"))).rows())
        .containsExactly(row("Ærø, 日本", "ok"));
  }

  @Test
  void describesItselfByPath() {
    assertThat(fixture.home(Map.of("path", "landing_zone/orders")).describe())
        .isEqualTo("csv landing_zone/orders");
  }
}
