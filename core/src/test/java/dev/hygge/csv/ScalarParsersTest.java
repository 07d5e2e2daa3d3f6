package dev.hygge.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScalarParsersTest {
  private static byte[] b(String text) {
    return text.getBytes(UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "+42", "9223372036854775807", "-9223372036854775808", "0012"})
  void parsesLongsLikeLongParseLong(String text) {
    NumberParser parser = new NumberParser();
    assertThat(parser.parseLong(b(text), 0, text.length())).isTrue();
    assertThat(parser.longValue()).isEqualTo(Long.parseLong(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+", "1.0", "9223372036854775808", "-9223372036854775809", "1a"})
  void refusesWhatIsNotALong(String text) {
    assertThat(new NumberParser().parseLong(b(text), 0, text.length())).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "1.5",
        "-0.1",
        "123456.789012",
        "3.141592653589793",
        "1e10",
        "-2.5E-3",
        "NaN",
        "-Infinity",
        ".5",
        "5.",
        "0.30000000000000004",
        "123456789012345678"
      })
  void parsesDoublesExactlyLikeDoubleParseDouble(String text) {
    NumberParser parser = new NumberParser();
    assertThat(parser.parseDouble(b(text), 0, text.length())).isTrue();
    assertThat(Double.valueOf(parser.doubleValue())).isEqualTo(Double.valueOf(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "-", "1f", "0x10", "1d", "abc", "1,5"})
  void refusesWhatIsNotADouble(String text) {
    assertThat(new NumberParser().parseDouble(b(text), 0, text.length())).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "10,2,1.5,1.50",
    "10,2,-123.45,-123.45",
    "10,2,7,7.00",
    "10,2,0.100,0.10",
    "5,0,+00012,12",
    "38,10,1234567890123456789012345678.0123456789,1234567890123456789012345678.0123456789",
    "20,2,-123456789012345678.5,-123456789012345678.50"
  })
  void parsesDecimalsAtTheColumnScale(int precision, int scale, String text, String expected) {
    DecimalParser parser = new DecimalParser(precision, scale);
    assertThat(parser.parse(b(text), 0, text.length())).isTrue();
    BigDecimal value =
        parser.fitsLong() ? BigDecimal.valueOf(parser.unscaled(), scale) : parser.wide();
    assertThat(value).isEqualTo(new BigDecimal(expected));
  }

  @ParameterizedTest
  @CsvSource({"10,2,1.234", "4,2,123.4", "10,2,1e3", "10,2,''", "10,2,.", "10,2,1.2.3"})
  void refusesDecimalsThatWouldRoundOrOverflow(int precision, int scale, String text) {
    assertThat(new DecimalParser(precision, scale).parse(b(text), 0, text.length())).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1970-01-01", "2024-02-29", "0001-01-01", "9999-12-31", "1969-12-31"})
  void parsesDatesLikeLocalDate(String text) {
    TemporalParser parser = new TemporalParser();
    assertThat(parser.parseDate(b(text), 0, text.length())).isTrue();
    assertThat(parser.epochDay()).isEqualTo(LocalDate.parse(text).toEpochDay());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "24-01-01", "x"})
  void refusesInvalidDates(String text) {
    assertThat(new TemporalParser().parseDate(b(text), 0, text.length())).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "2024-03-01T10:15:30.123456Z,2024-03-01T10:15:30.123456Z,OFFSET",
    "2024-03-01 10:15,2024-03-01T10:15:00Z,LOCAL",
    "2024-03-01,2024-03-01T00:00:00Z,LOCAL",
    "2024-03-01T00:30:00+01:00,2024-02-29T23:30:00Z,OFFSET",
    "2024-03-01T00:30:00-0530,2024-03-01T06:00:00Z,OFFSET",
    "2024-03-01T00:30:00+02,2024-02-29T22:30:00Z,OFFSET",
    "1969-12-31T23:59:59.9,1969-12-31T23:59:59.9Z,LOCAL",
    "2024-03-01T10:15:30.123456000,2024-03-01T10:15:30.123456Z,LOCAL"
  })
  void parsesTimestampsToMicros(String text, String instant, TemporalParser.Shape shape) {
    TemporalParser parser = new TemporalParser();
    assertThat(parser.parseTimestamp(b(text), 0, text.length())).isEqualTo(shape);
    assertThat(Instant.EPOCH.plus(parser.epochMicros(), ChronoUnit.MICROS))
        .isEqualTo(Instant.parse(instant));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-03-01T24:00", "2024-03-01T10:60", "2024-03-01T10:15:61", "2024-03-01T10",
        "2024-03-01X10:15", "2024-03-01T10:15:30.1234567", "2024-03-01T10:15:30.",
            "2024-03-01T10:15+25"
      })
  void refusesInvalidTimestamps(String text) {
    assertThat(new TemporalParser().parseTimestamp(b(text), 0, text.length()))
        .isEqualTo(TemporalParser.Shape.INVALID);
  }

  @Test
  void booleanWordsAndLetters() {
    assertThat(BooleanAppender.parse(b("TRUE"), 0, 4)).isEqualTo(1);
    assertThat(BooleanAppender.parse(b("False"), 0, 5)).isZero();
    assertThat(BooleanAppender.parse(b("t"), 0, 1)).isEqualTo(1);
    assertThat(BooleanAppender.parse(b("0"), 0, 1)).isZero();
    assertThat(BooleanAppender.parse(b("yes"), 0, 3)).isEqualTo(-1);
    assertThat(BooleanAppender.isWord(b("1"), 0, 1)).isFalse();
  }
}
