package dev.hygge.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs each case with buffers from one byte up, so records cross every refill boundary. */
class CsvRecordParserTest {
  private static final CsvFormat RFC = new CsvFormat((byte) ',', (byte) '"', (byte) '"');
  private static final CsvFormat BACKSLASH = new CsvFormat((byte) ',', (byte) '"', (byte) '\\');

  /** One parsed record: its line, fields (unescaped, quoted ones marked with q:), raw, problem. */
  private record Parsed(long line, List<String> fields, String raw, String problem) {}

  private static List<Parsed> parse(String text, CsvFormat format, int buffer) throws IOException {
    return parse(text.getBytes(UTF_8), format, buffer);
  }

  private static List<Parsed> parse(byte[] bytes, CsvFormat format, int buffer) throws IOException {
    List<Parsed> records = new ArrayList<>();
    try (CsvRecordParser parser =
        new CsvRecordParser(new ByteArrayInputStream(bytes), format, buffer, Integer.MAX_VALUE)) {
      CsvRecord record = parser.record();
      while (parser.next()) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < record.fieldCount(); i++) {
          fields.add((record.quoted(i) ? "q:" : "") + record.text(i));
        }
        records.add(new Parsed(record.line(), fields, record.rawText(), record.problem()));
      }
    }
    return records;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 8, 64, 1 << 20})
  void splitsQuotedAndPlainFieldsWithLineNumbers(int buffer) throws IOException {
    String text = "a,\"b,c\",\"d\"\"e\"\r\n\"x\ny\",,z\n\n1,2,\"\"\r\n";
    assertThat(parse(text, RFC, buffer))
        .containsExactly(
            new Parsed(1, List.of("a", "q:b,c", "q:d\"e"), "a,\"b,c\",\"d\"\"e\"", null),
            new Parsed(2, List.of("q:x\ny", "", "z"), "\"x\ny\",,z", null),
            new Parsed(5, List.of("1", "2", "q:"), "1,2,\"\"", null));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 1 << 20})
  void skipsTheByteOrderMarkAndReadsALastLineWithoutBreak(int buffer) throws IOException {
    byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', 'b', '\r'};
    assertThat(parse(bytes, RFC, buffer))
        .containsExactly(new Parsed(1, List.of("a", "b"), "a,b", null));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 1 << 20})
  void backslashEscapesTheNextCharacterInsideQuotes(int buffer) throws IOException {
    String text = "\"a\\\"b\",\"c\\\\\",\"d\\\ne\"\nnext,x\n";
    assertThat(parse(text, BACKSLASH, buffer))
        .containsExactly(
            new Parsed(
                1, List.of("q:a\"b", "q:c\\", "q:d\ne"), "\"a\\\"b\",\"c\\\\\",\"d\\\ne\"", null),
            new Parsed(3, List.of("next", "x"), "next,x", null));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 1 << 20})
  void reportsAnUnterminatedQuoteWithTheLineItOpened(int buffer) throws IOException {
    List<Parsed> records = parse("ok\nv,\"x\n\ny\n", RFC, buffer);

    assertThat(records).hasSize(2);
    assertThat(records.get(1).line()).isEqualTo(2);
    assertThat(records.get(1).raw()).isEqualTo("v,\"x\n\ny\n");
    assertThat(records.get(1).problem())
        .isEqualTo("the quoted field opened on line 2 is never closed before the end of the file");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1 << 20})
  void textAfterAClosingQuoteMakesTheRestOfTheLineOneBadRecord(int buffer) throws IOException {
    List<Parsed> records = parse("\"a\"b,c\r\nd\n", RFC, buffer);

    assertThat(records)
        .containsExactly(
            new Parsed(
                1,
                List.of("q:a"),
                "\"a\"b,c",
                "unexpected text after the closing quote of field 1 (a quote inside a quoted"
                    + " field must be escaped)"),
            new Parsed(2, List.of("d"), "d", null));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1 << 20})
  void skipsPhysicalLinesBeforeTheFirstRecord(int buffer) throws IOException {
    try (CsvRecordParser parser =
        new CsvRecordParser(
            new ByteArrayInputStream("junk\n\"more\njunk\nh\n".getBytes(UTF_8)),
            RFC,
            buffer,
            Integer.MAX_VALUE)) {
      parser.skipLines(2);
      assertThat(parser.next()).isTrue();
      assertThat(parser.record().text(0)).isEqualTo("junk");
      assertThat(parser.record().line()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1 << 20})
  void keepsAQuoteInsideAnUnquotedFieldAndEmptyTrailingFields(int buffer) throws IOException {
    assertThat(parse("a\"b,\nc,d,\n", RFC, buffer))
        .containsExactly(
            new Parsed(1, List.of("a\"b", ""), "a\"b,", null),
            new Parsed(2, List.of("c", "d", ""), "c,d,", null));
  }
}
