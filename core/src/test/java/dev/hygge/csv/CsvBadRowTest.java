package dev.hygge.csv;

import static dev.hygge.csv.CsvFixture.row;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBadRowTest {
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

  private HyggeException failure(Map<String, Object> settings) {
    CsvHome home = fixture.home(settings);
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> fixture.read(home));
    assertThat(thrown).isInstanceOf(HyggeException.class);
    return (HyggeException) thrown;
  }

  @Test
  void wrongFieldCountFailsWithFileAndLine() {
    fixture.write("landing/o.csv", "id,name\n1,a\n2,b,extra\n");
    HyggeException e = failure(Map.of("path", "landing/o.csv"));

    assertThat(e.kind()).isEqualTo(ErrorKind.HOME);
    assertThat(e.getMessage())
        .isEqualTo(
            "Cannot read entity sales.orders: bad row in landing/o.csv line 3: has 3 fields but 2"
                + " are expected (id, name). Fix the file, or set on_bad_row: reject to write bad"
                + " rows to rejects/sales.orders.csv and go on");
  }

  @Test
  void badValueForAnInferredTypeNamesColumnValueTypeAndSchema() {
    StringBuilder csv = new StringBuilder("id,amount\n");
    for (int i = 1; i <= 5; i++) {
      csv.append(i).append(",").append(i * 10).append('\n');
    }
    csv.append("6,12x\n");
    fixture.write("o.csv", csv.toString());

    HyggeException e = failure(Map.of("path", "o.csv", "infer_rows", "5"));

    assertThat(e.kind()).isEqualTo(ErrorKind.HOME);
    assertThat(e.getMessage())
        .startsWith(
            "Cannot read entity sales.orders: bad row in o.csv line 7, column 'amount': value"
                + " '12x' is not a valid int64 (a whole number); the type was inferred from the"
                + " first 5 rows of o.csv, declare the column in 'schema:' (e.g. amount: string)"
                + " to set its type.");
  }

  @Test
  void badValueForADeclaredTypeSaysItWasDeclared() {
    fixture.write("o.csv", "id,price\n1,1.5\n2,1.555\n");
    HyggeException e = failure(Map.of("path", "o.csv", "schema", Map.of("price", "decimal(5,2)")));

    assertThat(e.getMessage())
        .contains(
            "bad row in o.csv line 3, column 'price': value '1.555' is not a valid decimal(5,2)"
                + " (a plain number with at most 2 digits after the point and 3 before it) as"
                + " declared in 'schema:'");
  }

  @Test
  void lineNumbersCountLineBreaksInsideQuotedFields() {
    fixture.write(
        "m.csv", "id,text\r\n1,\"first\r\nsecond\r\nthird\"\r\n2,\"a\nb\"\r\nthree,x\r\n");
    HyggeException e = failure(Map.of("path", "m.csv", "schema", Map.of("id", "int32")));

    assertThat(e.getMessage())
        .contains("bad row in m.csv line 7, column 'id': value 'three' is not a valid int32");
  }

  @Test
  void unterminatedQuoteAtEndOfFileFails() {
    fixture.write("u.csv", "id,text\n1,ok\n2,\"never closed\n3,more\n");
    HyggeException e = failure(Map.of("path", "u.csv"));

    assertThat(e.getMessage())
        .contains(
            "bad row in u.csv line 3: the quoted field opened on line 3 is never closed before"
                + " the end of the file");
  }

  @Test
  void textAfterAClosingQuoteFails() {
    fixture.write("j.csv", "id,text\n1,\"a\"b\n");
    HyggeException e = failure(Map.of("path", "j.csv"));

    assertThat(e.getMessage())
        .contains("bad row in j.csv line 2: unexpected text after the closing quote of field 2");
  }

  @Test
  void rejectModeWritesBadRowsAndKeepsGoodOnes() throws IOException {
    fixture.write(
        "landing/o.csv",
        "id,amount,note\n"
            + "1,10,ok\n"
            + "2,20,\"multi\nline\"\n"
            + "3,abc,bad value\n"
            + "4,40\n"
            + "5,50,\"say \"\"x\"\"\"\n"
            + "6,60,\"open\n");

    CsvFixture.Read read =
        fixture.read(
            fixture.home(
                Map.of(
                    "path",
                    "landing/o.csv",
                    "on_bad_row",
                    "reject",
                    "schema",
                    Map.of("amount", "int64"))),
            List.of(),
            2);

    assertThat(read.rows())
        .containsExactly(
            row(1L, 10L, "ok"), row(2L, 20L, "multi\nline"), row(5L, 50L, "say \"x\""));
    assertThat(read.rejected()).isEqualTo(3);
    Path rejects = project.resolve("rejects/sales.orders.csv");
    assertThat(Files.readString(rejects, UTF_8))
        .isEqualTo(
            "file,line,reason,raw\n"
                + "\"landing/o.csv\",5,\"column 'amount': value 'abc' is not a valid int64 (a"
                + " whole number) as declared in 'schema:'\",\"3,abc,bad value\"\n"
                + "\"landing/o.csv\",6,\"has 2 fields but 3 are expected (id, amount, note)\","
                + "\"4,40\"\n"
                + "\"landing/o.csv\",8,\"the quoted field opened on line 8 is never closed before"
                + " the end of the file\",\"6,60,\"\"open\n\"\n");
  }

  @Test
  void rejectFileIsAppendedAcrossRunsAndItsPathIsConfigurable() throws IOException {
    fixture.write("o.csv", "id\n1\nx\n");
    Map<String, Object> settings =
        Map.of(
            "path", "o.csv",
            "on_bad_row", "reject",
            "reject_path", "bad/{entity}-rows.csv",
            "schema", Map.of("id", "int64"));

    fixture.read(fixture.home(settings));
    CsvFixture.Read second = fixture.read(fixture.home(settings));

    assertThat(second.rows()).containsExactly(row(1L));
    assertThat(Files.readAllLines(project.resolve("bad/sales.orders-rows.csv")))
        .hasSize(3)
        .first()
        .isEqualTo("file,line,reason,raw");
  }

  @Test
  void noRejectFileWhenNothingIsRejected() {
    fixture.write("o.csv", "id\n1\n");
    CsvFixture.Read read =
        fixture.read(fixture.home(Map.of("path", "o.csv", "on_bad_row", "reject")));

    assertThat(read.rejected()).isZero();
    assertThat(project.resolve("rejects")).doesNotExist();
  }

  @Test
  void headerMismatchNamesBothFiles() {
    fixture.write("in/a.csv", "id,name\n1,a\n");
    fixture.write("in/b.csv", "id,title\n2,b\n");
    HyggeException e = failure(Map.of("path", "in"));

    assertThat(e.kind()).isEqualTo(ErrorKind.HOME);
    assertThat(e.getMessage())
        .isEqualTo(
            "Cannot read entity sales.orders: the header of in/b.csv (id, title) differs from the"
                + " header of in/a.csv (id, name); every file of an entity must have the same"
                + " columns in the same order");
  }

  @Test
  void noMatchingFilesNamesThePath() {
    assertThatThrownBy(() -> fixture.read(fixture.home(Map.of("path", "landing/none/*.csv"))))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(
            "Cannot read entity sales.orders: no CSV files match 'landing/none/*.csv' (resolved to")
        .extracting(t -> ((HyggeException) t).kind())
        .isEqualTo(ErrorKind.HOME);
  }

  @Test
  void unknownRequestedColumnNamesAvailableOnes() {
    fixture.write("o.csv", "id,name\n1,a\n");
    CsvHome home = fixture.home(Map.of("path", "o.csv"));

    assertThatThrownBy(() -> fixture.read(home, List.of("id", "nmae"), 10))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Cannot read entity sales.orders: column 'nmae' is not in the CSV files at 'o.csv';"
                + " available columns: id, name");
  }

  @Test
  void declaredColumnMissingFromHeaderIsAConfigError() {
    fixture.write("o.csv", "id,name\n1,a\n");
    HyggeException e = failure(Map.of("path", "o.csv", "schema", Map.of("amount", "int64")));

    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
    assertThat(e.getMessage())
        .isEqualTo(
            "Cannot read entity sales.orders: 'schema:' declares column amount but the header of"
                + " o.csv has only id, name; fix the names in 'schema:'");
  }

  @Test
  void duplicateHeaderNamesFail() {
    fixture.write("o.csv", "id,id\n1,2\n");
    assertThat(failure(Map.of("path", "o.csv")).getMessage())
        .isEqualTo(
            "Cannot read entity sales.orders: the header of o.csv names column 'id' twice; give"
                + " each column a unique name");
  }

  @Test
  void emptyFilesWithoutSchemaFail() {
    fixture.write("o.csv", "");
    assertThat(failure(Map.of("path", "o.csv")).getMessage())
        .isEqualTo(
            "Cannot read entity sales.orders: no file matching 'o.csv' has a header line, so its"
                + " columns are unknown; declare them in 'schema:'");
  }

  @Test
  void bytesInvalidInTheDeclaredEncodingFailNamingTheFile() {
    fixture.write("l.csv", new byte[] {'a', '\n', (byte) 0xE9, '\n'});
    HyggeException e = failure(Map.of("path", "l.csv", "encoding", "US-ASCII"));

    assertThat(e.kind()).isEqualTo(ErrorKind.HOME);
    assertThat(e.getMessage())
        .isEqualTo(
            "Cannot read entity sales.orders: cannot read l.csv:"
                + " java.nio.charset.MalformedInputException: Input length = 1; check the file and"
                + " its 'encoding:'");
  }

  @Test
  void withoutHeaderEveryFileIsCheckedByFieldCount() {
    fixture.write("in/a.csv", "1,x\n");
    fixture.write("in/b.csv", "2,y,z\n3,w\n");
    CsvFixture.Read read =
        fixture.read(fixture.home(Map.of("path", "in", "header", "false", "on_bad_row", "reject")));

    assertThat(read.rows()).containsExactly(row(1L, "x"), row(3L, "w"));
    assertThat(read.rejected()).isEqualTo(1);
    assertThat(read.files()).isEqualTo(2);
  }

  @Test
  void unwritableRejectFileFailsNamingIt() throws IOException {
    fixture.write("o.csv", "id\n1\nx\n");
    Files.createDirectories(project.resolve("rejects/sales.orders.csv"));
    HyggeException e =
        failure(Map.of("path", "o.csv", "on_bad_row", "reject", "schema", Map.of("id", "int64")));

    assertThat(e.kind()).isEqualTo(ErrorKind.HOME);
    assertThat(e.getMessage())
        .startsWith(
            "Cannot read entity sales.orders: cannot write the bad row at o.csv line 3, column"
                + " 'id' to the reject file rejects/sales.orders.csv: ")
        .endsWith("; check 'reject_path:'");
  }

  @Test
  void malformedHeaderFails() {
    fixture.write("o.csv", "id,\"name\n1,a\n");
    assertThat(failure(Map.of("path", "o.csv")).getMessage())
        .isEqualTo(
            "Cannot read entity sales.orders: the header of o.csv (line 1) is malformed: the quoted"
                + " field opened on line 1 is never closed before the end of the file");
  }

  @Test
  void aRowLongerThanMaxRecordSizeFailsNamingItsLine() {
    fixture.write("o.csv", "id,text\n1,ok\n2,\"opened" + "x".repeat(200) + "\n3,more\n");
    HyggeException e =
        failure(Map.of("path", "o.csv", "read_buffer", "16", "max_record_size", "64"));

    assertThat(e.kind()).isEqualTo(ErrorKind.HOME);
    assertThat(e.getMessage())
        .isEqualTo(
            "Cannot read entity sales.orders: in o.csv, the row starting on line 3 is longer than"
                + " max_record_size (64 bytes); a quote that is never closed is the usual cause,"
                + " else raise max_record_size");
  }
}
