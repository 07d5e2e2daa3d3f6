package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Watermark values: parsing per kind, lookbacks, comparison. */
class WatermarkTest {
  @Test
  void parsesEachKind() {
    assertThat(Watermark.parse(WatermarkType.TIMESTAMP, "2024-01-01"))
        .isEqualTo(new Watermark.Timestamp(LocalDateTime.parse("2024-01-01T00:00")));
    assertThat(Watermark.parse(WatermarkType.TIMESTAMP, "2024-01-01 08:30:00.123456"))
        .isEqualTo(new Watermark.Timestamp(LocalDateTime.parse("2024-01-01T08:30:00.123456")));
    assertThat(Watermark.parse(WatermarkType.DATE, "2024-02-29"))
        .isEqualTo(new Watermark.Date(LocalDate.parse("2024-02-29")));
    assertThat(Watermark.parse(WatermarkType.INTEGER, " 42 ")).isEqualTo(new Watermark.Whole(42));
    assertThat(Watermark.parse(WatermarkType.STRING, "A-7")).isEqualTo(new Watermark.Text("A-7"));
    assertThatThrownBy(() -> Watermark.parse(WatermarkType.INTEGER, "1.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'1.5' is not a valid integer (a whole number)");
  }

  @Test
  void lookbackFitsTheKindOfColumn() {
    Watermark ts = Watermark.parse(WatermarkType.TIMESTAMP, "2024-01-02T01:00");
    assertThat(ts.minus(Lookback.parse("2h")).text()).isEqualTo("2024-01-01T23:00");
    assertThat(Watermark.parse(WatermarkType.DATE, "2024-03-01").minus(Lookback.parse("1d")).text())
        .isEqualTo("2024-02-29");
    assertThat(new Watermark.Whole(100).minus(Lookback.parse("10")).text()).isEqualTo("90");

    assertThatThrownBy(() -> ts.minus(Lookback.parse("5")))
        .hasMessageContaining("has no unit; for a timestamp column write a duration such as 2h");
    assertThatThrownBy(() -> new Watermark.Whole(1).minus(Lookback.parse("1d")))
        .hasMessageContaining("is a duration; for an integer column write a number");
    assertThatThrownBy(
            () -> new Watermark.Date(LocalDate.parse("2024-01-01")).minus(Lookback.parse("3h")))
        .hasMessageContaining("is not whole days");
    assertThatThrownBy(() -> Lookback.parse("two hours"))
        .hasMessage(
            "'two hours' is not a duration: write a whole number and a unit, e.g. 30s, 10m, 2h, 1d");
  }

  @Test
  void aTimestamptzIsAnInstantInUtc() {
    Watermark offset = Watermark.parse(WatermarkType.TIMESTAMPTZ, "2024-01-02T10:00:00+02:00");
    assertThat(offset)
        .isEqualTo(new Watermark.Moment(java.time.Instant.parse("2024-01-02T08:00:00Z")));
    assertThat(offset.text()).isEqualTo("2024-01-02T08:00:00Z");
    assertThat(offset.sqlValue()).isEqualTo(java.time.OffsetDateTime.parse("2024-01-02T08:00:00Z"));
    assertThat(Watermark.parse(WatermarkType.TIMESTAMPTZ, "2024-01-02").text())
        .as("no offset means UTC")
        .isEqualTo("2024-01-02T00:00:00Z");
    assertThat(Watermark.parse(WatermarkType.TIMESTAMPTZ, "2024-01-02 08:00:00.5Z").text())
        .isEqualTo("2024-01-02T08:00:00.500Z");
    assertThat(offset.minus(Lookback.parse("9h")).text()).isEqualTo("2024-01-01T23:00:00Z");
    assertThat(offset.compareWith(Watermark.parse(WatermarkType.TIMESTAMPTZ, "2024-01-02T08:00Z")))
        .isZero();
    assertThatThrownBy(
            () ->
                offset.compareWith(Watermark.parse(WatermarkType.TIMESTAMP, "2024-01-02T08:00:00")))
        .hasMessage("cannot compare a watermark of kind timestamptz with one of kind timestamp");
    assertThatThrownBy(() -> Watermark.parse(WatermarkType.TIMESTAMPTZ, "yesterday"))
        .hasMessageStartingWith(
            "'yesterday' is not a valid timestamptz (e.g. 2024-01-01T08:30:00Z");
  }

  @Test
  void comparesWithinAKindOnly() {
    assertThat(new Watermark.Whole(2).compareWith(new Watermark.Whole(10))).isNegative();
    assertThat(new Watermark.Text("b").compareWith(new Watermark.Text("a"))).isPositive();
    assertThatThrownBy(() -> new Watermark.Whole(2).compareWith(new Watermark.Text("2")))
        .hasMessage("cannot compare a watermark of kind integer with one of kind string");
  }
}
