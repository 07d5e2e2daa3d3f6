package dev.hygge.jdbc.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.arrow.vector.types.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ISO text temporal values travel as in bulk copy. */
class TemporalTextTest {

  @Test
  void datesAcrossSqlServersRange() {
    assertThat(TemporalText.date(LocalDate.of(1, 1, 1).toEpochDay())).isEqualTo("0001-01-01");
    assertThat(TemporalText.date(LocalDate.of(9999, 12, 31).toEpochDay())).isEqualTo("9999-12-31");
    assertThat(TemporalText.date(-1)).isEqualTo("1969-12-31");
    assertThat(TemporalText.date(LocalDate.of(10000, 1, 1).toEpochDay())).isEqualTo("+10000-01-01");
  }

  @Test
  void timesKeepSevenDigitsDroppingWhatIsBelow100Nanoseconds() {
    assertThat(TemporalText.time(0)).isEqualTo("00:00:00.0000000");
    assertThat(TemporalText.time(86_399_999_999_999L)).isEqualTo("23:59:59.9999999");
    assertThat(TemporalText.time(3_723_000_000_099L)).isEqualTo("01:02:03.0000000");
  }

  @Test
  void dateTimesInEveryUnitIncludingBeforeTheEpoch() {
    assertThat(TemporalText.dateTime(0, TemporalText.nanosPer(TimeUnit.SECOND)))
        .isEqualTo("1970-01-01 00:00:00.0000000");
    assertThat(TemporalText.dateTime(-1, TemporalText.nanosPer(TimeUnit.MILLISECOND)))
        .isEqualTo("1969-12-31 23:59:59.9990000");
    assertThat(
            TemporalText.dateTime(
                1_710_037_800_123_456L, TemporalText.nanosPer(TimeUnit.MICROSECOND)))
        .isEqualTo("2024-03-10 02:30:00.1234560");
    assertThat(
            TemporalText.dateTime(
                1_710_037_800_123_456_789L, TemporalText.nanosPer(TimeUnit.NANOSECOND)))
        .isEqualTo("2024-03-10 02:30:00.1234567");
    assertThat(
            TemporalText.dateTime(
                LocalDate.of(1, 1, 1).toEpochDay() * 86_400L,
                TemporalText.nanosPer(TimeUnit.SECOND)))
        .isEqualTo("0001-01-01 00:00:00.0000000");
  }
}
