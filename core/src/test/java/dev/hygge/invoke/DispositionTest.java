package dev.hygge.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.state.StateConflictException;
import dev.hygge.state.StateOutcomeUnknownException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures a retry can help. */
class DispositionTest {

  @Test
  void stateConflictsAndUnknownOutcomesAreRetried() {
    assertThat(Disposition.of(new StateConflictException("changed underneath")))
        .isEqualTo(Disposition.RETRYABLE);
    assertThat(
            Disposition.of(
                new StateOutcomeUnknownException("lost reply", new SocketTimeoutException("t"))))
        .isEqualTo(Disposition.RETRYABLE);
  }

  @Test
  void aHomeFailureIsRetriedOnlyWhenItsCauseIsTransient() {
    assertThat(
            Disposition.of(
                HyggeException.home("Cannot read orders.csv", new SocketTimeoutException("t"))))
        .isEqualTo(Disposition.RETRYABLE);
    assertThat(
            Disposition.of(
                HyggeException.home(
                    "orders.parquet is not a Parquet file", new IllegalStateException("magic"))))
        .isEqualTo(Disposition.POISON);
  }

  @Test
  void configCredentialAndBugsArePoison() {
    assertThat(Disposition.of(HyggeException.config("bad"))).isEqualTo(Disposition.POISON);
    assertThat(Disposition.of(new HyggeException(ErrorKind.CREDENTIAL, "denied")))
        .isEqualTo(Disposition.POISON);
    assertThat(Disposition.of(new IllegalStateException("bug"))).isEqualTo(Disposition.POISON);
  }

  @Test
  void anyKindWithATransientCauseIsRetried() {
    assertThat(
            Disposition.of(
                new HyggeException(
                    ErrorKind.CONFIG,
                    "Cannot fetch the project from s3://config/shop/",
                    new java.net.SocketTimeoutException("Read timed out"))))
        .isEqualTo(Disposition.RETRYABLE);
    assertThat(
            Disposition.of(
                new HyggeException(
                    ErrorKind.CREDENTIAL,
                    "No token",
                    new java.net.ConnectException("Connection refused"))))
        .isEqualTo(Disposition.RETRYABLE);
  }

  @Test
  void entityReportsAreJudgedByKind() {
    assertThat(Disposition.of(ErrorKind.STATE)).isEqualTo(Disposition.RETRYABLE);
    assertThat(Disposition.of(ErrorKind.STORE)).isEqualTo(Disposition.RETRYABLE);
    assertThat(Disposition.of(ErrorKind.HOME)).isEqualTo(Disposition.POISON);
    assertThat(Disposition.of(ErrorKind.CONFIG)).isEqualTo(Disposition.POISON);
  }
}
